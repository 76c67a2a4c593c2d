import { AppConfig } from '@csms/common';
import { UserService } from '../users/user.service';
import { Tenant } from './models/tenant.model';
import { ACTIVE_TENANT_TTL_MS, TenantService } from './tenant.service';
import { TenantRepository } from './tenant.repository';

describe('TenantService.findActive', () => {
  let stored: Map<string, { active: boolean; name: string }>;
  let reads: number;
  let service: TenantService;

  beforeEach(() => {
    jest.useFakeTimers();
    stored = new Map([
      ['acme', { active: true, name: 'Acme' }],
      ['closed', { active: false, name: 'Closed' }],
    ]);
    reads = 0;
    const repository = {
      findById: async (id: string) => {
        reads++;
        const tenant = stored.get(id);
        return tenant ? ({ id, ...tenant } as unknown as Tenant) : null;
      },
      createIfMissing: async ({ _id, name }: { _id: string; name: string }) => {
        if (stored.has(_id)) return false;
        stored.set(_id, { active: true, name });
        return true;
      },
      update: async (id: string, update: { $set: { active?: boolean } }) => {
        stored.set(id, { ...stored.get(id)!, ...update.$set });
        return { id, ...stored.get(id) } as unknown as Tenant;
      },
    } as unknown as TenantRepository;
    const users = { create: async () => undefined } as unknown as UserService;
    service = new TenantService(repository, users, {} as AppConfig);
  });

  afterEach(() => jest.useRealTimers());

  it('reads an active tenant once for a burst of connections, again after the TTL', async () => {
    const burst = await Promise.all(Array.from({ length: 50 }, () => service.findActive('acme')));
    expect(burst.every((tenant) => tenant?.name === 'Acme')).toBe(true);
    expect(reads).toBe(1);
    jest.advanceTimersByTime(ACTIVE_TENANT_TTL_MS + 1);
    await service.findActive('acme');
    expect(reads).toBe(2);
  });

  it('refuses an unknown or inactive tenant asked for again and again with one read per TTL', async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      expect(await service.findActive('nobody')).toBeNull();
      expect(await service.findActive('closed')).toBeNull();
    }
    expect(reads).toBe(2);
    stored.set('nobody', { active: true, name: 'Created elsewhere' });
    jest.advanceTimersByTime(ACTIVE_TENANT_TTL_MS + 1);
    expect((await service.findActive('nobody'))?.name).toBe('Created elsewhere');
  });

  it('sees a tenant created or reactivated through it at once, though it was just asked for in vain', async () => {
    expect(await service.findActive('newco')).toBeNull();
    expect(await service.findActive('closed')).toBeNull();
    await service.create({
      id: 'newco',
      name: 'NewCo',
      adminEmail: 'admin@newco.example',
      adminPassword: 'A-Strong-Password-123',
    });
    await service.update({ id: 'closed', active: true });
    expect((await service.findActive('newco'))?.name).toBe('NewCo');
    expect((await service.findActive('closed'))?.name).toBe('Closed');
  });

  it('sees a deactivation made through it at once', async () => {
    expect(await service.findActive('acme')).not.toBeNull();
    await service.update({ id: 'acme', active: false });
    expect(await service.findActive('acme')).toBeNull();
  });
});
