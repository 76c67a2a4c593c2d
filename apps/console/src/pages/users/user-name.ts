/** How a person is shown: their name, else their email. */
export function userName(
  user: { firstName?: string | null; lastName?: string | null; email?: string | null } | null | undefined,
): string | undefined {
  if (!user) return undefined;
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return name || user.email || undefined;
}
