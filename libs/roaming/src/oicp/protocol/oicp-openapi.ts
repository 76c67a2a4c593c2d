import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const OPENAPI_NAME = 'oicp-cpo-2.3.openapi.yaml';

/**
 * Hubject's OICP 2.3 CPO OpenAPI, bundled unmodified in ../openapi (CC BY-SA 4.0, see its README):
 * beside the compiled code (nest-cli assets), or in the source tree when run from the repository.
 */
export const OICP_OPENAPI_FILE =
  [
    join(__dirname, '..', 'openapi', OPENAPI_NAME),
    resolve(process.cwd(), 'libs/roaming/src/oicp/openapi', OPENAPI_NAME),
  ].find((file) => existsSync(file)) ?? join(__dirname, '..', 'openapi', OPENAPI_NAME);

/** The operations of the CPO OpenAPI, named by their operationId without the eRoaming prefix and version. */
export type OicpOperationName =
  | 'AuthorizeStart'
  | 'AuthorizeStop'
  | 'AuthorizeRemoteStart'
  | 'AuthorizeRemoteStop'
  | 'ChargeDetailRecord'
  | 'AuthorizeRemoteReservationStart'
  | 'AuthorizeRemoteReservationStop'
  | 'PushEvseData'
  | 'PushEvseStatus'
  | 'PushPricingProductData'
  | 'PushEVSEPricing'
  | 'ChargingNotifications';

export interface OicpOperation {
  name: OicpOperationName;
  /** The path template, e.g. `/charging/v21/operators/{operatorID}/authorize/start`. */
  path: string;
  /** Schema names of the request body (several for ChargingNotifications' oneOf) and of the 200 answer. */
  requestSchemas: string[];
  responseSchema: string;
}

interface OpenApiSchemaRef {
  $ref?: string;
  oneOf?: { $ref: string }[];
}

interface OpenApiDocument {
  paths: Record<
    string,
    {
      post: {
        operationId: string;
        requestBody: { content: { 'application/json': { schema: OpenApiSchemaRef } } };
        responses: { '200': { content: { 'application/json': { schema: OpenApiSchemaRef } } } };
      };
    }
  >;
  components: { schemas: Record<string, unknown> };
}

/** A message that does not satisfy its OpenAPI schema: where and why. */
export class OicpSchemaViolation extends Error {
  constructor(
    readonly schema: string,
    readonly detail: string,
  ) {
    super(`${schema}: ${detail}`);
    this.name = 'OicpSchemaViolation';
  }
}

const SCHEMA_ID = 'oicp-cpo-2.3';

function schemaName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '(body)';
  if (error.keyword === 'required')
    return `${where} misses the required field ${String(error.params.missingProperty)}`;
  if (error.keyword === 'enum')
    return `${where} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
  if (error.keyword === 'pattern') return `${where} must match ${String(error.params.pattern)}`;
  return `${where} ${error.message ?? 'is invalid'}`;
}

/**
 * The OICP 2.3 CPO OpenAPI as a validator: the operations (paths and body schemas) are read from the
 * file itself, and every message is checked against the component schema it names, with ajv. Unknown
 * OpenAPI keywords (example, nullable) are ignored; `format: date-time` is enforced.
 */
export class OicpOpenApi {
  private static loaded?: OicpOpenApi;
  readonly operations: ReadonlyMap<OicpOperationName, OicpOperation>;
  // Without the `u` flag: the file's patterns escape characters (`\-`) that unicode mode refuses.
  private readonly ajv = new Ajv({ allErrors: false, strict: false, unicodeRegExp: false });
  private readonly validators = new Map<string, ValidateFunction>();

  private constructor(document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: SCHEMA_ID, components: document.components });
    const operations = new Map<OicpOperationName, OicpOperation>();
    for (const [route, { post }] of Object.entries(document.paths)) {
      const name = post.operationId.replace(/^eRoaming/, '').replace(/_v[\d.]+$/i, '') as OicpOperationName;
      const request = post.requestBody.content['application/json'].schema;
      operations.set(name, {
        name,
        path: route,
        requestSchemas: request.oneOf
          ? request.oneOf.map((entry) => schemaName(entry.$ref))
          : [schemaName(request.$ref!)],
        responseSchema: schemaName(post.responses['200'].content['application/json'].schema.$ref!),
      });
    }
    this.operations = operations;
  }

  /** The one instance, read from the bundled file on first use. */
  static get(): OicpOpenApi {
    OicpOpenApi.loaded ??= new OicpOpenApi(load(readFileSync(OICP_OPENAPI_FILE, 'utf8')) as OpenApiDocument);
    return OicpOpenApi.loaded;
  }

  operation(name: OicpOperationName): OicpOperation {
    const operation = this.operations.get(name);
    if (!operation) throw new Error(`The OICP OpenAPI has no operation ${name}`);
    return operation;
  }

  /** Throws OicpSchemaViolation when `value` is not a valid `schema` (a component schema's name). */
  check(schema: string, value: unknown): void {
    const validate = this.validatorOf(schema);
    if (!validate(value)) throw new OicpSchemaViolation(schema, describe(validate.errors![0]));
  }

  /**
   * Checks a request body of `operation`. ChargingNotifications' oneOf overlaps (a Progress is also a
   * valid Start, none forbids extra fields), so a notification is checked against the member its Type names.
   */
  checkRequest(name: OicpOperationName, body: unknown): void {
    const { requestSchemas } = this.operation(name);
    if (requestSchemas.length === 1) return this.check(requestSchemas[0], body);
    const type = (body as { Type?: unknown } | null)?.Type;
    const member = requestSchemas.find((schema) => typeof type === 'string' && schema.endsWith(type));
    if (!member)
      throw new OicpSchemaViolation(
        requestSchemas.join('|'),
        `/Type must be one of Start, Progress, End, Error`,
      );
    this.check(member, body);
  }

  checkResponse(name: OicpOperationName, body: unknown): void {
    this.check(this.operation(name).responseSchema, body);
  }

  private validatorOf(schema: string): ValidateFunction {
    let validate = this.validators.get(schema);
    if (!validate) {
      validate = this.ajv.getSchema(`${SCHEMA_ID}#/components/schemas/${schema}`);
      if (!validate) throw new Error(`The OICP OpenAPI has no schema ${schema}`);
      this.validators.set(schema, validate);
    }
    return validate;
  }
}
