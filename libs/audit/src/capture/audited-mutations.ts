import { AuthenticatedRequest } from '@csms/auth';
import { ErrorCode, OperationContext, errorCodeOf, runOperation } from '@csms/common';
import { Injectable } from '@nestjs/common';
import {
  GraphQLFieldConfig,
  GraphQLFieldResolver,
  GraphQLResolveInfo,
  GraphQLSchema,
  defaultFieldResolver,
} from 'graphql';
import { AuditActorType, AuditOutcome, NewAuditEntry } from '../audit-entry';
import { AuditLog } from '../audit-log';
import { actorOf } from './audit-actor';
import { auditTargetOf } from './audit-target';
import { AUDIT_EXTENSION, AuditFieldOptions } from './audited.decorator';

/** Refusals: the caller may not, or asked for something invalid or absent; nothing changed. */
const REFUSALS: ReadonlySet<string> = new Set([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.TOO_MANY_REQUESTS,
]);

/** A mutation acting on a whole fleet keeps the first CALLs of it; the message log has the rest. */
const MAX_OCPP_CALLS = 100;

/** A revoked or expired key that keeps calling is recorded once per this time (per key and instance). */
const REFUSED_KEY_EVERY_MS = 60_000;

type Context = { req?: AuthenticatedRequest };

/** Marks a wrapped resolver, so that a schema transformed twice is still audited once. */
const AUDITED_RESOLVER = Symbol('auditedResolver');

function isAudited(resolve: unknown): boolean {
  return typeof resolve === 'function' && AUDITED_RESOLVER in resolve;
}

/**
 * Audits every GraphQL mutation, whoever wrote it: the resolver of each Mutation field is wrapped
 * (GraphQL's `transformSchema`, so HTTP and graphql-ws alike) and each call of it, refused by a
 * guard, failed or done, gets one entry: actor, tenant, action (the mutation's name), target,
 * outcome with its error code, time, client address, its arguments with secrets redacted, and the
 * OCPP calls it sent. The mutation answers once its entry is stored. Calls with nobody to
 * attribute them to (anonymous, or a token that is no key of any tenant) are not recorded: they
 * belong to no tenant's log, and the public account mutations record their own entries.
 */
@Injectable()
export class AuditedMutations {
  private readonly refusedKeysRecordedAt = new Map<string, number>();
  /** The Mutation fields wrapped (Apollo wraps resolvers again afterwards, so tests ask here). */
  readonly auditedMutations = new Set<string>();

  constructor(private readonly audit: AuditLog) {}

  /** For the GraphQL module's `transformSchema`. */
  wrap(schema: GraphQLSchema): GraphQLSchema {
    for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
      if (isAudited(field.resolve)) continue;
      const options = (field.extensions?.[AUDIT_EXTENSION] ?? {}) as AuditFieldOptions;
      field.resolve = Object.assign(this.audited(field.resolve ?? defaultFieldResolver, options), {
        [AUDITED_RESOLVER]: true,
      });
      this.auditedMutations.add(field.name);
    }
    return schema;
  }

  private audited(
    resolve: GraphQLFieldResolver<unknown, Context>,
    options: AuditFieldOptions,
  ): NonNullable<GraphQLFieldConfig<unknown, Context>['resolve']> {
    return (source, args: Record<string, unknown>, context, info) => {
      const operation: OperationContext = { ip: context?.req?.ip, ocppCalls: [] };
      return runOperation(operation, async () => {
        let result: unknown;
        try {
          result = await resolve(source, args, context, info);
        } catch (error) {
          if (!options.inService) await this.record(context, info, args, options, operation, { error });
          throw error;
        }
        // Nest's exception filters hand a guard's error back as the resolver's value; GraphQL throws it.
        const outcome = result instanceof Error ? { error: result } : { result };
        if (!options.inService) await this.record(context, info, args, options, operation, outcome);
        return result;
      });
    };
  }

  private async record(
    context: Context | undefined,
    info: GraphQLResolveInfo,
    args: Record<string, unknown>,
    options: AuditFieldOptions,
    operation: OperationContext,
    outcome: { result?: unknown; error?: unknown },
  ): Promise<void> {
    const caller = this.callerOf(context?.req);
    if (!caller) return;
    const errorCode = outcome.error === undefined ? undefined : errorCodeOf(outcome.error);
    const target = auditTargetOf(info.fieldName, info.returnType, args, outcome.result, options);
    await this.audit.record({
      ...caller,
      action: info.fieldName,
      outcome:
        errorCode === undefined
          ? AuditOutcome.OK
          : REFUSALS.has(errorCode)
            ? AuditOutcome.REFUSED
            : AuditOutcome.FAILED,
      errorCode,
      targetType: target.type,
      targetId: target.id,
      changes: args,
      ocppCalls: operation.ocppCalls.slice(0, MAX_OCPP_CALLS),
    });
  }

  /** The tenant and actor to record under, if any (see the class comment). */
  private callerOf(
    request: AuthenticatedRequest | undefined,
  ): Pick<NewAuditEntry, 'tenantId' | 'actor'> | undefined {
    if (request?.user) return { tenantId: request.user.tenantId, actor: actorOf(request.user) };
    const refused = request?.refusedApiKey;
    if (!refused || !this.shouldRecordRefusal(refused.apiKey.id)) return undefined;
    return {
      tenantId: refused.tenantId,
      actor: {
        type: AuditActorType.API_KEY,
        id: refused.apiKey.id,
        label: `API key "${refused.apiKey.name}" (${refused.apiKey.prefix}…, ${refused.refusal})`,
        role: refused.role,
      },
    };
  }

  private shouldRecordRefusal(apiKeyId: string): boolean {
    const now = Date.now();
    const last = this.refusedKeysRecordedAt.get(apiKeyId);
    if (last !== undefined && now - last < REFUSED_KEY_EVERY_MS) return false;
    if (this.refusedKeysRecordedAt.size > 10_000) this.refusedKeysRecordedAt.clear();
    this.refusedKeysRecordedAt.set(apiKeyId, now);
    return true;
  }
}
