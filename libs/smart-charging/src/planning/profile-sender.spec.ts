import { AppConfig, asTenantId } from '@csms/common';
import { InProcessEventBus } from '@csms/events';
import { ChargingProfileInput, StationCommandService, StationOfflineError } from '@csms/stations';
import { PROFILE_ATTEMPTS, ProfileSender } from './profile-sender';

const TENANT = asTenantId('t1');
const PROFILE: ChargingProfileInput = {
  chargingProfileId: 1,
  stackLevel: 2,
  purpose: 'TxDefaultProfile',
  kind: 'Absolute',
  schedule: { rateUnit: 'A', periods: [{ startPeriod: 0, limit: 16 }] },
};

describe('ProfileSender', () => {
  const senderWith = (answer: () => Promise<{ status: string }>) => {
    let calls = 0;
    const commands = {
      send: async () => {
        calls += 1;
        return answer();
      },
    } as unknown as StationCommandService;
    const sender = new ProfileSender(
      { SMART_CHARGING_RETRY_DELAY_MS: 0 } as AppConfig,
      commands,
      new InProcessEventBus(),
    );
    return { sender, calls: () => calls };
  };

  it('tries a refused profile again, then reports the refusal', async () => {
    const { sender, calls } = senderWith(async () => ({ status: 'Rejected' }));
    expect(await sender.send(TENANT, 'CS-1', 1, PROFILE)).toEqual({
      accepted: false,
      detail: `the station answered Rejected (after ${PROFILE_ATTEMPTS} tries)`,
    });
    expect(calls()).toBe(PROFILE_ATTEMPTS);
  });

  it('reports a station that is not connected as offline at once: not a refusal, nothing to try again', async () => {
    const { sender, calls } = senderWith(async () => {
      throw new StationOfflineError('CS-1');
    });
    expect(await sender.send(TENANT, 'CS-1', 1, PROFILE)).toEqual({
      accepted: false,
      offline: true,
      detail: 'Charging station CS-1 is not connected',
    });
    expect(calls()).toBe(1);
  });
});
