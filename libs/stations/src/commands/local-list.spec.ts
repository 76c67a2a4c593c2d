import { Tag } from '@csms/users';
import { toLocalListEntry } from './local-list';

const now = new Date('2026-01-01T00:00:00Z');
const tag = (fields: Partial<Tag>): Tag => ({ id: 'T', active: true, default: false, ...fields });

describe('toLocalListEntry', () => {
  it('carries the tag status, expiry and group', () => {
    const expiresAt = new Date('2027-01-01T00:00:00Z');
    expect(toLocalListEntry('T', tag({ expiresAt, parentTagId: 'G' }), 'Full', now)).toEqual({
      idTag: 'T',
      status: 'Accepted',
      expiryDate: expiresAt,
      parentIdTag: 'G',
    });
    expect(toLocalListEntry('T', tag({ active: false }), 'Differential', now)).toEqual({
      idTag: 'T',
      status: 'Blocked',
    });
  });

  it('sends unknown tags as Invalid in a full list and as a removal in a differential one', () => {
    expect(toLocalListEntry('GONE', null, 'Full', now)).toEqual({ idTag: 'GONE', status: 'Invalid' });
    expect(toLocalListEntry('GONE', null, 'Differential', now)).toEqual({ idTag: 'GONE' });
  });
});
