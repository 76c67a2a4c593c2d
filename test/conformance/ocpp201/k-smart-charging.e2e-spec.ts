import { ConformanceApp, startConformanceApp, TOKENS } from '../support/conformance-app';
import { bootedStation201, charging201, idToken, now, Tx201 } from '../support/ocpp201-steps';
import { str } from '../support/operator';
import { Payload, StationPeer } from '../support/station-peer';
import { createRPCError } from 'ocpp-rpc';

/** A profile as the operator writes it in GraphQL, and as the station must receive it. */
const profile = (id: number, purpose: string, extra = '', limit = 16) =>
  `{ chargingProfileId: ${id}, stackLevel: 0, purpose: ${purpose}, kind: Absolute${extra}, schedule: { rateUnit: A, startSchedule: "2030-01-01T00:00:00Z", periods: [{ startPeriod: 0, limit: ${limit} }] } }`;
const received = (id: number, purpose: string, limit = 16, extra: Payload = {}) => ({
  id,
  stackLevel: 0,
  chargingProfilePurpose: purpose,
  chargingProfileKind: 'Absolute',
  ...extra,
  chargingSchedule: [
    {
      id,
      startSchedule: '2030-01-01T00:00:00.000Z',
      chargingRateUnit: 'A',
      chargingSchedulePeriod: [{ startPeriod: 0, limit }],
    },
  ],
});

/** A profile as a station reports it (ReportChargingProfiles). */
const reportedProfile = (id: number, purpose: string, stackLevel = 0) => ({
  id,
  stackLevel,
  chargingProfilePurpose: purpose,
  chargingProfileKind: 'Absolute',
  chargingSchedule: [{ id, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] }],
});

const EV_NEEDS = {
  evseId: 1,
  chargingNeeds: {
    requestedEnergyTransfer: 'DC',
    dcChargingParameters: { evMaxCurrent: 200, evMaxVoltage: 800, energyAmount: 40_000 },
  },
};
const evSchedule = (limit: number) => ({
  timeBase: now(),
  evseId: 1,
  chargingSchedule: {
    id: 1,
    chargingRateUnit: 'W',
    chargingSchedulePeriod: [{ startPeriod: 0, limit }],
  },
});

/** OCTT 2.0.1 block K: charging profiles, their reports and composite schedules, external limits, ISO 15118. */
describe('OCTT OCPP 2.0.1 K – Smart Charging (CSMS under test)', () => {
  let app: ConformanceApp;
  const op = () => app.operator;
  const station = (name: string, evses = 1) => bootedStation201(app, name, evses);
  /** SetChargingProfile through GraphQL; resolves with what the station received. */
  const setProfile = async (peer: StationPeer, evseId: number, input: string, answer = 'Accepted') => {
    const asked = peer.answer('SetChargingProfile', { status: answer });
    expect(
      await op().command(
        `setChargingProfile(chargingStationId: ${str(peer.id)}, connectorId: ${evseId}, profile: ${input})`,
      ),
    ).toEqual({ status: answer });
    return asked;
  };
  const clearProfile = async (peer: StationPeer, input: string, answer = 'Accepted') => {
    const asked = peer.answer('ClearChargingProfile', { status: answer });
    expect(await op().command(`clearChargingProfile(chargingStationId: ${str(peer.id)}${input})`)).toEqual({
      status: answer,
    });
    return asked;
  };

  beforeAll(async () => {
    app = await startConformanceApp('octt201-k');
  });
  afterAll(() => app?.close());

  it('TC_K_01_CSMS Set Charging Profile - TxDefaultProfile - Specific EVSE', async () => {
    const peer = await station('K01');
    expect(await setProfile(peer, 1, profile(101, 'TxDefaultProfile'))).toEqual({
      evseId: 1,
      chargingProfile: received(101, 'TxDefaultProfile'),
    });
  });

  it('TC_K_02_CSMS Set Charging Profile - TxProfile without ongoing transaction on the specified EVSE', async () => {
    const peer = await station('K02');
    expect(
      await setProfile(
        peer,
        1,
        profile(102, 'TxProfile', ', ocppTransactionId: "no-such-transaction"'),
        'Rejected',
      ),
    ).toEqual({
      evseId: 1,
      chargingProfile: received(102, 'TxProfile', 16, { transactionId: 'no-such-transaction' }),
    });
  });

  it('TC_K_03_CSMS Set Charging Profile - ChargingStationMaxProfile', async () => {
    const peer = await station('K03');
    expect(await setProfile(peer, 0, profile(103, 'ChargePointMaxProfile', '', 32))).toEqual({
      evseId: 0,
      chargingProfile: received(103, 'ChargingStationMaxProfile', 32),
    });
  });

  it('TC_K_04_CSMS Replace charging profile - With chargingProfileId', async () => {
    const peer = await station('K04');
    await setProfile(peer, 1, profile(104, 'TxDefaultProfile', '', 16));
    expect(await setProfile(peer, 1, profile(104, 'TxDefaultProfile', '', 10))).toEqual({
      evseId: 1,
      chargingProfile: received(104, 'TxDefaultProfile', 10),
    });
  });

  it('TC_K_05_CSMS Clear Charging Profile - With chargingProfileId', async () => {
    const peer = await station('K05');
    await setProfile(peer, 1, profile(105, 'TxDefaultProfile'));
    expect(await clearProfile(peer, ', input: { id: 105 }')).toEqual({ chargingProfileId: 105 });
  });

  it('TC_K_06_CSMS Clear Charging Profile - With stackLevel/purpose combination for one profile', async () => {
    const peer = await station('K06');
    await setProfile(peer, 1, profile(106, 'TxDefaultProfile'));
    expect(
      await clearProfile(peer, ', input: { connectorId: 1, purpose: TxDefaultProfile, stackLevel: 0 }'),
    ).toEqual({
      chargingProfileCriteria: { evseId: 1, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 0 },
    });
  });

  it('TC_K_08_CSMS Clear Charging Profile - Without previous charging profile', async () => {
    const peer = await station('K08');
    expect(await clearProfile(peer, ', input: { id: 108 }', 'Unknown')).toEqual({ chargingProfileId: 108 });
  });

  it('TC_K_10_CSMS Set Charging Profile - TxDefaultProfile - All EVSE', async () => {
    const peer = await station('K10', 2);
    expect(await setProfile(peer, 0, profile(110, 'TxDefaultProfile'))).toEqual({
      evseId: 0,
      chargingProfile: received(110, 'TxDefaultProfile'),
    });
  });

  it('TC_K_15_CSMS Set Charging Profile - Not Supported', async () => {
    const peer = await station('K15');
    const asked = peer.answer('SetChargingProfile', () => {
      throw createRPCError('NotSupported', 'Smart charging is not supported') as Error;
    });
    const result = await op().gql.request(
      `mutation { setChargingProfile(chargingStationId: ${str(peer.id)}, connectorId: 1, profile: ${profile(115, 'TxDefaultProfile')}) { status } }`,
    );
    await asked;
    expect(result.errors?.[0].extensions).toMatchObject({
      ocppErrorCode: 'NotSupported',
      action: 'SetChargingProfile',
    });
    expect(await peer.call('Heartbeat', {})).toHaveProperty('currentTime');
  });

  it('TC_K_19_CSMS Set Charging Profile - ChargingProfileKind is Recurring', async () => {
    const peer = await station('K19');
    const recurring = `{ chargingProfileId: 119, stackLevel: 1, purpose: TxDefaultProfile, kind: Recurring, recurrencyKind: Daily, schedule: { rateUnit: W, duration: 86400, startSchedule: "2030-01-01T00:00:00Z", periods: [{ startPeriod: 0, limit: 11000 }, { startPeriod: 28800, limit: 3700 }] } }`;
    expect(await setProfile(peer, 0, recurring)).toEqual({
      evseId: 0,
      chargingProfile: {
        id: 119,
        stackLevel: 1,
        chargingProfilePurpose: 'TxDefaultProfile',
        chargingProfileKind: 'Recurring',
        recurrencyKind: 'Daily',
        chargingSchedule: [
          {
            id: 119,
            duration: 86400,
            startSchedule: '2030-01-01T00:00:00.000Z',
            chargingRateUnit: 'W',
            chargingSchedulePeriod: [
              { startPeriod: 0, limit: 11000 },
              { startPeriod: 28800, limit: 3700 },
            ],
          },
        ],
      },
    });
  });

  /** GetChargingProfiles through GraphQL, then the station's reports; resolves with the request. */
  const getProfiles = async (peer: StationPeer, args: string, reports: Payload[]) => {
    const asked = peer.answer('GetChargingProfiles', { status: 'Accepted' });
    const { status, data } = await op().command(
      `getChargingProfiles(chargingStationId: ${str(peer.id)}${args})`,
    );
    expect(status).toBe('Accepted');
    const request = await asked;
    expect(request.requestId).toBe(data?.requestId);
    for (const [index, report] of reports.entries()) {
      const part = { requestId: data?.requestId, tbc: index < reports.length - 1, ...report };
      expect(await peer.call('ReportChargingProfiles', part)).toEqual({});
    }
    expect(await op().notifications(peer.id, 'ReportChargingProfiles')).toHaveLength(reports.length);
    const { requestId: _requestId, ...criteria } = request;
    return criteria;
  };
  const report = (
    evseId: number,
    purpose = 'TxDefaultProfile',
    chargingLimitSource = 'CSO',
    stackLevel = 0,
  ) => ({
    chargingLimitSource,
    evseId,
    chargingProfile: [reportedProfile(200 + evseId, purpose, stackLevel)],
  });

  it.each([
    [
      'TC_K_29_CSMS Get Charging Profile - EvseId 0',
      ', evseId: 0',
      { evseId: 0, chargingProfile: {} },
      [report(0)],
    ],
    [
      'TC_K_30_CSMS Get Charging Profile - EvseId > 0',
      ', evseId: 1',
      { evseId: 1, chargingProfile: {} },
      [report(1)],
    ],
    [
      'TC_K_31_CSMS Get Charging Profile - No EvseId',
      '',
      { chargingProfile: {} },
      [report(0), report(1), report(2)],
    ],
    [
      'TC_K_32_CSMS Get Charging Profile - chargingProfileId',
      ', criteria: { chargingProfileIds: [201] }',
      { chargingProfile: { chargingProfileId: [201] } },
      [report(1)],
    ],
    [
      'TC_K_33_CSMS Get Charging Profile - EvseId > 0 + stackLevel',
      ', evseId: 1, criteria: { stackLevel: 2 }',
      { evseId: 1, chargingProfile: { stackLevel: 2 } },
      [report(1, 'TxDefaultProfile', 'CSO', 2)],
    ],
    [
      'TC_K_34_CSMS Get Charging Profile - EvseId > 0 + chargingLimitSource',
      ', evseId: 1, criteria: { limitSources: [CSO] }',
      { evseId: 1, chargingProfile: { chargingLimitSource: ['CSO'] } },
      [report(1)],
    ],
    [
      'TC_K_35_CSMS Get Charging Profile - EvseId > 0 + chargingProfilePurpose',
      ', evseId: 1, criteria: { purpose: TxDefaultProfile }',
      { evseId: 1, chargingProfile: { chargingProfilePurpose: 'TxDefaultProfile' } },
      [report(1)],
    ],
    [
      'TC_K_36_CSMS Get Charging Profile - EvseId > 0 + chargingProfilePurpose + stackLevel',
      ', evseId: 1, criteria: { purpose: ChargePointMaxProfile, stackLevel: 0 }',
      { evseId: 1, chargingProfile: { chargingProfilePurpose: 'ChargingStationMaxProfile', stackLevel: 0 } },
      [report(1, 'ChargingStationMaxProfile')],
    ],
  ])('%s', async (name, args, criteria, reports) => {
    const peer = await station(`K-${name.slice(5, 9)}`, 2);
    expect(await getProfiles(peer, args, reports)).toEqual(criteria);
  });

  it('TC_K_37_CSMS Remote start transaction with charging profile - Success', async () => {
    const peer = await station('K37');
    const asked = peer.answer('RequestStartTransaction', { status: 'Accepted' });
    expect(
      (
        await op().command(
          `remoteStartTransaction(chargingStationId: ${str(peer.id)}, connectorId: 1, tagId: ${str(TOKENS.valid)}, chargingProfile: { chargingProfileId: 137, stackLevel: 0, purpose: TxProfile, kind: Relative, schedule: { rateUnit: A, periods: [{ startPeriod: 0, limit: 10 }] } })`,
        )
      ).status,
    ).toBe('Accepted');
    const request = await asked;
    expect(request.chargingProfile).toEqual({
      id: 137,
      stackLevel: 0,
      chargingProfilePurpose: 'TxProfile',
      chargingProfileKind: 'Relative',
      chargingSchedule: [
        { id: 137, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 10 }] },
      ],
    });
    const tx = new Tx201(peer, 'k37-tx');
    expect(
      await tx.started('RemoteStart', {
        idToken: idToken(TOKENS.valid),
        remoteStartId: request.remoteStartId as number,
        chargingState: 'Charging',
      }),
    ).toEqual({ idTokenInfo: { status: 'Accepted' } });
  });

  it.each([
    ['TC_K_43_CSMS Get Composite Schedule - Specific EVSE', 1],
    ['TC_K_44_CSMS Get Composite Schedule - Charging Station', 0],
  ])('%s', async (_name, evseId) => {
    const peer = await station(`K-composite-${evseId}`);
    const schedule = {
      evseId,
      duration: 3600,
      scheduleStart: now(),
      chargingRateUnit: 'W',
      chargingSchedulePeriod: [{ startPeriod: 0, limit: 7400 }],
    };
    const asked = peer.answer('GetCompositeSchedule', { status: 'Accepted', schedule });
    const result = await op().command(
      `getCompositeSchedule(chargingStationId: ${str(peer.id)}, input: { connectorId: ${evseId}, duration: 3600, rateUnit: W })`,
    );
    expect(await asked).toEqual({ evseId, duration: 3600, chargingRateUnit: 'W' });
    expect(result).toEqual({ status: 'Accepted', data: { schedule } });
  });

  it('TC_K_48_CSMS Set / Update External Charging Limit (not on a transaction)', async () => {
    const peer = await station('K48');
    const limit = {
      evseId: 1,
      chargingLimit: { chargingLimitSource: 'EMS', isGridCritical: false },
      chargingSchedule: [
        { id: 1, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 8 }] },
      ],
    };
    expect(await peer.call('NotifyChargingLimit', limit)).toEqual({});
    expect(await op().notifications(peer.id, 'NotifyChargingLimit')).toEqual([limit]);
  });

  it('TC_K_50_CSMS Reset / release external charging limit - Without ongoing transaction', async () => {
    const peer = await station('K50');
    expect(await peer.call('ClearedChargingLimit', { chargingLimitSource: 'EMS' })).toEqual({});
    expect(await op().notifications(peer.id, 'ClearedChargingLimit')).toEqual([
      { chargingLimitSource: 'EMS' },
    ]);
  });

  it('TC_K_51_CSMS Reset / release external charging limit - With ongoing transaction', async () => {
    const peer = await station('K51');
    const tx = await charging201(peer, TOKENS.valid);
    expect(await peer.call('ClearedChargingLimit', { chargingLimitSource: 'EMS', evseId: 1 })).toEqual({});
    expect(await tx.updated('ChargingRateChanged', { chargingState: 'Charging' })).toEqual({});
  });

  it('TC_K_52_CSMS Set / Update External Charging Limit - ChargingStationExternalConstraints in report', async () => {
    const peer = await station('K52');
    const constraints = report(0, 'ChargingStationExternalConstraints', 'EMS');
    expect(await getProfiles(peer, ', evseId: 0', [constraints])).toEqual({ evseId: 0, chargingProfile: {} });
    const [stored] = await op().notifications(peer.id, 'ReportChargingProfiles');
    expect(stored).toMatchObject({
      chargingLimitSource: 'EMS',
      chargingProfile: [{ chargingProfilePurpose: 'ChargingStationExternalConstraints' }],
    });
  });

  /** ISO 15118 load levelling: the EV's needs, a TxProfile for its transaction, the EV's schedule. */
  const negotiate = async (peer: StationPeer, tx: Tx201, profileId: number, limitW: number) => {
    const asked = await setProfile(
      peer,
      1,
      `{ chargingProfileId: ${profileId}, stackLevel: 0, purpose: TxProfile, kind: Relative, ocppTransactionId: ${str(tx.transactionId)}, schedule: { rateUnit: W, periods: [{ startPeriod: 0, limit: ${limitW} }] } }`,
    );
    expect(asked).toMatchObject({
      evseId: 1,
      chargingProfile: { id: profileId, transactionId: tx.transactionId, chargingProfileKind: 'Relative' },
    });
    expect(await peer.call('NotifyEVChargingSchedule', evSchedule(limitW))).toEqual({ status: 'Accepted' });
  };

  it.each([
    ['TC_K_53_CSMS Charging with load leveling based on High Level Communication - Success', 1],
    ['TC_K_57_CSMS Renegotiating a Charging Schedule - Initiated by EV', 2],
  ])('%s', async (name, rounds) => {
    const peer = await station(`K-${name.slice(5, 9)}`);
    const tx = await charging201(peer, TOKENS.valid);
    for (let round = 1; round <= rounds; round += 1) {
      expect(await peer.call('NotifyEVChargingNeeds', EV_NEEDS)).toEqual({ status: 'Accepted' });
      await negotiate(peer, tx, 530 + round, 50_000 - round * 10_000);
    }
    expect(await op().notifications(peer.id, 'NotifyEVChargingNeeds')).toHaveLength(rounds);
  });

  it('TC_K_55_CSMS Charging with load leveling - EV charging profile exceeds limits', async () => {
    const peer = await station('K55');
    const tx = await charging201(peer, TOKENS.valid);
    expect(await peer.call('NotifyEVChargingNeeds', EV_NEEDS)).toEqual({ status: 'Accepted' });
    await setProfile(
      peer,
      1,
      `{ chargingProfileId: 551, stackLevel: 0, purpose: TxProfile, kind: Relative, ocppTransactionId: ${str(tx.transactionId)}, schedule: { rateUnit: W, periods: [{ startPeriod: 0, limit: 20000 }] } }`,
    );
    // Above the 20 kW in force, in watts and in amperes (32 A on 3 phases of 230 V: 22.08 kW): Rejected.
    const later = {
      ...evSchedule(20_000).chargingSchedule,
      chargingSchedulePeriod: [
        { startPeriod: 0, limit: 20_000 },
        { startPeriod: 600, limit: 25_000 },
      ],
    };
    expect(
      await peer.call('NotifyEVChargingSchedule', { ...evSchedule(0), chargingSchedule: later }),
    ).toEqual({
      status: 'Rejected',
    });
    const amperes = { id: 2, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 32 }] };
    expect(
      await peer.call('NotifyEVChargingSchedule', { ...evSchedule(0), chargingSchedule: amperes }),
    ).toEqual({
      status: 'Rejected',
    });
    expect(await peer.call('NotifyEVChargingSchedule', evSchedule(20_000))).toEqual({ status: 'Accepted' });
    // The operator sends a new profile; the EV renegotiates within it.
    await negotiate(peer, tx, 552, 25_000);
    expect(await op().notifications(peer.id, 'NotifyEVChargingSchedule')).toHaveLength(4);
  });

  it('TC_K_58_CSMS Renegotiating a Charging Schedule - Initiated by CSMS', async () => {
    const peer = await station('K58');
    const tx = await charging201(peer, TOKENS.valid);
    await peer.call('NotifyEVChargingNeeds', EV_NEEDS);
    await negotiate(peer, tx, 581, 40_000);
    await negotiate(peer, tx, 582, 20_000);
    expect(await op().notifications(peer.id, 'NotifyEVChargingSchedule')).toHaveLength(2);
  });

  it('TC_K_59_CSMS Renegotiating a Charging Schedule - Initiated by CSMS - Send NotifyEVChargingNeeds', async () => {
    const peer = await station('K59');
    const tx = await charging201(peer, TOKENS.valid);
    await peer.call('NotifyEVChargingNeeds', EV_NEEDS);
    await negotiate(peer, tx, 591, 40_000);
    await setProfile(
      peer,
      1,
      `{ chargingProfileId: 592, stackLevel: 0, purpose: TxProfile, kind: Relative, ocppTransactionId: ${str(tx.transactionId)}, schedule: { rateUnit: W, periods: [{ startPeriod: 0, limit: 30000 }] } }`,
    );
    expect(await peer.call('NotifyEVChargingNeeds', EV_NEEDS)).toEqual({ status: 'Accepted' });
    await negotiate(peer, tx, 593, 30_000);
  });

  it('TC_K_60_CSMS Set Charging Profile - TxProfile with ongoing transaction on the specified EVSE', async () => {
    const peer = await station('K60');
    const tx = await charging201(peer, TOKENS.valid);
    expect(
      await setProfile(
        peer,
        1,
        `{ chargingProfileId: 160, stackLevel: 0, purpose: TxProfile, kind: Relative, ocppTransactionId: ${str(tx.transactionId)}, schedule: { rateUnit: A, periods: [{ startPeriod: 0, limit: 6 }] } }`,
      ),
    ).toEqual({
      evseId: 1,
      chargingProfile: {
        id: 160,
        stackLevel: 0,
        chargingProfilePurpose: 'TxProfile',
        chargingProfileKind: 'Relative',
        transactionId: tx.transactionId,
        chargingSchedule: [
          { id: 160, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 6 }] },
        ],
      },
    });
  });

  it('TC_K_70_CSMS Set Charging Profile - Multiple Profiles', async () => {
    const peer = await station('K70');
    await setProfile(peer, 0, profile(170, 'ChargePointMaxProfile', '', 32));
    await setProfile(peer, 1, profile(171, 'TxDefaultProfile', '', 16));
    await setProfile(
      peer,
      1,
      `{ chargingProfileId: 172, stackLevel: 1, purpose: TxDefaultProfile, kind: Absolute, schedule: { rateUnit: A, startSchedule: "2030-01-01T00:00:00Z", periods: [{ startPeriod: 0, limit: 8 }] } }`,
    );
    expect(peer.calls('SetChargingProfile').map((call) => (call.chargingProfile as Payload).id)).toEqual([
      170, 171, 172,
    ]);
  });
});
