import { DEVELOPMENT_DEFAULTS } from './config.schema';
import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies documented defaults for development', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe('./data');
    expect(config.ADMIN_EMAIL).toBe(DEVELOPMENT_DEFAULTS.ADMIN_EMAIL);
    expect(config.SERVER_ROLES).toEqual(['all']);
  });

  it('names the variable and the problem for a wrong value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: Expected number/);
    expect(() => loadConfig({ MONGODB_URI: 'postgres://x' })).toThrow(/MONGODB_URI: must start with mongodb/);
    expect(() => loadConfig({ SERVER_ROLES: 'all,web' })).toThrow(/unknown role "web"/);
  });

  it('allows outbound calls to no private network unless told, and only to IP networks', () => {
    expect(loadConfig({}).OUTBOUND_ALLOWED_NETWORKS).toEqual([]);
    expect(
      loadConfig({ OUTBOUND_ALLOWED_NETWORKS: '192.168.10.0/24, fd00::/8' }).OUTBOUND_ALLOWED_NETWORKS,
    ).toEqual(['192.168.10.0/24', 'fd00::/8']);
    expect(() => loadConfig({ OUTBOUND_ALLOWED_NETWORKS: 'intranet.local' })).toThrow(
      /OUTBOUND_ALLOWED_NETWORKS: "intranet.local" is not an IP network/,
    );
    expect(() => loadConfig({ OUTBOUND_ALLOWED_NETWORKS: '10.0.0.0/40' })).toThrow(/prefix length/);
  });

  it('trusts no reverse proxy with OICP client certificates unless told, and only IP addresses', () => {
    expect(loadConfig({}).OICP_TRUSTED_PROXIES).toEqual([]);
    expect(loadConfig({ OICP_TRUSTED_PROXIES: '10.0.0.5, ::1' }).OICP_TRUSTED_PROXIES).toEqual([
      '10.0.0.5',
      '::1',
    ]);
    expect(() => loadConfig({ OICP_TRUSTED_PROXIES: 'proxy.internal' })).toThrow(/OICP_TRUSTED_PROXIES/);
    expect(loadConfig({ OICP_CLIENT_CERT_HEADER: 'X-Client-Cert' }).OICP_CLIENT_CERT_HEADER).toBe(
      'x-client-cert',
    );
  });

  it('refuses development secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: the development default is refused/,
    );
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'a'.repeat(40),
      ADMIN_PASSWORD: 'S3cure-enough-password',
    };
    expect(() => loadConfig(production)).toThrow(
      /SECRETS_ENCRYPTION_KEY: the development default is refused/,
    );
    const config = loadConfig({ ...production, SECRETS_ENCRYPTION_KEY: 'k'.repeat(40) });
    expect(config.NODE_ENV).toBe('production');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ MONGODB_URI: '' }).MONGODB_URI).toBeUndefined();
  });
});
