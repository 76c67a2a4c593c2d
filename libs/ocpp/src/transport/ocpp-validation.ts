import { readFileSync } from 'node:fs';
import { createRPCError, createValidator } from 'ocpp-rpc';
import { isDateTime } from './date-time-format';

/** Which of an action's two schemas: its request's or its response's. */
export type SchemaPart = 'req' | 'conf';

/** One subprotocol's schema validator: true, or it throws the CALLERROR the payload deserves. */
export interface SchemaValidator {
  readonly subprotocol: string;
  /** As ocpp-rpc's strict mode calls it, by schema id (`urn:<action>.<part>`). */
  validate(schemaId: string, payload: unknown): boolean;
  /** As our own calls and answers are checked. */
  check(action: string, part: SchemaPart, payload: unknown): boolean;
}

const SCHEMA_ID = /^urn:(.+)\.(req|conf)$/;

interface AjvError {
  keyword: string;
  instancePath: string;
  message?: string;
}

const SCHEMA_FILES: Record<string, string> = {
  'ocpp1.6': 'ocpp-rpc/lib/schemas/ocpp1_6.json',
  'ocpp2.0.1': 'ocpp-rpc/lib/schemas/ocpp2_0_1.json',
};

/**
 * OCPP-J error code per failed JSON-schema keyword, by the spec's definitions: a wrong JSON type
 * is a type constraint, a missing or too many element an occurrence constraint, a value outside
 * its enum/pattern/length/range a property constraint, an unknown field breaks the PDU structure.
 * (ocpp-rpc's own table reports enum and length failures as FormatViolation.)
 */
const CODE_BY_KEYWORD: Record<string, string> = {
  type: 'TypeConstraintViolation',
  format: 'TypeConstraintViolation',
  required: 'OccurenceConstraintViolation',
  minItems: 'OccurenceConstraintViolation',
  maxItems: 'OccurenceConstraintViolation',
  minProperties: 'OccurenceConstraintViolation',
  maxProperties: 'OccurenceConstraintViolation',
  enum: 'PropertyConstraintViolation',
  const: 'PropertyConstraintViolation',
  pattern: 'PropertyConstraintViolation',
  maxLength: 'PropertyConstraintViolation',
  minLength: 'PropertyConstraintViolation',
  maximum: 'PropertyConstraintViolation',
  minimum: 'PropertyConstraintViolation',
  exclusiveMaximum: 'PropertyConstraintViolation',
  exclusiveMinimum: 'PropertyConstraintViolation',
  multipleOf: 'PropertyConstraintViolation',
  additionalProperties: 'FormatViolation',
};

function ajvErrorsOf(error: unknown): AjvError[] {
  const details = (error as { details?: { errors?: unknown } }).details;
  return Array.isArray(details?.errors) ? (details.errors as AjvError[]) : [];
}

/** The CALLERROR a schema failure deserves; the payload itself is never echoed back. */
export function callErrorFor(error: unknown, params: unknown): Error {
  if (params === undefined || params === null) {
    return createRPCError('ProtocolError', 'The CALL has no payload') as Error;
  }
  const [first] = ajvErrorsOf(error);
  if (!first) return error as Error;
  // A payload that is not an object at all does not have the PDU's structure.
  const code =
    first.keyword === 'type' && first.instancePath === ''
      ? 'FormatViolation'
      : (CODE_BY_KEYWORD[first.keyword] ?? 'FormatViolation');
  const where = first.instancePath || 'payload';
  return createRPCError(code, `${where} ${first.message ?? 'is invalid'}`, {
    path: first.instancePath,
    keyword: first.keyword,
  }) as Error;
}

function loadSchemas(subprotocol: string): object[] {
  const file = require.resolve(SCHEMA_FILES[subprotocol]);
  return JSON.parse(readFileSync(file, 'utf8')) as object[];
}

type CompiledSchema = NonNullable<ReturnType<ReturnType<typeof createValidator>['_ajv']['getSchema']>>;

/**
 * The official schemas compiled once per subprotocol, with spec-exact CALLERROR codes and an
 * allocation-free `date-time` format. Each schema's function is looked up once (ajv resolves the id
 * on every call otherwise, twice per CALL); a payload it refuses goes through ocpp-rpc's validator
 * for the error, as before.
 */
export function createSchemaValidator(subprotocol: string): SchemaValidator {
  const inner = createValidator(subprotocol, loadSchemas(subprotocol));
  // Before any schema compiles (they compile when first looked up): every timestamp is checked by it.
  inner._ajv.addFormat('date-time', isDateTime);
  // By action, then part: the action's name comes from the parsed frame (a string V8 has already
  // hashed), where a schema id would be a new string to hash on every call.
  const compiled = new Map<string, Partial<Record<SchemaPart, CompiledSchema>>>();
  const compiledOf = (action: string, part: SchemaPart): CompiledSchema | undefined => {
    const ofAction = compiled.get(action);
    const known = ofAction?.[part];
    if (known) return known;
    // Kept only once found: a station's made-up action names never grow the map.
    const check = inner._ajv.getSchema(`urn:${action}.${part}`);
    if (check) compiled.set(action, { ...ofAction, [part]: check });
    return check;
  };
  const check = (action: string, part: SchemaPart, params: unknown): boolean => {
    if (compiledOf(action, part)?.(params) === true) return true;
    try {
      return inner.validate(`urn:${action}.${part}`, params) as boolean;
    } catch (error) {
      throw callErrorFor(error, params);
    }
  };
  return {
    subprotocol,
    check,
    validate(schemaId: string, params: unknown): boolean {
      const id = SCHEMA_ID.exec(schemaId);
      if (id) return check(id[1], id[2] as SchemaPart, params);
      try {
        return inner.validate(schemaId, params) as boolean;
      } catch (error) {
        throw callErrorFor(error, params);
      }
    },
  };
}
