import { asTenantId } from '@csms/common';
import { createHash } from 'node:crypto';
import { consumptionId } from './consumption.repository';

const tenant = asTenantId('tenant-a');

/** The ids already stored were made this way: a retried batch is refused only if it keeps them. */
function idAsStored(tenantId: string, transactionId: string, timestamp: Date): string {
  const session = createHash('sha256').update(`${tenantId}\u0000${transactionId}`).digest('hex');
  return timestamp.getTime().toString(16).padStart(12, '0') + session.slice(0, 12);
}

describe('consumptionId', () => {
  it('is the time in hex followed by the head of the session hash, however often a session asks', () => {
    const first = new Date('2026-03-01T10:00:00Z');
    const second = new Date('2026-03-01T10:00:10Z');
    expect(consumptionId(tenant, 'tx-1', first)).toBe(idAsStored('tenant-a', 'tx-1', first));
    expect(consumptionId(tenant, 'tx-1', second)).toBe(idAsStored('tenant-a', 'tx-1', second));
    expect(consumptionId(tenant, 'tx-1', first)).toBe(idAsStored('tenant-a', 'tx-1', first));
  });

  it('tells sessions and tenants apart', () => {
    const at = new Date('2026-03-01T10:00:00Z');
    const ids = new Set([
      consumptionId(tenant, 'tx-1', at),
      consumptionId(tenant, 'tx-2', at),
      consumptionId(asTenantId('tenant-b'), 'tx-1', at),
    ]);
    expect(ids.size).toBe(3);
    expect(consumptionId(asTenantId('tenant-b'), 'tx-1', at)).toBe(idAsStored('tenant-b', 'tx-1', at));
  });

  it('stays the same past the number of sessions it remembers', () => {
    const at = new Date('2026-03-01T10:00:00Z');
    const before = consumptionId(tenant, 'tx-0', at);
    for (let index = 0; index < 10_050; index++) consumptionId(tenant, `tx-${index}`, at);
    expect(consumptionId(tenant, 'tx-0', at)).toBe(before);
    expect(before).toBe(idAsStored('tenant-a', 'tx-0', at));
  });
});
