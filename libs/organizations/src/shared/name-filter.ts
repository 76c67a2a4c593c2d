/** A case-insensitive "contains" match for a user-typed name, its regex characters taken literally. */
export function nameContains(name: string): RegExp {
  return new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}
