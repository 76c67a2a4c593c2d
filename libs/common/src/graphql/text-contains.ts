/** A case-insensitive "contains" match for user-typed search text, its regex characters taken literally. */
export function textContains(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}
