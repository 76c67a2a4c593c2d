import { asTenantId } from '@csms/common';
import { TenantRepository } from '../tenants/tenant.repository';
import { ADMIN_LIST_TTL_MS, UserRecipientDirectory } from './user-recipient-directory';
import { UserRepository } from './user.repository';

describe('UserRecipientDirectory.findAdmins', () => {
  afterEach(() => jest.useRealTimers());

  it('reads a tenant admin list once for a burst of notifications, again after the TTL', async () => {
    jest.useFakeTimers();
    let reads = 0;
    const users = {
      findByRole: async () => {
        reads++;
        return [{ id: 'u1', email: `admin${reads}@example.com`, locale: 'en', firstName: 'Ada' }];
      },
    } as unknown as UserRepository;
    const tenants = { findById: async () => ({ name: 'Acme' }) } as unknown as TenantRepository;
    const directory = new UserRecipientDirectory(users, tenants);
    const tenant = asTenantId('acme');

    const burst = await Promise.all(Array.from({ length: 100 }, () => directory.findAdmins(tenant)));
    expect(reads).toBe(1);
    expect(burst[99].map((admin) => admin.email)).toEqual(['admin1@example.com']);
    jest.advanceTimersByTime(ADMIN_LIST_TTL_MS + 1);
    expect((await directory.findAdmins(tenant)).map((admin) => admin.email)).toEqual(['admin2@example.com']);
  });
});
