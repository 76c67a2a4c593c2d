/** The fields that are set: GraphQL leaves absent optional inputs undefined, which must not overwrite. */
export function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
