import { Extensions } from '@nestjs/graphql';

/** Read from a mutation field's GraphQL extensions by AuditedMutations. */
export const AUDIT_EXTENSION = 'audit';

export interface AuditFieldOptions {
  /** The resolver's services write their own, richer entries (logins, password resets). */
  inService?: boolean;
  /** The target, when neither the answer nor the arguments say it (see auditTargetOf). */
  targetType?: string;
  /** Path of the argument holding the target's id, e.g. `input.siteId`. */
  targetIdArg?: string;
}

/**
 * For a mutation whose services record what happened themselves (who failed to log in, which
 * account was locked): the generic entry is not written. Everything else needs no decorator.
 */
export const AuditedInService = (): MethodDecorator =>
  Extensions({ [AUDIT_EXTENSION]: { inService: true } satisfies AuditFieldOptions });

/** Names the target of a mutation whose answer and arguments do not (rarely needed). */
export const AuditTarget = (targetType: string, targetIdArg?: string): MethodDecorator =>
  Extensions({ [AUDIT_EXTENSION]: { targetType, targetIdArg } satisfies AuditFieldOptions });
