/** Valid payloads of what a station sends, per OCPP-J version: the seeds the fuzzer mutates. */
const NOW = '2026-01-01T00:00:00.000Z';

export const STATION_CALLS: Record<'ocpp1.6' | 'ocpp2.0.1', Record<string, Record<string, unknown>>> = {
  'ocpp1.6': {
    BootNotification: { chargePointVendor: 'Fuzz', chargePointModel: 'F1' },
    Heartbeat: {},
    Authorize: { idTag: 'FUZZ-TAG' },
    StatusNotification: { connectorId: 1, errorCode: 'NoError', status: 'Available' },
    MeterValues: {
      connectorId: 1,
      transactionId: 1,
      meterValue: [
        { timestamp: NOW, sampledValue: [{ value: '10', measurand: 'Energy.Active.Import.Register' }] },
      ],
    },
    StartTransaction: { connectorId: 1, idTag: 'FUZZ-TAG', meterStart: 0, timestamp: NOW },
    StopTransaction: { transactionId: 1, meterStop: 10, timestamp: NOW },
    DataTransfer: { vendorId: 'fuzz', messageId: 'm', data: 'd' },
    DiagnosticsStatusNotification: { status: 'Idle' },
    FirmwareStatusNotification: { status: 'Idle' },
  },
  'ocpp2.0.1': {
    BootNotification: { reason: 'PowerUp', chargingStation: { model: 'F1', vendorName: 'Fuzz' } },
    Heartbeat: {},
    Authorize: { idToken: { idToken: 'FUZZ-TAG', type: 'ISO14443' } },
    StatusNotification: { timestamp: NOW, connectorStatus: 'Available', evseId: 1, connectorId: 1 },
    MeterValues: { evseId: 1, meterValue: [{ timestamp: NOW, sampledValue: [{ value: 10 }] }] },
    TransactionEvent: {
      eventType: 'Started',
      timestamp: NOW,
      triggerReason: 'Authorized',
      seqNo: 0,
      transactionInfo: { transactionId: 'FUZZ-TX' },
      evse: { id: 1, connectorId: 1 },
      idToken: { idToken: 'FUZZ-TAG', type: 'ISO14443' },
    },
    DataTransfer: { vendorId: 'fuzz', messageId: 'm', data: 'd' },
    NotifyEvent: {
      generatedAt: NOW,
      seqNo: 0,
      eventData: [
        {
          eventId: 1,
          timestamp: NOW,
          trigger: 'Alerting',
          actualValue: 'x',
          eventNotificationType: 'HardWiredNotification',
          component: { name: 'Connector' },
          variable: { name: 'Problem' },
        },
      ],
    },
    SecurityEventNotification: { type: 'FuzzEvent', timestamp: NOW },
    FirmwareStatusNotification: { status: 'Idle' },
  },
};

/** The CALLERROR codes each version defines (OCPP-J 1.6 §4.2.3, 2.0.1 §4.3). */
export const ERROR_CODES: Record<'ocpp1.6' | 'ocpp2.0.1', Set<string>> = {
  'ocpp1.6': new Set([
    'NotImplemented',
    'NotSupported',
    'InternalError',
    'ProtocolError',
    'SecurityError',
    'FormationViolation',
    'PropertyConstraintViolation',
    'OccurenceConstraintViolation',
    'TypeConstraintViolation',
    'GenericError',
  ]),
  'ocpp2.0.1': new Set([
    'FormatViolation',
    'GenericError',
    'InternalError',
    'MessageTypeNotSupported',
    'NotImplemented',
    'NotSupported',
    'OccurrenceConstraintViolation',
    'PropertyConstraintViolation',
    'ProtocolError',
    'RpcFrameworkError',
    'SecurityError',
    'TypeConstraintViolation',
  ]),
};
