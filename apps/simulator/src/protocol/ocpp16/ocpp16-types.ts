/** The parts of the OCPP 1.6-J payloads the simulator reads; ocpp-rpc's strict mode validates the rest. */

export interface ChargingSchedule16 {
  duration?: number;
  startSchedule?: string;
  chargingRateUnit: 'A' | 'W';
  chargingSchedulePeriod: { startPeriod: number; limit: number; numberPhases?: number }[];
  minChargingRate?: number;
}

export interface ChargingProfile16 {
  chargingProfileId: number;
  transactionId?: number;
  stackLevel: number;
  chargingProfilePurpose: 'ChargePointMaxProfile' | 'TxDefaultProfile' | 'TxProfile';
  chargingProfileKind: 'Absolute' | 'Recurring' | 'Relative';
  recurrencyKind?: 'Daily' | 'Weekly';
  validFrom?: string;
  validTo?: string;
  chargingSchedule: ChargingSchedule16;
}

export interface IdTagInfo16 {
  status: 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'ConcurrentTx';
}

export interface RemoteStart16 {
  connectorId?: number;
  idTag: string;
  chargingProfile?: ChargingProfile16;
}

export interface ClearChargingProfile16 {
  id?: number;
  connectorId?: number;
  chargingProfilePurpose?: ChargingProfile16['chargingProfilePurpose'];
  stackLevel?: number;
}

export interface ReserveNow16 {
  connectorId: number;
  expiryDate: string;
  idTag: string;
  reservationId: number;
}

export interface SendLocalList16 {
  listVersion: number;
  updateType: 'Differential' | 'Full';
  localAuthorizationList?: { idTag: string; idTagInfo?: IdTagInfo16 }[];
}

export type TriggerMessage16 = {
  requestedMessage:
    | 'BootNotification'
    | 'DiagnosticsStatusNotification'
    | 'FirmwareStatusNotification'
    | 'Heartbeat'
    | 'MeterValues'
    | 'StatusNotification';
  connectorId?: number;
};
