/** The version a simulated firmware update installs: the last number goes up by one. */
export function bumpVersion(version: string): string {
  const parts = version.split('.').map(Number);
  parts[parts.length - 1] = (parts[parts.length - 1] || 0) + 1;
  return parts.join('.');
}
