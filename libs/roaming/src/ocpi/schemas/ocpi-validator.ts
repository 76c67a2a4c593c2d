import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { OcpiError } from '../protocol/ocpi-error';

const ajv = new Ajv({ allErrors: false, strict: false, coerceTypes: false });
const compiled = new WeakMap<object, ValidateFunction>();

function describe(error: ErrorObject): string {
  const where = error.instancePath || '(body)';
  if (error.keyword === 'required')
    return `${where} misses the required field ${String(error.params.missingProperty)}`;
  if (error.keyword === 'enum') {
    return `${where} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
  }
  return `${where} ${error.message ?? 'is invalid'}`;
}

/** `value` without its null-valued properties: many implementations send null for an absent optional field. */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutNulls(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null)
      .map(([key, field]) => [key, withoutNulls(field)]),
  ) as T;
}

/**
 * Checks a partner's JSON against one of our OCPI object schemas (written from the 2.2.1 and 2.1.1
 * object descriptions); a violation is a 2001 naming the field. Unknown fields are tolerated, as OCPI
 * lets objects grow; null-valued fields count as absent and are left out of the result.
 */
export function validateOcpi<T>(schema: object, raw: unknown, what: string): T {
  const value = withoutNulls(raw);
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (!validate(value)) {
    throw OcpiError.invalidParameters(`${what}: ${describe(validate.errors![0])}`);
  }
  return value as T;
}
