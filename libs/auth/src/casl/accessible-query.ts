import { rulesToQuery } from '@casl/ability/extra';
import { ForbiddenError } from '@csms/common';
import { Action, AppAbility, SubjectType } from './ability';

type MongoQuery = Record<string, unknown>;

/**
 * The database filter equivalent to what `ability` allows for `action` on `subject`, so that only
 * what the caller may see is ever loaded. Throws FORBIDDEN when nothing is allowed. Conditions are
 * written on domain objects; `fieldNames` maps a domain field to its stored name (e.g. id → _id).
 */
export function accessibleQuery(
  ability: AppAbility,
  action: Action,
  subject: SubjectType,
  fieldNames: Record<string, string> = {},
): MongoQuery {
  const query = rulesToQuery(ability, action, subject, (rule) => {
    if (!rule.ast) throw new Error('CASL rule without conditions AST');
    const conditions = renameFields(rule.conditions as MongoQuery, fieldNames);
    return rule.inverted ? { $nor: [conditions] } : conditions;
  });
  if (query === null) throw new ForbiddenError(`You may not ${action} ${subject}`);
  const conditions: MongoQuery[] = [];
  if (query.$or) conditions.push({ $or: query.$or });
  if (query.$and) conditions.push(...query.$and);
  if (conditions.length === 0) return {};
  return conditions.length === 1 ? conditions[0] : { $and: conditions };
}

function renameFields(conditions: MongoQuery, fieldNames: Record<string, string>): MongoQuery {
  return Object.fromEntries(
    Object.entries(conditions).map(([key, value]) => {
      const renamed = fieldNames[key] ?? key;
      if (Array.isArray(value)) {
        return [
          renamed,
          value.map((item: unknown) => (isQuery(item) ? renameFields(item, fieldNames) : item)),
        ];
      }
      return [renamed, key.startsWith('$') && isQuery(value) ? renameFields(value, fieldNames) : value];
    }),
  );
}

function isQuery(value: unknown): value is MongoQuery {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}
