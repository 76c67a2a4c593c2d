import { GraphQLObjectType, GraphQLOutputType, getNamedType, isObjectType } from 'graphql';

export interface AuditTarget {
  type?: string;
  id?: string;
}

/** What a mutation's answer says about its target: an object with an id, or a payload holding one. */
interface EntityShape {
  type: string;
  /** Field of the payload holding the entity; absent when the answer is the entity. */
  field?: string;
}

/** A mutation named `<verb><Type>` is about a `<Type>`: deleteTag → Tag, revokeApiKey → ApiKey. */
const VERB =
  /^(create|update|delete|remove|revoke|deactivate|activate|assign|unassign|set|clear|add|install|cancel)(?=[A-Z])/;

function idOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('id' in value)) return undefined;
  const id = value.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

function hasId(type: GraphQLObjectType): boolean {
  return 'id' in type.getFields();
}

/** The entity a return type stands for: itself when it has an id, or a payload's one entity field. */
export function entityShapeOf(returnType: GraphQLOutputType): EntityShape | undefined {
  const named = getNamedType(returnType);
  if (!isObjectType(named)) return undefined;
  if (hasId(named)) return { type: named.name };
  const entities = Object.values(named.getFields()).flatMap((field) => {
    const inner = getNamedType(field.type);
    return isObjectType(inner) && hasId(inner) ? [{ type: inner.name, field: field.name }] : [];
  });
  return entities.length === 1 ? entities[0] : undefined;
}

function argumentAt(args: Record<string, unknown>, path: string): string | undefined {
  let value: unknown = args;
  for (const key of path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** An `id` argument, or the `id` of an `input` argument (updateUser(input: { id })). */
function idArgumentOf(args: Record<string, unknown>): string | undefined {
  return argumentAt(args, 'id') ?? argumentAt(args, 'input.id');
}

/**
 * The object a mutation acted on, from what every mutation has: the entity it answered (or the one
 * its payload holds), else the station of a station command (`chargingStationId`), else an `id`
 * argument, typed by the answer's entity or the mutation's name. `hint` overrides (a resolver's
 * @AuditTarget).
 */
export function auditTargetOf(
  fieldName: string,
  returnType: GraphQLOutputType,
  args: Record<string, unknown>,
  result: unknown,
  hint?: { targetType?: string; targetIdArg?: string },
): AuditTarget {
  if (hint?.targetType) {
    return { type: hint.targetType, id: hint.targetIdArg ? argumentAt(args, hint.targetIdArg) : undefined };
  }
  const entity = entityShapeOf(returnType);
  const answered = entity?.field ? (result as Record<string, unknown> | null)?.[entity.field] : result;
  const answeredId = entity && idOf(answered);
  if (entity && answeredId) return { type: entity.type, id: answeredId };
  const stationId = argumentAt(args, 'chargingStationId');
  if (stationId) return { type: 'ChargingStation', id: stationId };
  const typeFromName = VERB.test(fieldName) ? fieldName.replace(VERB, '') : undefined;
  return { type: entity?.type ?? typeFromName, id: idArgumentOf(args) };
}
