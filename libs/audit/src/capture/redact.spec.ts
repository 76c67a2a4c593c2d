import { asTenantId } from '@csms/common';
import { newApiKeySecret } from '@csms/auth';
import { REDACTED, redactChanges } from './redact';

describe('redactChanges', () => {
  it('redacts secret fields at any depth and keeps the rest', () => {
    expect(
      redactChanges({
        input: { email: 'a@b.c', password: 'Secret1!', profile: { newPassword: 'x', phone: '+33' } },
        token: 'abc',
        currentPassword: 'y',
        apiKey: 'k',
      }),
    ).toEqual({
      input: { email: 'a@b.c', password: REDACTED, profile: { newPassword: REDACTED, phone: '+33' } },
      token: REDACTED,
      currentPassword: REDACTED,
      apiKey: REDACTED,
    });
  });

  it('redacts the value of a configuration key or device-model variable that names a secret', () => {
    expect(
      redactChanges({ chargingStationId: 'CS-1', key: 'AuthorizationKey', value: 'hunter2hunter2' }),
    ).toEqual({ chargingStationId: 'CS-1', key: 'AuthorizationKey', value: REDACTED });
    expect(
      redactChanges({
        variable: { component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } },
        value: 'hunter2',
      }),
    ).toMatchObject({ value: REDACTED });
    expect(redactChanges({ key: 'HeartbeatInterval', value: '60' })).toEqual({
      key: 'HeartbeatInterval',
      value: '60',
    });
  });

  it('redacts API key secrets wherever they appear in text', () => {
    const { secret } = newApiKeySecret(asTenantId('default'));
    expect(redactChanges({ note: `use ${secret} please` })).toEqual({ note: `use ${REDACTED} please` });
  });

  it('cuts long strings and lists short, and drops undefined fields', () => {
    const result = redactChanges({
      certificate: 'x'.repeat(2000),
      tagIds: Array.from({ length: 60 }, (_, i) => `T${i}`),
      missing: undefined,
    }) as { certificate: string; tagIds: string[] };
    expect(result.certificate).toMatch(/^x{500}… \(2000 chars\)$/);
    expect(result.tagIds).toHaveLength(51);
    expect(result.tagIds.at(-1)).toBe('… 10 more');
    expect(result).not.toHaveProperty('missing');
  });
});
