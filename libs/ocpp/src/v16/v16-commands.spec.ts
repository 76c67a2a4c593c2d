import { BadInputError } from '@csms/common';
import { StationSession } from '../session/station-session';
import { v16Commands } from './v16-commands';

/** A session whose station answers `answer` to any CALL, recording what it was sent. */
function fakeSession(answer: Record<string, unknown>) {
  const calls: [string, object][] = [];
  const session = {
    call: (action: string, payload: object) => {
      calls.push([action, payload]);
      return Promise.resolve(answer);
    },
  } as unknown as StationSession;
  return { session, calls };
}

describe('v16Commands', () => {
  it('encodes a charging profile with 1.6 names and ISO dates, leaving out what is unset', async () => {
    const { session, calls } = fakeSession({ status: 'Accepted' });
    const result = await v16Commands.setChargingProfile(session, 1, {
      chargingProfileId: 3,
      stackLevel: 0,
      purpose: 'TxDefaultProfile',
      kind: 'Recurring',
      recurrencyKind: 'Daily',
      validFrom: new Date('2026-12-01T00:00:00Z'),
      schedule: {
        rateUnit: 'A',
        startSchedule: new Date('2026-12-01T06:00:00Z'),
        periods: [{ startPeriod: 0, limit: 16 }],
      },
    });
    expect(result).toEqual({ status: 'Accepted' });
    expect(calls).toEqual([
      [
        'SetChargingProfile',
        {
          connectorId: 1,
          csChargingProfiles: {
            chargingProfileId: 3,
            stackLevel: 0,
            chargingProfilePurpose: 'TxDefaultProfile',
            chargingProfileKind: 'Recurring',
            recurrencyKind: 'Daily',
            validFrom: '2026-12-01T00:00:00.000Z',
            chargingSchedule: {
              chargingRateUnit: 'A',
              startSchedule: '2026-12-01T06:00:00.000Z',
              chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }],
            },
          },
        },
      ],
    ]);
  });

  it('reports configuration keys and unknown keys', async () => {
    const { session, calls } = fakeSession({
      configurationKey: [{ key: 'A', readonly: true }],
      unknownKey: ['B'],
    });
    expect(await v16Commands.getConfiguration(session, ['A', 'B'])).toEqual({
      keys: [{ key: 'A', readonly: true }],
      unknownKeys: ['B'],
    });
    expect(calls[0]).toEqual(['GetConfiguration', { key: ['A', 'B'] }]);
    await v16Commands.getConfiguration(session);
    expect(calls[1]).toEqual(['GetConfiguration', {}]);
  });

  it('sends local list entries with or without idTagInfo (a differential removal)', async () => {
    const { session, calls } = fakeSession({ status: 'VersionMismatch' });
    const result = await v16Commands.sendLocalList(session, {
      listVersion: 2,
      updateType: 'Differential',
      entries: [
        { idTag: 'A', status: 'Blocked', expiryDate: new Date('2027-01-01T00:00:00Z') },
        { idTag: 'B' },
      ],
    });
    expect(result).toEqual({ status: 'VersionMismatch' });
    expect(calls[0][1]).toEqual({
      listVersion: 2,
      updateType: 'Differential',
      localAuthorizationList: [
        { idTag: 'A', idTagInfo: { status: 'Blocked', expiryDate: '2027-01-01T00:00:00.000Z' } },
        { idTag: 'B' },
      ],
    });
  });

  it('returns the composite schedule as data', async () => {
    const schedule = {
      connectorId: 1,
      chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [] },
    };
    const { session } = fakeSession({ status: 'Accepted', ...schedule });
    expect(await v16Commands.getCompositeSchedule(session, { connectorId: 1, duration: 60 })).toEqual({
      status: 'Accepted',
      data: schedule,
    });
  });

  it('refuses a transaction id 1.6 cannot carry', async () => {
    const { session, calls } = fakeSession({ status: 'Accepted' });
    await expect(v16Commands.remoteStop(session, 'tx-abc')).rejects.toBeInstanceOf(BadInputError);
    expect(calls).toEqual([]);
    await v16Commands.remoteStop(session, '17');
    expect(calls).toEqual([['RemoteStopTransaction', { transactionId: 17 }]]);
  });

  it('answers Accepted for the commands 1.6 answers without a status', async () => {
    const { session } = fakeSession({});
    expect(
      await v16Commands.updateFirmware(session, { location: 'https://x', retrieveDate: new Date() }),
    ).toEqual({
      status: 'Accepted',
    });
    expect(await v16Commands.getDiagnostics(session, { location: 'ftp://x' })).toEqual({
      status: 'Accepted',
      data: {},
    });
  });
});
