import { BadInputError, DEFAULT_TENANT_ID } from '@csms/common';
import { StationInbound } from '@csms/stations/ports/station-inbound.port';
import { TransactionInbound } from '@csms/transactions/ports/transaction-inbound.port';
import { EventEmitter } from 'node:events';
import { CertificateSigning } from '../security/certificate-signing';
import { StationSession } from '../session/station-session';
import { StationNotificationRepository } from '../v201/station-notification.repository';
import { RpcConnection, RpcHandlerContext } from '../transport/rpc-connection';
import { createSchemaValidator } from '../transport/ocpp-validation';
import { V16InboundHandlers } from './v16-inbound.handlers';

type Handler = (context: RpcHandlerContext) => Promise<unknown>;

/** A connection that only records the handlers installed on it. */
function fakeConnection(): RpcConnection & { handlers: Map<string, Handler> } {
  const handlers = new Map<string, Handler>();
  return Object.assign(new EventEmitter(), {
    identity: 'CS-1',
    protocol: 'ocpp1.6',
    session: {},
    handlers,
    handle: (method: string, handler: Handler) => void handlers.set(method, handler),
    call: jest.fn(),
    sendRaw: jest.fn(),
    close: jest.fn(),
  });
}

function fakeStations(): jest.Mocked<StationInbound> {
  return {
    mayConnect: jest.fn(),
    connected: jest.fn(),
    disconnected: jest.fn(),
    boot: jest.fn().mockResolvedValue({
      status: 'Accepted',
      interval: 300,
      currentTime: new Date('2026-11-28T10:00:00Z'),
    }),
    heartbeat: jest.fn().mockResolvedValue(new Date('2026-11-28T10:00:01Z')),
    statusNotification: jest.fn().mockResolvedValue(undefined),
    dataTransfer: jest.fn().mockResolvedValue({ status: 'UnknownVendorId' }),
    firmwareStatus: jest.fn().mockResolvedValue(undefined),
    diagnosticsStatus: jest.fn().mockResolvedValue(undefined),
  };
}

function fakeTransactions(): jest.Mocked<TransactionInbound> {
  return {
    authorize: jest
      .fn()
      .mockResolvedValue({ status: 'Accepted', expiryDate: new Date('2027-01-01T00:00:00Z') }),
    start: jest.fn().mockResolvedValue({ ocppTransactionId: '42', idTagInfo: { status: 'Accepted' } }),
    meterValues: jest.fn().mockResolvedValue(undefined),
    stop: jest.fn().mockResolvedValue({ idTagInfo: { status: 'Accepted', parentIdTag: 'GROUP' } }),
    assignConnector: jest.fn().mockResolvedValue(undefined),
    closeOpenTransactions: jest.fn().mockResolvedValue(undefined),
    runningCost: jest.fn().mockReturnValue(undefined),
    withinChargingLimit: jest.fn().mockReturnValue(true),
  };
}

describe('V16InboundHandlers', () => {
  const validator = createSchemaValidator('ocpp1.6');
  let stations: jest.Mocked<StationInbound>;
  let transactions: jest.Mocked<TransactionInbound>;
  let connection: ReturnType<typeof fakeConnection>;
  let notifications: { record: jest.Mock };
  let signing: { answer: jest.Mock };

  const invoke = (action: string, params: unknown) => {
    const handler = connection.handlers.get(action);
    if (!handler) throw new Error(`no handler for ${action}`);
    return handler({ messageId: 'm1', method: action, params });
  };

  beforeEach(() => {
    stations = fakeStations();
    transactions = fakeTransactions();
    connection = fakeConnection();
    notifications = { record: jest.fn().mockResolvedValue(undefined) };
    signing = { answer: jest.fn().mockReturnValue('Accepted') };
    const handlers = new V16InboundHandlers(
      stations,
      transactions,
      notifications as unknown as StationNotificationRepository,
      signing as unknown as CertificateSigning,
    );
    handlers.attach(new StationSession(DEFAULT_TENANT_ID, 'CS-1', '1.6', connection, validator));
  });

  it('handles every station → central system action of OCPP 1.6 and nothing else', () => {
    expect([...connection.handlers.keys()].sort()).toEqual([
      'Authorize',
      'BootNotification',
      'DataTransfer',
      'DiagnosticsStatusNotification',
      'FirmwareStatusNotification',
      'Heartbeat',
      'LogStatusNotification',
      'MeterValues',
      'SecurityEventNotification',
      'SignCertificate',
      'SignedFirmwareStatusNotification',
      'StartTransaction',
      'StatusNotification',
      'StopTransaction',
    ]);
  });

  it('handles the security extension: events kept, CSRs signed, log and signed-firmware statuses recorded', async () => {
    const event = { type: 'InvalidCentralSystemCertificate', timestamp: '2026-11-28T10:00:00Z' };
    expect(await invoke('SecurityEventNotification', event)).toEqual({});
    expect(notifications.record).toHaveBeenCalledWith(
      DEFAULT_TENANT_ID,
      'CS-1',
      'SecurityEventNotification',
      event,
    );
    expect(await invoke('SignCertificate', { csr: 'CSR' })).toEqual({ status: 'Accepted' });
    expect(signing.answer).toHaveBeenCalledWith(expect.any(StationSession), 'CSR');
    expect(await invoke('LogStatusNotification', { status: 'Uploaded', requestId: 7 })).toEqual({});
    expect(stations.diagnosticsStatus).toHaveBeenCalledWith(DEFAULT_TENANT_ID, 'CS-1', 'Uploaded');
    expect(
      await invoke('SignedFirmwareStatusNotification', { status: 'InvalidSignature', requestId: 7 }),
    ).toEqual({});
    expect(stations.firmwareStatus).toHaveBeenCalledWith(DEFAULT_TENANT_ID, 'CS-1', 'InvalidSignature');
  });

  it('refuses other messages with SecurityError while the boot is Pending, and lets the next boot through', async () => {
    stations.boot.mockResolvedValueOnce({ status: 'Pending', interval: 60, currentTime: new Date() });
    expect(await invoke('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' })).toMatchObject(
      {
        status: 'Pending',
      },
    );
    await expect(invoke('Heartbeat', {})).rejects.toMatchObject({ rpcErrorCode: 'SecurityError' });
    expect(stations.heartbeat).not.toHaveBeenCalled();
    expect(await invoke('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' })).toMatchObject(
      {
        status: 'Accepted',
      },
    );
    expect(await invoke('Heartbeat', {})).toHaveProperty('currentTime');
  });

  it('maps BootNotification to the domain, closes what a restart cut off, and answers in 1.6 terms', async () => {
    const answer = await invoke('BootNotification', {
      chargePointVendor: 'V',
      chargePointModel: 'M',
      chargeBoxSerialNumber: 'BOX',
      iccid: '89',
      meterType: 'EM',
    });
    expect(stations.boot).toHaveBeenCalledWith(
      DEFAULT_TENANT_ID,
      'CS-1',
      expect.objectContaining({
        vendor: 'V',
        model: 'M',
        chargeBoxSerialNumber: 'BOX',
        iccid: '89',
        meterType: 'EM',
      }),
      { ocppVersion: '1.6', ocppProtocol: 'json' },
    );
    expect(transactions.closeOpenTransactions).toHaveBeenCalledWith(DEFAULT_TENANT_ID, 'CS-1', 'PowerLoss');
    expect(answer).toEqual({ status: 'Accepted', interval: 300, currentTime: '2026-11-28T10:00:00.000Z' });
  });

  it('closes open sessions even when the boot is rejected: the station restarted all the same', async () => {
    stations.boot.mockResolvedValue({ status: 'Rejected', interval: 60, currentTime: new Date() });
    const answer = await invoke('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
    expect(transactions.closeOpenTransactions).toHaveBeenCalledWith(DEFAULT_TENANT_ID, 'CS-1', 'PowerLoss');
    expect(answer).toMatchObject({ status: 'Rejected', interval: 60 });
  });

  it('parses timestamps into dates and keeps status error codes', async () => {
    await invoke('StatusNotification', {
      connectorId: 2,
      errorCode: 'GroundFailure',
      status: 'Faulted',
      vendorErrorCode: 'E42',
      timestamp: '2026-11-28T10:00:00Z',
    });
    expect(stations.statusNotification).toHaveBeenCalledWith(DEFAULT_TENANT_ID, 'CS-1', {
      connectorId: 2,
      status: 'Faulted',
      errorCode: 'GroundFailure',
      info: undefined,
      vendorId: undefined,
      vendorErrorCode: 'E42',
      timestamp: new Date('2026-11-28T10:00:00Z'),
    });
  });

  it('encodes idTagInfo dates back to ISO strings', async () => {
    expect(await invoke('Authorize', { idTag: 'T1' })).toEqual({
      idTagInfo: { status: 'Accepted', expiryDate: '2027-01-01T00:00:00.000Z' },
    });
  });

  it('starts a transaction with Wh integers and answers the integer transaction id', async () => {
    const answer = await invoke('StartTransaction', {
      connectorId: 1,
      idTag: 'T1',
      meterStart: 12345,
      timestamp: '2026-11-28T10:00:00Z',
      reservationId: 9,
    });
    expect(transactions.start).toHaveBeenCalledWith(DEFAULT_TENANT_ID, 'CS-1', {
      connectorId: 1,
      idTag: 'T1',
      meterStartWh: 12345,
      timestamp: new Date('2026-11-28T10:00:00Z'),
      reservationId: 9,
    });
    expect(answer).toEqual({ transactionId: 42, idTagInfo: { status: 'Accepted' } });
  });

  it('hands meter values over with the transaction id as a string, or none outside a transaction', async () => {
    const meterValue = [
      {
        timestamp: '2026-11-28T10:05:00Z',
        sampledValue: [
          { value: '1.5', measurand: 'Energy.Active.Import.Register', unit: 'kWh', phase: 'L1' },
        ],
      },
    ];
    await invoke('MeterValues', { connectorId: 1, transactionId: 42, meterValue });
    await invoke('MeterValues', { connectorId: 0, meterValue });
    const values = [
      {
        timestamp: new Date('2026-11-28T10:05:00Z'),
        sampledValues: [
          {
            value: '1.5',
            measurand: 'Energy.Active.Import.Register',
            unit: 'kWh',
            phase: 'L1',
            context: undefined,
            format: undefined,
            location: undefined,
          },
        ],
      },
    ];
    expect(transactions.meterValues).toHaveBeenNthCalledWith(1, DEFAULT_TENANT_ID, 'CS-1', 1, '42', values);
    expect(transactions.meterValues).toHaveBeenNthCalledWith(
      2,
      DEFAULT_TENANT_ID,
      'CS-1',
      0,
      undefined,
      values,
    );
  });

  it('stops a transaction with its transactionData', async () => {
    const answer = await invoke('StopTransaction', {
      transactionId: 42,
      meterStop: 20000,
      timestamp: '2026-11-28T11:00:00Z',
      reason: 'EVDisconnected',
      transactionData: [{ timestamp: '2026-11-28T11:00:00Z', sampledValue: [{ value: '20000' }] }],
    });
    expect(transactions.stop).toHaveBeenCalledWith(
      DEFAULT_TENANT_ID,
      'CS-1',
      expect.objectContaining({
        ocppTransactionId: '42',
        meterStopWh: 20000,
        timestamp: new Date('2026-11-28T11:00:00Z'),
        reason: 'EVDisconnected',
        transactionData: [
          {
            timestamp: new Date('2026-11-28T11:00:00Z'),
            sampledValues: [expect.objectContaining({ value: '20000' })],
          },
        ],
      }),
    );
    expect(answer).toEqual({ idTagInfo: { status: 'Accepted', parentIdTag: 'GROUP' } });
  });

  it('answers DataTransfer and the status notifications', async () => {
    expect(await invoke('DataTransfer', { vendorId: 'x' })).toEqual({ status: 'UnknownVendorId' });
    expect(await invoke('Heartbeat', {})).toEqual({ currentTime: '2026-11-28T10:00:01.000Z' });
    expect(await invoke('FirmwareStatusNotification', { status: 'Installing' })).toEqual({});
    expect(await invoke('DiagnosticsStatusNotification', { status: 'UploadFailed' })).toEqual({});
    expect(stations.firmwareStatus).toHaveBeenCalledWith(DEFAULT_TENANT_ID, 'CS-1', 'Installing');
    expect(stations.diagnosticsStatus).toHaveBeenCalledWith(DEFAULT_TENANT_ID, 'CS-1', 'UploadFailed');
  });

  it('turns domain failures into CALLERRORs that reveal nothing of the server', async () => {
    transactions.authorize.mockRejectedValue(new Error('mongodb://secret@db is down'));
    await expect(invoke('Authorize', { idTag: 'T1' })).rejects.toMatchObject({
      rpcErrorCode: 'InternalError',
      message: 'Authorize could not be processed',
    });
    transactions.start.mockRejectedValue(new BadInputError('connector 9 does not exist'));
    await expect(
      invoke('StartTransaction', {
        connectorId: 9,
        idTag: 'T',
        meterStart: 0,
        timestamp: '2026-11-28T10:00:00Z',
      }),
    ).rejects.toMatchObject({ rpcErrorCode: 'PropertyConstraintViolation' });
  });
});
