/** The fields of a partial change that are given (undefined ones left out), e.g. to spread over a stored value. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

/**
 * The fields that are set, undefined and null left out: what a settings store keeps of a change (a
 * GraphQL input's null leaves the stored value as it is).
 */
export function setFieldsOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined && field !== null),
  ) as Partial<T>;
}
