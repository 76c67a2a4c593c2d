import { BootInfo, ConnectorStatusReport } from '@csms/stations/ports/station-inbound.port';
import { IdTagInfo, MeterValue, SampledValue } from '@csms/transactions/ports/transaction-inbound.port';
import { BootNotificationRequest, MeterValuesRequest, StatusNotificationRequest } from './types/generated';

type V16MeterValue = MeterValuesRequest['meterValue'][number];

/** Schema-validated timestamps are RFC 3339 date-times. */
export function toDate(value: string): Date {
  return new Date(value);
}

export function toBootInfo(request: BootNotificationRequest): BootInfo {
  return {
    vendor: request.chargePointVendor,
    model: request.chargePointModel,
    serialNumber: request.chargePointSerialNumber,
    chargeBoxSerialNumber: request.chargeBoxSerialNumber,
    firmwareVersion: request.firmwareVersion,
    iccid: request.iccid,
    imsi: request.imsi,
    meterType: request.meterType,
    meterSerialNumber: request.meterSerialNumber,
  };
}

export function toStatusReport(request: StatusNotificationRequest): ConnectorStatusReport {
  return {
    connectorId: request.connectorId,
    status: request.status,
    errorCode: request.errorCode,
    info: request.info,
    vendorId: request.vendorId,
    vendorErrorCode: request.vendorErrorCode,
    timestamp: request.timestamp === undefined ? undefined : toDate(request.timestamp),
  };
}

export function toMeterValues(values: readonly V16MeterValue[]): MeterValue[] {
  return values.map((meterValue) => ({
    timestamp: toDate(meterValue.timestamp),
    sampledValues: meterValue.sampledValue.map((sample): SampledValue => ({
      value: sample.value,
      context: sample.context,
      format: sample.format,
      measurand: sample.measurand,
      phase: sample.phase,
      location: sample.location,
      unit: sample.unit,
    })),
  }));
}

/** The 1.6 wire form of an authorization answer. */
/** 1.x knows no NoCredit: a driver who cannot pay is Blocked. */
export function encodeIdTagInfo(info: IdTagInfo): {
  status: Exclude<IdTagInfo['status'], 'NoCredit'>;
  expiryDate?: string;
  parentIdTag?: string;
} {
  return {
    status: info.status === 'NoCredit' ? 'Blocked' : info.status,
    ...(info.expiryDate ? { expiryDate: info.expiryDate.toISOString() } : {}),
    ...(info.parentIdTag ? { parentIdTag: info.parentIdTag } : {}),
  };
}

/** 1.6 transaction ids are integers; the domain hands them over as strings. */
export function toOcpp16TransactionId(ocppTransactionId: string): number {
  const id = Number(ocppTransactionId);
  if (!Number.isSafeInteger(id))
    throw new Error(`Transaction id ${ocppTransactionId} is not an OCPP 1.6 integer`);
  return id;
}
