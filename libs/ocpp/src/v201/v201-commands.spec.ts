import { BadInputError } from '@csms/common';
import { StationSession } from '../session/station-session';
import { v201Commands } from './v201-commands';
import { OCPP16_KEY_TO_VARIABLE } from './v201-variable-keys';

/** A session whose station answers `answer(action, payload)`, recording what it was sent. */
function fakeSession(answer: (action: string, payload: Record<string, unknown>) => object) {
  const calls: [string, Record<string, unknown>][] = [];
  const session = {
    call: (action: string, payload: Record<string, unknown>) => {
      calls.push([action, payload]);
      return Promise.resolve(answer(action, payload));
    },
  } as unknown as StationSession;
  return { session, calls };
}

describe('v201Commands', () => {
  it('getConfiguration without keys asks for every mapped 1.6 key and reports what the station has', async () => {
    const { session, calls } = fakeSession((_action, payload) => ({
      getVariableResult: (payload.getVariableData as { component: object; variable: { name: string } }[]).map(
        (data) => ({
          ...data,
          attributeStatus: data.variable.name === 'HeartbeatInterval' ? 'Accepted' : 'UnknownVariable',
          ...(data.variable.name === 'HeartbeatInterval' ? { attributeValue: '120' } : {}),
        }),
      ),
    }));
    const report = await v201Commands.getConfiguration(session);
    expect((calls[0][1].getVariableData as unknown[]).length).toBe(
      Object.keys(OCPP16_KEY_TO_VARIABLE).length,
    );
    expect(report).toEqual({ keys: [{ key: 'HeartbeatInterval', value: '120' }], unknownKeys: [] });
  });

  it('refuses a key that is neither a 1.6 key nor Component.Variable before calling the station', async () => {
    const { session, calls } = fakeSession(() => ({}));
    await expect(v201Commands.changeConfiguration(session, 'what ever', '1')).rejects.toBeInstanceOf(
      BadInputError,
    );
    expect(calls).toEqual([]);
  });

  it('remoteStart sends an ISO 14443 idToken with a fresh remoteStartId and returns it', async () => {
    const { session, calls } = fakeSession(() => ({ status: 'Accepted', transactionId: 'tx-9' }));
    const result = await v201Commands.remoteStart(session, { idTag: 'TAG', connectorId: 0 });
    const sent = calls[0][1];
    expect(sent).toEqual({
      idToken: { idToken: 'TAG', type: 'ISO14443' },
      remoteStartId: expect.any(Number),
    });
    expect(result).toEqual({
      status: 'Accepted',
      data: { remoteStartId: sent.remoteStartId, transactionId: 'tx-9' },
    });
  });

  it('maps a ChargePointMaxProfile to ChargingStationMaxProfile', async () => {
    const { session, calls } = fakeSession(() => ({ status: 'Accepted' }));
    await v201Commands.setChargingProfile(session, 0, {
      chargingProfileId: 1,
      stackLevel: 0,
      purpose: 'ChargePointMaxProfile',
      kind: 'Absolute',
      schedule: { rateUnit: 'A', periods: [{ startPeriod: 0, limit: 32 }] },
    });
    expect(calls[0][1]).toMatchObject({
      evseId: 0,
      chargingProfile: { chargingProfilePurpose: 'ChargingStationMaxProfile' },
    });
  });
});
