/** The OCPI versions we speak, in order of preference: 2.2.1 first, 2.1.1 for hubs that still use it. */
export const OCPI_VERSIONS = ['2.2.1', '2.1.1'] as const;
export type OcpiVersion = (typeof OCPI_VERSIONS)[number];

export function isOcpiVersion(value: unknown): value is OcpiVersion {
  return typeof value === 'string' && (OCPI_VERSIONS as readonly string[]).includes(value);
}

/** 2.2 and later: Base64 credentials tokens, interface roles, CredentialsRoles, routing headers. */
export function isOcpi22(version: string): boolean {
  return version.startsWith('2.2');
}

/** The best version both sides speak, by our preference; undefined when there is none. */
export function negotiateVersion(theirs: readonly string[]): OcpiVersion | undefined {
  return OCPI_VERSIONS.find((version) => theirs.includes(version));
}
