import Stripe from 'stripe';
import { ProviderNotFound, ProviderRefusal } from '../provider/billing-provider.port';

function isStripeError(error: unknown): error is Stripe.errors.StripeError {
  return error instanceof Stripe.errors.StripeError;
}

/** Whether a Stripe error is a declined payment (402, or a card error code). */
export function isDecline(error: unknown): boolean {
  return (
    isStripeError(error) &&
    (error.type === 'StripeCardError' || error.statusCode === 402 || error.code === 'card_declined')
  );
}

/**
 * Stripe errors in the port's words: what Stripe refused for good (a bad request, a missing object, a
 * declined card) becomes a ProviderRefusal; the rest (network, rate limit, Stripe down, a key being
 * fixed) stays an error worth retrying.
 */
export function toProviderError(error: unknown): unknown {
  if (!isStripeError(error)) return error;
  if (error.statusCode === 404 || error.code === 'resource_missing')
    return new ProviderNotFound(error.message);
  if (isDecline(error)) return new ProviderRefusal(error.message, error.code ?? 'card_declined');
  if (error.type === 'StripeInvalidRequestError' && error.statusCode === 400) {
    return new ProviderRefusal(error.message, error.code);
  }
  return error;
}

/** Runs a Stripe call, its errors translated. */
export async function stripeCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toProviderError(error);
  }
}
