import { connectStation } from './support/ocpp-station';
import { TestApp, startTestApp } from './support/test-app';

const STATIONS = 40;

describe('many unknown stations connecting and booting at the same moment', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp('concurrent-boot');
  });
  afterAll(() => server.close());

  it('registers every one of them (racing upserts of new stations retry instead of failing)', async () => {
    const boots = await Promise.allSettled(
      Array.from({ length: STATIONS }, async (_, i) => {
        const station = await connectStation(server.wsUrl, `RACE-${i}`);
        try {
          return await station.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
        } finally {
          await station.close();
        }
      }),
    );
    const refused = boots.filter((boot) => boot.status === 'rejected');
    expect(refused).toEqual([]);
    expect(boots.map((boot) => (boot as PromiseFulfilledResult<{ status: string }>).value.status)).toEqual(
      Array(STATIONS).fill('Accepted'),
    );
  });
});
