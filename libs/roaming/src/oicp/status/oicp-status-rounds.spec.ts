import { AppConfig, TenantId } from '@csms/common';
import { JobLock, MemoryLeaseStore } from '@csms/housekeeping';
import { TenantService } from '@csms/users';
import { Outbox } from '../../outbox/outbox';
import { OutboxRepository } from '../../outbox/outbox.repository';
import { PartnerRegistry } from '../../partners/partner-registry';
import { OicpSettingsService } from '../settings/oicp-settings.service';
import { fixtureConnection } from '../testing/oicp-fixtures';
import { OICP_STATUS_FULL_LOAD, OicpStatusRounds } from './oicp-status-rounds';

const PERIOD_MS = 300_000;

/** Two instances' status rounds over one lease store (the database's, in memory here), on a shared clock. */
function cluster(pending = false) {
  const store = new MemoryLeaseStore();
  const clock = { now: Date.parse('2026-12-06T10:00:00Z') };
  const queued: { tenantId: TenantId; kind: string }[] = [];
  const instance = (owner: string) =>
    new OicpStatusRounds(
      { OICP_STATUS_PUSH_SECONDS: PERIOD_MS / 1000 } as AppConfig,
      {
        list: async () => [
          { id: 'roams', active: true },
          { id: 'stays-home', active: true },
          { id: 'closed', active: false },
        ],
      } as unknown as TenantService,
      {
        connection: async (tenantId: TenantId) => (tenantId === 'stays-home' ? null : fixtureConnection()),
      } as unknown as OicpSettingsService,
      { get: async () => ({ id: 'p1' }) } as unknown as PartnerRegistry,
      {
        enqueue: async (tenantId: TenantId, _partners: unknown, message: { kind: string }) => {
          queued.push({ tenantId, kind: message.kind });
        },
      } as unknown as Outbox,
      { hasPending: async () => pending } as unknown as OutboxRepository,
      new JobLock(store, owner, () => clock.now),
    );
  return { a: instance('a'), b: instance('b'), clock, queued };
}

describe('the periodic OICP status round', () => {
  it('is done by one instance per period, for every active tenant that roams with Hubject', async () => {
    const { a, b, clock, queued } = cluster();
    expect((await Promise.all([a.round(PERIOD_MS), b.round(PERIOD_MS)])).sort()).toEqual([0, 1]);
    expect(queued).toEqual([{ tenantId: 'roams', kind: OICP_STATUS_FULL_LOAD }]);
    // The other instance's tick later in the same period finds the round done.
    clock.now += PERIOD_MS / 2;
    expect(await b.round(PERIOD_MS)).toBe(0);
    // Next period: whoever ticks first does it.
    clock.now += PERIOD_MS / 2;
    expect(await b.round(PERIOD_MS)).toBe(1);
    expect(await a.round(PERIOD_MS)).toBe(0);
    expect(queued).toHaveLength(2);
  });

  it('does not pile rounds up while Hubject has not taken the last one', async () => {
    const { a, queued } = cluster(true);
    expect(await a.round(PERIOD_MS)).toBe(0);
    expect(queued).toEqual([]);
  });
});
