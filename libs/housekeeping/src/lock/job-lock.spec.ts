import { JobLock } from './job-lock';
import { MemoryLeaseStore } from './memory-lease-store';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('JobLock', () => {
  it('lets exactly one of several simultaneous contenders in', async () => {
    const store = new MemoryLeaseStore();
    const locks = ['a', 'b', 'c', 'd'].map((owner) => new JobLock(store, owner));
    const leases = await Promise.all(locks.map((lock) => lock.acquire('job', 60_000)));
    expect(leases.filter(Boolean)).toHaveLength(1);
    expect(store.leases.size).toBe(1);
  });

  it('refuses a held job, and lets the next instance in once the holder releases it', async () => {
    const store = new MemoryLeaseStore();
    const [a, b] = [new JobLock(store, 'a'), new JobLock(store, 'b')];
    const lease = await a.acquire('job', 60_000);
    expect(lease?.held).toBe(true);
    expect(await b.acquire('job', 60_000)).toBeNull();
    expect(await b.acquire('other-job', 60_000)).not.toBeNull();
    await lease!.release();
    expect(lease!.held).toBe(false);
    const next = await b.acquire('job', 60_000);
    expect(next?.generation).toBe(2);
    expect(store.leases.get('job:2')?.owner).toBe('b');
  });

  it('takes over a lease whose holder did not release it in time; the late holder sees it lost it', async () => {
    const store = new MemoryLeaseStore();
    let now = Date.parse('2026-11-28T12:00:00Z');
    const clock = () => now;
    const [a, b] = [new JobLock(store, 'a', clock), new JobLock(store, 'b', clock)];
    const crashed = await a.acquire('job', 60_000);
    now += 45_000;
    expect(crashed?.held).toBe(true);
    expect(await b.acquire('job', 60_000)).toBeNull();
    // Work stops a safety margin (a fifth of the TTL here) before the expiry.
    now += 4_000;
    expect(crashed?.held).toBe(false);
    expect(await b.acquire('job', 60_000)).toBeNull();
    now += 11_001;
    const successor = await b.acquire('job', 60_000);
    expect(successor?.generation).toBe(2);
    expect(successor?.held).toBe(true);
  });

  it('renews a lease in place for a holder that works on: one write, the same generation, contenders still refused', async () => {
    const store = new MemoryLeaseStore();
    let now = Date.parse('2026-11-28T12:00:00Z');
    const clock = () => now;
    const [a, b] = [new JobLock(store, 'a', clock), new JobLock(store, 'b', clock)];
    const lease = (await a.acquire('job', 60_000))!;
    // Before 40 % of its time, nothing is written.
    now += 23_000;
    expect(await lease.keep()).toBe(true);
    expect(store.leases.get('job:1')?.expiresAt.getTime()).toBe(Date.parse('2026-11-28T12:01:00Z'));
    // By 60 %, it is extended by a full TTL from then.
    now += 13_000;
    expect(await lease.keep()).toBe(true);
    expect(store.leases.get('job:1')?.expiresAt.getTime()).toBe(now + 60_000);
    // Past the first expiry it is still held, and nobody else gets in.
    now += 40_000;
    expect(lease.held).toBe(true);
    expect(await b.acquire('job', 60_000)).toBeNull();
    expect([...store.leases.keys()]).toEqual(['job:1']);
    // A holder that stops keeping it loses it at the renewed expiry, as before.
    now += 20_001;
    expect(await b.acquire('job', 60_000)).not.toBeNull();
  });

  it('does not count a renewal that lands once the lease is no longer held', async () => {
    const store = new MemoryLeaseStore();
    let now = Date.parse('2026-11-28T12:00:00Z');
    const lease = (await new JobLock(store, 'a', () => now).acquire('job', 60_000))!;
    now += 47_000;
    const kept = lease.keep();
    // The write takes longer than the margin left (1 s here): work must stop all the same.
    now += 2_000;
    expect(await kept).toBe(false);
  });

  it('never lets a contender in on a generation it read long ago and that was pruned since', async () => {
    const store = new MemoryLeaseStore();
    const [fast, stalled] = [new JobLock(store, 'fast'), new JobLock(store, 'stalled')];
    let resume!: () => void;
    store.insertGate = new Promise((resolve) => (resume = resolve));
    // The stalled contender read "no lease yet" and will insert generation 1.
    const late = stalled.acquire('job', 60_000);
    await tick();
    await tick();
    store.insertGate = undefined;
    for (let run = 0; run < 25; run += 1) {
      const lease = await fast.acquire('job', 60_000);
      expect(lease).not.toBeNull();
      await lease!.release();
    }
    expect(store.leases.has('job:1')).toBe(false);
    resume();
    expect(await late).toBeNull();
    const latest = await store.latest('job');
    expect(latest?.generation).toBe(25);
    expect(await fast.acquire('job', 60_000)).not.toBeNull();
  });

  it('keeps holders from overlapping under random contention', async () => {
    const store = new MemoryLeaseStore();
    let inside = 0;
    let maxInside = 0;
    let runs = 0;
    const contender = async (owner: string) => {
      const lock = new JobLock(store, owner);
      for (let attempt = 0; attempt < 30; attempt += 1) {
        const lease = await lock.acquire('job', 60_000);
        if (lease) {
          inside += 1;
          maxInside = Math.max(maxInside, inside);
          runs += 1;
          for (let step = Math.floor(Math.random() * 4); step > 0; step -= 1) await tick();
          inside -= 1;
          await lease.release();
        }
        for (let pause = Math.floor(Math.random() * 3); pause > 0; pause -= 1) await tick();
      }
    };
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map(contender));
    expect(maxInside).toBe(1);
    expect(runs).toBeGreaterThan(5);
    // Old generations are pruned (a late contender's refused lease may linger until the next prune).
    expect(store.leases.size).toBeLessThanOrEqual(25);
  });
});
