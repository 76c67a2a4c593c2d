import { asTenantId } from '@csms/common';
import { ActiveSession, ActiveTransactionCache } from './active-transaction-cache';
import { Transaction } from './models/transaction.model';

const T1 = asTenantId('t1');
const T2 = asTenantId('t2');

function session(chargingStationId: string, ocppTransactionId: string): ActiveSession {
  return { transaction: { chargingStationId, ocppTransactionId } as Transaction };
}

describe('ActiveTransactionCache', () => {
  it('finds a session by tenant, station and transaction id, and no other', () => {
    const cache = new ActiveTransactionCache();
    const open = cache.set(T1, session('CS-1', '7'));
    expect(cache.get(T1, 'CS-1', '7')).toBe(open);
    expect(cache.get(T2, 'CS-1', '7')).toBeUndefined();
    expect(cache.get(T1, 'CS-10', '7')).toBeUndefined();
    expect(cache.get(T1, 'CS-1', '70')).toBeUndefined();
  });

  it("lists a station's open sessions, not those of a station whose id begins alike or of another tenant", () => {
    const cache = new ActiveTransactionCache();
    const first = cache.set(T1, session('CS-1', '1'));
    const second = cache.set(T1, session('CS-1', '2'));
    cache.set(T1, session('CS-10', '3'));
    cache.set(T2, session('CS-1', '4'));
    expect(cache.ofStation(T1, 'CS-1')).toEqual([first, second]);
    expect(cache.ofStation(T1, 'CS-2')).toEqual([]);
  });

  it('forgets an evicted session and keeps the others', () => {
    const cache = new ActiveTransactionCache();
    cache.set(T1, session('CS-1', '1'));
    const kept = cache.set(T1, session('CS-1', '2'));
    cache.evict(T1, 'CS-1', '1');
    cache.evict(T1, 'CS-9', '1');
    expect(cache.get(T1, 'CS-1', '1')).toBeUndefined();
    expect(cache.ofStation(T1, 'CS-1')).toEqual([kept]);
    cache.evict(T1, 'CS-1', '2');
    expect(cache.ofStation(T1, 'CS-1')).toEqual([]);
    const again = cache.set(T1, session('CS-1', '2'));
    expect(cache.get(T1, 'CS-1', '2')).toBe(again);
  });
});
