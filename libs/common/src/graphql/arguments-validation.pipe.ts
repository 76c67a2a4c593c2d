import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';

/** Half of a UTF-16 surrogate pair without its other half: JSON carries it (\udfff), Unicode does not. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Arguments as GraphQL hands them over: arrays and plain objects (a request in the context is neither). */
function isPlainData(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return LONE_SURROGATE.test(value);
  if (value === null || typeof value !== 'object' || !isPlainData(value)) return false;
  return Object.values(value).some(hasLoneSurrogate);
}

/**
 * Text that is not well-formed Unicode (a lone surrogate) is refused first: validators choke on it
 * (isEmail's encodeURI throws, an INTERNAL_SERVER_ERROR), and nothing could store or show it anyway.
 *
 * Nest's ValidationPipe validates a missing argument as an empty object of its class, so an optional
 * input left out (remoteStartTransaction without chargingProfile) was refused for the required fields
 * of an object nobody sent. A named argument that is absent or null is passed on as it is: GraphQL
 * has already refused it if the schema requires it.
 */
export class ArgumentsValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if ((value === undefined || value === null) && metadata.data) return Promise.resolve(value);
    if (hasLoneSurrogate(value)) {
      return Promise.reject(
        new BadRequestException('Text must be well-formed Unicode (a lone surrogate was sent)'),
      );
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}
