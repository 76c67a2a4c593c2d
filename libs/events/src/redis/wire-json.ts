/**
 * JSON for messages between instances. Plain JSON turns a Date into an ISO string and nothing turns
 * it back, so Dates travel tagged as `{"$date": "<ISO 8601>"}` and are revived on the way in. An
 * object whose only key is `$date` holding a string is therefore reserved on the wire. Invalid Dates
 * travel as null, as JSON.stringify writes them.
 */
const DATE_TAG = '$date';

interface TaggedDate {
  [DATE_TAG]: string;
}

function isTaggedDate(value: unknown): value is TaggedDate {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === DATE_TAG && typeof (value as TaggedDate)[DATE_TAG] === 'string';
}

export function toWireJson(value: unknown): string {
  // The replacer sees a Date only through `this[key]`: JSON.stringify calls toJSON before the replacer.
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, item: unknown) {
    const original = this[key];
    if (!(original instanceof Date)) return item;
    return Number.isNaN(original.getTime()) ? null : { [DATE_TAG]: original.toISOString() };
  });
}

export function fromWireJson(text: string): unknown {
  return JSON.parse(text, (_key: string, item: unknown) =>
    isTaggedDate(item) ? new Date(item[DATE_TAG]) : item,
  ) as unknown;
}
