import { BadInputError, DomainError, NotFoundError } from '@csms/common';
import { ProviderNotFound, ProviderRefusal } from '../provider/billing-provider.port';
import { BillingNotConfiguredError } from '../settings/billing-settings.service';

/** Provider and settings errors in the API's words; anything else (Stripe unreachable) passes as it is. */
export function toApiError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  if (error instanceof ProviderNotFound) return new NotFoundError('Billing object', error.message);
  if (error instanceof ProviderRefusal) return new BadInputError(error.message);
  if (error instanceof BillingNotConfiguredError)
    return new BadInputError(error.message, { field: 'billing' });
  return error;
}

/** Runs an API operation, its billing errors translated. */
export async function billingApiCall<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toApiError(error);
  }
}
