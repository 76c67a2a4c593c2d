import { startSimulation, Simulation } from '../../apps/simulator/src/simulation';
import { Json, MiniCsms } from './support/mini-csms';
import { sampled, simOptions } from './support/sim-options';
import { waitFor } from './support/wait-for';

const ENERGY = 'Energy.Active.Import.Register';
const SPEED = 100;

describe('simulator: answers CSMS commands like a real station', () => {
  const csms = new MiniCsms();
  let v16: Simulation;
  let v201: Simulation;
  const id16 = 'C16-0001';
  const id201 = 'C201-0001';

  beforeAll(async () => {
    await csms.listen();
    // A long idle time: no local sessions, the test drives the stations with remote commands.
    v16 = startSimulation(simOptions(csms.url, { idPrefix: 'C16', speed: SPEED, idle: 10_000 }));
    v201 = startSimulation(
      simOptions(csms.url, { idPrefix: 'C201', ocpp: '2.0.1', speed: SPEED, idle: 10_000 }),
    );
    await Promise.all([v16.started, v201.started]);
  });

  afterAll(async () => {
    await Promise.all([v16?.stop(), v201?.stop()]);
    await csms.close();
  });

  const meterValuesAfter = (since: number) =>
    csms
      .framesOf(id16, 'MeterValues')
      .filter((f) => f.at > since && f.params.transactionId !== undefined)
      .map((f) => f.params.meterValue[0]);

  it('1.6: remote start, a charging profile that caps the power, composite schedule, remote stop', async () => {
    expect(await csms.command(id16, 'RemoteStartTransaction', { connectorId: 1, idTag: 'REMOTE-1' })).toEqual(
      {
        status: 'Accepted',
      },
    );
    await waitFor(() => csms.framesOf(id16, 'StartTransaction').length === 1, 'StartTransaction');
    expect(csms.framesOf(id16, 'StartTransaction')[0].params).toMatchObject({
      connectorId: 1,
      idTag: 'REMOTE-1',
    });
    // Remote starts are not re-authorized (AuthorizeRemoteTxRequests=false).
    expect(csms.framesOf(id16, 'Authorize')).toHaveLength(0);
    await waitFor(() => meterValuesAfter(0).length >= 2, 'meter values');
    const transactionId = csms.framesOf(id16, 'MeterValues').find((f) => f.params.transactionId)!.params
      .transactionId;
    const uncapped = sampled(meterValuesAfter(0)[1], 'Power.Active.Import')!;
    expect(uncapped).toBeGreaterThan(6_000);

    const profile = {
      connectorId: 1,
      csChargingProfiles: {
        chargingProfileId: 7,
        transactionId,
        stackLevel: 1,
        chargingProfilePurpose: 'TxProfile',
        chargingProfileKind: 'Relative',
        chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 6 }] },
      },
    };
    expect(await csms.command(id16, 'SetChargingProfile', profile)).toEqual({ status: 'Accepted' });
    const cappedSince = Date.now();
    await waitFor(() => meterValuesAfter(cappedSince).length >= 4, 'capped meter values');
    const capped = meterValuesAfter(cappedSince);
    const capW = 6 * 230 * 3;
    for (const meterValue of capped) {
      expect(sampled(meterValue, 'Power.Active.Import')).toBeLessThanOrEqual(capW + 1);
      expect(sampled(meterValue, 'Power.Active.Import')).toBeGreaterThan(capW * 0.95);
      expect(sampled(meterValue, 'Current.Import', 'L2')).toBeCloseTo(6, 1);
    }
    // Energy follows power × (accelerated) time.
    const first = capped[0];
    const last = capped[capped.length - 1];
    const hours = ((Date.parse(last.timestamp) - Date.parse(first.timestamp)) / 3_600_000) * SPEED;
    const expectedWh = capW * hours;
    const deltaWh = sampled(last, ENERGY)! - sampled(first, ENERGY)!;
    expect(deltaWh).toBeGreaterThan(expectedWh * 0.85 - 2);
    expect(deltaWh).toBeLessThan(expectedWh * 1.15 + 2);

    const composite = await csms.command(id16, 'GetCompositeSchedule', {
      connectorId: 1,
      duration: 600,
      chargingRateUnit: 'A',
    });
    expect(composite).toMatchObject({
      status: 'Accepted',
      connectorId: 1,
      chargingSchedule: { chargingRateUnit: 'A' },
    });
    expect(composite.chargingSchedule.chargingSchedulePeriod[0]).toEqual({ startPeriod: 0, limit: 6 });

    expect(await csms.command(id16, 'RemoteStopTransaction', { transactionId })).toEqual({
      status: 'Accepted',
    });
    await waitFor(() => csms.framesOf(id16, 'StopTransaction').length === 1, 'StopTransaction');
    const stop = csms.framesOf(id16, 'StopTransaction')[0].params;
    expect(stop).toMatchObject({ transactionId, reason: 'Remote' });
    expect(stop.meterStop).toBeGreaterThanOrEqual(sampled(last, ENERGY)!);
    await waitFor(
      () =>
        csms
          .framesOf(id16, 'StatusNotification')
          .some((f) => f.at > cappedSince && f.params.status === 'Available'),
      'connector available again',
    );
    expect(await csms.command(id16, 'RemoteStopTransaction', { transactionId })).toEqual({
      status: 'Rejected',
    });
    expect(csms.validationFailures).toEqual([]);
  });

  it('1.6: configuration store, reservations, local list, availability, triggers, diagnostics, reset', async () => {
    const config = await csms.command(id16, 'GetConfiguration', {
      key: ['NumberOfConnectors', 'HeartbeatInterval', 'Nope'],
    });
    expect(config.configurationKey).toEqual([
      { key: 'NumberOfConnectors', readonly: true, value: '2' },
      { key: 'HeartbeatInterval', readonly: false, value: '300' },
    ]);
    expect(config.unknownKey).toEqual(['Nope']);
    const change = (key: string, value: string) => csms.command(id16, 'ChangeConfiguration', { key, value });
    expect(await change('HeartbeatInterval', '120')).toEqual({ status: 'Accepted' });
    expect(await change('NumberOfConnectors', '4')).toEqual({ status: 'Rejected' });
    expect(await change('HeartbeatInterval', 'often')).toEqual({ status: 'Rejected' });
    expect(await change('WebSocketPingInterval', '60')).toEqual({ status: 'RebootRequired' });
    expect(await change('NoSuchKey', '1')).toEqual({ status: 'NotSupported' });
    const all = await csms.command(id16, 'GetConfiguration', {});
    expect(all.configurationKey.find((k: Json) => k.key === 'HeartbeatInterval').value).toBe('120');

    const expiryDate = new Date(Date.now() + 60_000).toISOString();
    expect(
      await csms.command(id16, 'ReserveNow', {
        connectorId: 2,
        expiryDate,
        idTag: 'RES-1',
        reservationId: 11,
      }),
    ).toEqual({ status: 'Accepted' });
    await waitFor(
      () => csms.framesOf(id16, 'StatusNotification').some((f) => f.params.status === 'Reserved'),
      'Reserved',
    );
    expect(
      await csms.command(id16, 'RemoteStartTransaction', { connectorId: 2, idTag: 'SOMEONE-ELSE' }),
    ).toEqual({
      status: 'Rejected',
    });
    expect(await csms.command(id16, 'CancelReservation', { reservationId: 11 })).toEqual({
      status: 'Accepted',
    });
    expect(await csms.command(id16, 'CancelReservation', { reservationId: 11 })).toEqual({
      status: 'Rejected',
    });

    const list = {
      listVersion: 3,
      updateType: 'Full',
      localAuthorizationList: [{ idTag: 'LOCAL-1', idTagInfo: { status: 'Accepted' } }],
    };
    expect(await csms.command(id16, 'SendLocalList', list)).toEqual({ status: 'Accepted' });
    expect(await csms.command(id16, 'GetLocalListVersion', {})).toEqual({ listVersion: 3 });

    const availabilitySince = Date.now();
    expect(await csms.command(id16, 'ChangeAvailability', { connectorId: 2, type: 'Inoperative' })).toEqual({
      status: 'Accepted',
    });
    await waitFor(
      () =>
        csms
          .framesOf(id16, 'StatusNotification')
          .some(
            (f) =>
              f.at >= availabilitySince && f.params.connectorId === 2 && f.params.status === 'Unavailable',
          ),
      'connector 2 Unavailable',
    );
    expect(await csms.command(id16, 'UnlockConnector', { connectorId: 1 })).toEqual({ status: 'Unlocked' });
    expect(await csms.command(id16, 'ClearCache', {})).toEqual({ status: 'Accepted' });
    expect(await csms.command(id16, 'DataTransfer', { vendorId: 'Other' })).toEqual({
      status: 'UnknownVendorId',
    });

    const heartbeats = csms.framesOf(id16, 'Heartbeat').length;
    expect(await csms.command(id16, 'TriggerMessage', { requestedMessage: 'Heartbeat' })).toEqual({
      status: 'Accepted',
    });
    await waitFor(() => csms.framesOf(id16, 'Heartbeat').length > heartbeats, 'triggered Heartbeat');

    const diagnostics = await csms.command(id16, 'GetDiagnostics', { location: 'ftp://example.com/upload' });
    expect(diagnostics.fileName).toMatch(/^diagnostics-C16-0001-/);
    await waitFor(
      () => csms.framesOf(id16, 'DiagnosticsStatusNotification').some((f) => f.params.status === 'Uploaded'),
      'diagnostics uploaded',
    );

    expect(await csms.command(id16, 'Reset', { type: 'Soft' })).toEqual({ status: 'Accepted' });
    await waitFor(() => csms.framesOf(id16, 'BootNotification').length === 2, 'BootNotification after reset');
    await waitFor(() => csms.clients.has(id16), 'reconnected');
    expect(csms.validationFailures).toEqual([]);
  });

  it('2.0.1: RequestStart, a W profile that caps the power, variables, RequestStop', async () => {
    const started = await csms.command(id201, 'RequestStartTransaction', {
      evseId: 1,
      remoteStartId: 42,
      idToken: { idToken: 'REMOTE-2', type: 'Central' },
    });
    expect(started).toEqual({ status: 'Accepted' });
    const events = () => csms.framesOf(id201, 'TransactionEvent').map((f) => ({ ...f.params, at: f.at }));
    await waitFor(() => events().filter((e) => e.eventType === 'Updated').length >= 2, 'Updated events');
    const start = events()[0];
    expect(start).toMatchObject({
      eventType: 'Started',
      triggerReason: 'RemoteStart',
      seqNo: 0,
      transactionInfo: { remoteStartId: 42 },
    });
    const transactionId: string = start.transactionInfo.transactionId;

    const profile = {
      evseId: 1,
      chargingProfile: {
        id: 5,
        stackLevel: 0,
        chargingProfilePurpose: 'TxProfile',
        chargingProfileKind: 'Relative',
        transactionId,
        chargingSchedule: [
          { id: 1, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 3_000 }] },
        ],
      },
    };
    expect(await csms.command(id201, 'SetChargingProfile', profile)).toEqual({ status: 'Accepted' });
    const cappedSince = Date.now();
    await waitFor(() => events().filter((e) => e.at > cappedSince).length >= 3, 'capped Updated events');
    for (const event of events().filter((e) => e.at > cappedSince)) {
      expect(sampled(event.meterValue[0], 'Power.Active.Import')).toBe(3_000);
    }

    const variables = await csms.command(id201, 'GetVariables', {
      getVariableData: [
        { component: { name: 'SampledDataCtrlr' }, variable: { name: 'TxUpdatedInterval' } },
        { component: { name: 'SampledDataCtrlr' }, variable: { name: 'Nope' } },
        { component: { name: 'NoSuchCtrlr' }, variable: { name: 'Enabled' } },
      ],
    });
    expect(variables.getVariableResult.map((r: Json) => [r.attributeStatus, r.attributeValue])).toEqual([
      ['Accepted', '0.25'],
      ['UnknownVariable', undefined],
      ['UnknownComponent', undefined],
    ]);
    const set = await csms.command(id201, 'SetVariables', {
      setVariableData: [
        {
          component: { name: 'OCPPCommCtrlr' },
          variable: { name: 'HeartbeatInterval' },
          attributeValue: '60',
        },
        {
          component: { name: 'DeviceDataCtrlr' },
          variable: { name: 'ItemsPerMessage' },
          attributeValue: '5',
        },
        {
          component: { name: 'OCPPCommCtrlr' },
          variable: { name: 'WebSocketPingInterval' },
          attributeValue: '10',
        },
      ],
    });
    expect(set.setVariableResult.map((r: Json) => r.attributeStatus)).toEqual([
      'Accepted',
      'Rejected',
      'RebootRequired',
    ]);

    expect(await csms.command(id201, 'RequestStopTransaction', { transactionId })).toEqual({
      status: 'Accepted',
    });
    await waitFor(() => events().some((e) => e.eventType === 'Ended'), 'Ended');
    const all = events().filter((e) => e.transactionInfo.transactionId === transactionId);
    expect(all[all.length - 1]).toMatchObject({
      eventType: 'Ended',
      triggerReason: 'RemoteStop',
      transactionInfo: { stoppedReason: 'Remote' },
    });
    expect(all.map((e) => e.seqNo)).toEqual(all.map((_, index) => index));
    expect(csms.validationFailures).toEqual([]);
  });
});
