/** The parts of the OCPP 2.0.1 payloads the simulator reads; ocpp-rpc's strict mode validates the rest. */

export interface IdToken201 {
  idToken: string;
  type: string;
}

export interface ChargingProfile201 {
  id: number;
  stackLevel: number;
  chargingProfilePurpose:
    'ChargingStationMaxProfile' | 'TxDefaultProfile' | 'TxProfile' | 'ChargingStationExternalConstraints';
  chargingProfileKind: 'Absolute' | 'Recurring' | 'Relative';
  recurrencyKind?: 'Daily' | 'Weekly';
  validFrom?: string;
  validTo?: string;
  transactionId?: string;
  chargingSchedule: {
    id: number;
    startSchedule?: string;
    duration?: number;
    chargingRateUnit: 'A' | 'W';
    chargingSchedulePeriod: { startPeriod: number; limit: number; numberPhases?: number }[];
  }[];
}

export interface ComponentVariable201 {
  component: { name: string; instance?: string; evse?: { id: number; connectorId?: number } };
  variable: { name: string; instance?: string };
  attributeType?: 'Actual' | 'Target' | 'MinSet' | 'MaxSet';
}

export interface SetVariableData201 extends ComponentVariable201 {
  attributeValue: string;
}

export interface ClearChargingProfile201 {
  chargingProfileId?: number;
  chargingProfileCriteria?: {
    evseId?: number;
    chargingProfilePurpose?: ChargingProfile201['chargingProfilePurpose'];
    stackLevel?: number;
  };
}

export interface TriggerMessage201 {
  requestedMessage: string;
  evse?: { id: number; connectorId?: number };
}
