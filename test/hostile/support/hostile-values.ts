import fc from 'fast-check';

/** Strings that trip up parsers, validators, databases and logs. */
export const UNICODE_EDGES = [
  '',
  '\u0000',
  'nul\u0000inside',
  '\uFEFFbom',
  '\u202Eright-to-left',
  '\uD800',
  '\uDFFF',
  'e\u0301',
  '𝕏🔌⚡',
  '\u200B\u200C\u200D',
  '\r\n\t',
  '$where',
  '{"$gt":""}',
  '<![CDATA[x]]>',
  '../../etc/passwd',
  'x'.repeat(1000),
];

/** JSON values of any shape: wrong types, odd numbers, unicode edges, nested a little. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.constantFrom(...UNICODE_EDGES),
  fc.constantFrom(0, -1, -0, 0.5, 1e21, 1e308, -1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER),
  fc.constantFrom(null, true, false, [], {}),
  fc.dictionary(
    fc.constantFrom('$set', '$gt', '__proto__', 'constructor', '.', 'a.b'),
    fc.jsonValue({ maxDepth: 1 }),
  ),
);

/** `value` wrapped `depth` times in arrays or objects, written out without recursion. */
export function deeplyNested(depth: number, inObjects: boolean): string {
  return inObjects ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) : '['.repeat(depth) + ']'.repeat(depth);
}

/**
 * A payload derived from a valid one: a field replaced by a hostile value, removed, or joined by an
 * unknown one, or the whole payload replaced. Most stay close enough to valid to reach the handlers.
 */
export function mutatedPayload(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const replaced = keys.length
    ? fc.tuple(fc.constantFrom(...keys), hostileValue).map(([key, value]) => ({ ...valid, [key]: value }))
    : hostileValue.map((value) => ({ extra: value }));
  const removed = keys.length
    ? fc
        .constantFrom(...keys)
        .map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key)))
    : fc.constant(valid);
  const added = fc
    .tuple(fc.string({ unit: 'binary', maxLength: 16 }), hostileValue)
    .map(([key, value]) => ({ ...valid, [key]: value }));
  return fc.oneof(
    { arbitrary: fc.constant(valid), weight: 1 },
    { arbitrary: replaced, weight: 4 },
    { arbitrary: removed, weight: 2 },
    { arbitrary: added, weight: 2 },
    { arbitrary: hostileValue, weight: 1 },
  );
}
