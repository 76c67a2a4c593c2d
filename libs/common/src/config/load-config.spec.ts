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
