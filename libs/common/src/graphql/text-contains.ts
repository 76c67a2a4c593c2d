/** `text` as a pattern that matches it literally: every regex character escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A case-insensitive "contains" match for user-typed search text, its regex characters taken literally. */
export function textContains(text: string): RegExp {
  return new RegExp(escapeRegExp(text), 'i');
}
