import { Tag } from '@csms/users';
import { authorizationOfTag } from './tag-authorization';

const now = new Date('2026-01-01T12:00:00Z');
const tag = (fields: Partial<Tag> = {}): Tag => ({ id: 'TAG-1', active: true, default: false, ...fields });

describe('authorizationOfTag', () => {
  it('refuses unknown tags as Invalid', () => {
    expect(authorizationOfTag(null, now)).toEqual({ status: 'Invalid' });
  });

  it('accepts an active tag and passes on its group and expiry', () => {
    const expiresAt = new Date('2026-02-01T00:00:00Z');
    expect(authorizationOfTag(tag({ parentTagId: 'FLEET', expiresAt }), now)).toEqual({
      status: 'Accepted',
      parentIdTag: 'FLEET',
      expiryDate: expiresAt,
    });
  });

  it('blocks inactive tags, even when they have expired too', () => {
    expect(authorizationOfTag(tag({ active: false, expiresAt: new Date('2025-01-01') }), now).status).toBe(
      'Blocked',
    );
  });

  it('reports tags past their expiry as Expired, at the exact instant too', () => {
    expect(authorizationOfTag(tag({ expiresAt: new Date('2026-01-01T11:59:59Z') }), now).status).toBe(
      'Expired',
    );
    expect(authorizationOfTag(tag({ expiresAt: now }), now).status).toBe('Expired');
    expect(authorizationOfTag(tag({ expiresAt: new Date('2026-01-01T12:00:01Z') }), now).status).toBe(
      'Accepted',
    );
  });
});
