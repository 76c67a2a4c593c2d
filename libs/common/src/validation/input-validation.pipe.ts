import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';

/**
 * Nest's ValidationPipe validates a missing argument as an empty object of its class, so an
 * optional GraphQL input left out (`remoteStartTransaction` without `chargingProfile`) failed on
 * the required fields of the input it does not have. GraphQL itself refuses a missing required
 * argument, so a named argument (`@Args('name')`) that is absent is optional and passes as it is.
 * A whole request body or args object is still validated.
 */
export class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if ((value === undefined || value === null) && metadata.data) return value;
    return super.transform(value, metadata);
  }
}
