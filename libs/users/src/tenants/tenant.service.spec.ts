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
      update: async (id: string, update: { $set: { active?: boolean } }) => {
        stored.set(id, { ...stored.get(id)!, ...update.$set });
        return { id, ...stored.get(id) } as unknown as Tenant;
      },
    } as unknown as TenantRepository;
    service = new TenantService(repository, {} as UserService, {} as AppConfig);
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

  it('never keeps unknown or inactive tenants', async () => {
    expect(await service.findActive('nobody')).toBeNull();
    expect(await service.findActive('nobody')).toBeNull();
    expect(await service.findActive('closed')).toBeNull();
    expect(await service.findActive('closed')).toBeNull();
    expect(reads).toBe(4);
  });

  it('sees a deactivation made through it at once', async () => {
    expect(await service.findActive('acme')).not.toBeNull();
    await service.update({ id: 'acme', active: false });
    expect(await service.findActive('acme')).toBeNull();
  });
});
