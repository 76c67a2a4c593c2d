import { authorizationHeader, tokensOfHeader } from './authorization-header';

describe('Authorization: Token', () => {
  it('is Base64 for 2.2.1 and plain for 2.1.1 by default, or as the partner switch forces', () => {
    expect(authorizationHeader('example-token', 'AUTO', '2.2.1')).toBe('Token ZXhhbXBsZS10b2tlbg==');
    expect(authorizationHeader('example-token', 'AUTO', '2.1.1')).toBe('Token example-token');
    expect(authorizationHeader('example-token', 'PLAIN', '2.2.1')).toBe('Token example-token');
    expect(authorizationHeader('example-token', 'BASE64', '2.1.1')).toBe('Token ZXhhbXBsZS10b2tlbg==');
  });

  it('reads both the plain and the Base64 form of a token', () => {
    expect(tokensOfHeader('Token ZXhhbXBsZS10b2tlbg==')).toEqual(['ZXhhbXBsZS10b2tlbg==', 'example-token']);
    expect(tokensOfHeader('token example-token')).toEqual(['example-token']);
    expect(tokensOfHeader('Bearer abc')).toEqual([]);
    expect(tokensOfHeader(undefined)).toEqual([]);
    expect(tokensOfHeader('Token ')).toEqual([]);
  });
});
