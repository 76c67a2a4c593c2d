import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';

/**
 * Nest's ValidationPipe validates a missing argument as an empty object of its class, so an optional
 * input left out (remoteStartTransaction without chargingProfile) was refused for the required fields
 * of an object nobody sent. A named argument that is absent or null is passed on as it is: GraphQL
 * has already refused it if the schema requires it.
 */
export class ArgumentsValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if ((value === undefined || value === null) && metadata.data) return Promise.resolve(value);
    return super.transform(value, metadata) as Promise<unknown>;
  }
}
