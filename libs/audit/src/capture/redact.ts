import { API_KEY_SECRET_IN_TEXT } from '@csms/auth';

export const REDACTED = '[REDACTED]';

/** Field names whose value is a secret, whatever it holds. */
const SECRET_FIELD =
  /pass(word|phrase)|secret|token|api_?key|authori[sz]ation|credential|private_?key|^pin$/i;
/** A word naming a secret setting, e.g. a configuration key `AuthorizationKey` or `BasicAuthPassword`. */
const SECRET_WORD = /pass(word|phrase)|secret|authori[sz]ation_?key|token|credential|private_?key|api_?key/i;

/** Recorded changes stay small: a station's 10,000-badge list or a certificate is not the log's to keep. */
const MAX_DEPTH = 6;
const MAX_ITEMS = 50;
const MAX_STRING = 500;

function mentionsSecret(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return SECRET_WORD.test(value);
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return false;
  return Object.values(value).some((inner) => mentionsSecret(inner, depth + 1));
}

function redactString(value: string): string {
  const redacted = value.replace(API_KEY_SECRET_IN_TEXT, REDACTED);
  return redacted.length > MAX_STRING
    ? `${redacted.slice(0, MAX_STRING)}… (${redacted.length} chars)`
    : redacted;
}

/**
 * A copy of what an operation was given, fit for the audit log: values of secret fields (passwords,
 * tokens, keys), the `value` of a key/value pair that names a secret (changeConfiguration of
 * `AuthorizationKey`, setVariable of `BasicAuthPassword`) and anything shaped like an API key
 * secret become `[REDACTED]`; long strings and lists are cut short.
 */
export function redactChanges(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_ITEMS).map((item) => redactChanges(item, depth + 1));
    return value.length > MAX_ITEMS ? [...kept, `… ${value.length - MAX_ITEMS} more`] : kept;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, inner]) => inner !== undefined);
  const secretValue =
    'value' in value && entries.some(([key, inner]) => key !== 'value' && mentionsSecret(inner));
  return Object.fromEntries(
    entries.map(([key, inner]) => [
      key,
      SECRET_FIELD.test(key) || (secretValue && key === 'value') ? REDACTED : redactChanges(inner, depth + 1),
    ]),
  );
}
