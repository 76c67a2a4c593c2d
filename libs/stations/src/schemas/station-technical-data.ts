import { ConnectorType, CurrentType } from '../models/connector-kinds';
import { ChargingRateUnit } from '../commands/command-enums';

/**
 * What a station template says about the hardware, stored on the station apart from the reported
 * connector states (`connectors.<id>`), so status updates never overwrite it.
 */
export interface ConnectorSpec {
  connectorId: number;
  type?: ConnectorType;
  maxPowerWatts?: number;
  amperage?: number;
  numberOfPhases?: number;
  currentType?: CurrentType;
  chargePointId?: number;
}

export interface ChargePointSpec {
  chargePointId: number;
  connectorIds: number[];
  maximumPowerWatts?: number;
  sharePowerToAllConnectors?: boolean;
  cannotChargeInParallel?: boolean;
}

export interface StationCapabilitySet {
  staticLimitation: boolean;
  chargingProfiles: boolean;
  remoteStartStop: boolean;
  unlock: boolean;
  reservation: boolean;
  rfid: boolean;
  firmwareUpdate: boolean;
  /** OCPP 1.6: the Open Charge Alliance California Pricing DataTransfers (org.openchargealliance.costmsg). */
  californiaPricing?: boolean;
  /** The unit smart charging gives its limits in (OCPP ChargingScheduleAllowedChargingRateUnit). */
  chargingRateUnit?: ChargingRateUnit;
}

/** Accepted, Rejected, RebootRequired, NotSupported (the station's answer), Unchanged or Failed. */
export interface TemplateParameterOutcome {
  key: string;
  value: string;
  previousValue?: string;
  status: string;
}
