import { createSchemaValidator } from './ocpp-validation';

describe('OCPP 1.6 schema validation', () => {
  const validator = createSchemaValidator('ocpp1.6');

  const codeOf = (action: string, params: unknown): string | undefined => {
    try {
      validator.check(action, 'req', params);
      return undefined;
    } catch (error) {
      return (error as { rpcErrorCode?: string }).rpcErrorCode;
    }
  };

  it('accepts a valid payload', () => {
    expect(codeOf('Authorize', { idTag: 'T1' })).toBeUndefined();
  });

  it.each([
    ['no payload at all', 'Heartbeat', undefined, 'ProtocolError'],
    ['a payload that is not an object', 'Heartbeat', [1], 'FormatViolation'],
    ['a missing required field', 'Authorize', {}, 'OccurenceConstraintViolation'],
    ['a wrong JSON type', 'MeterValues', { connectorId: '1', meterValue: [] }, 'TypeConstraintViolation'],
    ['a value outside the enum', 'Reset', { type: 'Medium' }, 'PropertyConstraintViolation'],
    ['a string too long', 'Authorize', { idTag: 'X'.repeat(21) }, 'PropertyConstraintViolation'],
    ['an unknown field', 'Authorize', { idTag: 'T', colour: 'red' }, 'FormatViolation'],
  ])('refuses %s', (_label, action, params, code) => {
    expect(codeOf(action, params)).toBe(code);
  });

  it('calls an unparseable date a type violation', () => {
    expect(codeOf('StopTransaction', { transactionId: 1, meterStop: 0, timestamp: 'noon' })).toBe(
      'TypeConstraintViolation',
    );
  });

  it('checks by schema id as ocpp-rpc calls it, with the same answers', () => {
    expect(validator.validate('urn:Authorize.conf', { idTagInfo: { status: 'Accepted' } })).toBe(true);
    expect(() => validator.validate('urn:Authorize.conf', { idTagInfo: {} })).toThrow(
      expect.objectContaining({ rpcErrorCode: 'OccurenceConstraintViolation' }),
    );
    expect(() => validator.validate('urn:Reset.req', { type: 'Medium' })).toThrow(
      expect.objectContaining({ rpcErrorCode: 'PropertyConstraintViolation' }),
    );
  });

  it('does not echo the refused payload back', () => {
    try {
      validator.check('Authorize', 'req', { idTag: 'secret-but-too-long-tag' });
      throw new Error('expected a failure');
    } catch (error) {
      expect(JSON.stringify((error as { details: unknown }).details)).not.toContain('secret');
    }
  });
});
