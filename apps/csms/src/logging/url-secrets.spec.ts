import { redactRequestSecrets, withoutUrlSecrets } from './url-secrets';

describe('url secrets in logs', () => {
  it('redacts a registration token wherever it sits in the query string', () => {
    expect(withoutUrlSecrets('/ocpp/soap/acme/1.6?token=s3cret')).toBe(
      '/ocpp/soap/acme/1.6?token=[REDACTED]',
    );
    expect(withoutUrlSecrets('/ocpp/acme/CP1?wsdl&TOKEN=s3cret&x=1')).toBe(
      '/ocpp/acme/CP1?wsdl&TOKEN=[REDACTED]&x=1',
    );
  });

  it('redacts the code and state an OAuth2 service sends the browser back with', () => {
    expect(withoutUrlSecrets('/connections/oauth2/callback?code=c0de&state=st4te')).toBe(
      '/connections/oauth2/callback?code=[REDACTED]&state=[REDACTED]',
    );
  });

  it('leaves other URLs and parameters alone', () => {
    expect(withoutUrlSecrets('/graphql')).toBe('/graphql');
    expect(withoutUrlSecrets('/ocpp/soap/acme/1.6?wsdl')).toBe('/ocpp/soap/acme/1.6?wsdl');
    expect(withoutUrlSecrets('/x?tokens=1')).toBe('/x?tokens=1');
    expect(withoutUrlSecrets(undefined)).toBeUndefined();
  });

  it('cleans the parsed query of a serialized request too', () => {
    const req = { method: 'POST', url: '/ocpp/soap/acme/1.6?token=abc', query: { token: 'abc', wsdl: '' } };
    expect(redactRequestSecrets(req)).toEqual({
      method: 'POST',
      url: '/ocpp/soap/acme/1.6?token=[REDACTED]',
      query: { token: '[REDACTED]', wsdl: '' },
    });
    expect(req.query.token).toBe('abc');
  });
});
