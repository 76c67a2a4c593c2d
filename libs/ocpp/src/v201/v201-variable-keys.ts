import { ComponentType, VariableType } from './types/generated';

/** A device-model address: which component's which variable. */
export interface VariableAddress {
  component: ComponentType;
  variable: VariableType;
}

/**
 * OCPP 1.6 configuration keys and the 2.0.1 device-model variables that replaced them (OCPP 2.0.1
 * part 2, appendix 3 "Standardized Components" and the 1.6 → 2.0.1 migration table). Lets the
 * version-neutral `getConfiguration`/`changeConfiguration` accept 1.6 keys for 2.0.1 stations.
 */
export const OCPP16_KEY_TO_VARIABLE: Readonly<Record<string, VariableAddress>> = {
  HeartbeatInterval: address('OCPPCommCtrlr', 'HeartbeatInterval'),
  WebSocketPingInterval: address('OCPPCommCtrlr', 'WebSocketPingInterval'),
  ResetRetries: address('OCPPCommCtrlr', 'ResetRetries'),
  TransactionMessageAttempts: address('OCPPCommCtrlr', 'MessageAttempts', 'TransactionEvent'),
  TransactionMessageRetryInterval: address('OCPPCommCtrlr', 'MessageAttemptInterval', 'TransactionEvent'),
  ConnectionTimeOut: address('TxCtrlr', 'EVConnectionTimeOut'),
  StopTransactionOnEVSideDisconnect: address('TxCtrlr', 'StopTxOnEVSideDisconnect'),
  StopTransactionOnInvalidId: address('TxCtrlr', 'StopTxOnInvalidId'),
  MaxEnergyOnInvalidId: address('TxCtrlr', 'MaxEnergyOnInvalidId'),
  MeterValueSampleInterval: address('SampledDataCtrlr', 'TxUpdatedInterval'),
  MeterValuesSampledData: address('SampledDataCtrlr', 'TxUpdatedMeasurands'),
  StopTxnSampledData: address('SampledDataCtrlr', 'TxEndedMeasurands'),
  ClockAlignedDataInterval: address('AlignedDataCtrlr', 'Interval'),
  MeterValuesAlignedData: address('AlignedDataCtrlr', 'Measurands'),
  StopTxnAlignedData: address('AlignedDataCtrlr', 'TxEndedMeasurands'),
  LocalAuthorizeOffline: address('AuthCtrlr', 'LocalAuthorizeOffline'),
  LocalPreAuthorize: address('AuthCtrlr', 'LocalPreAuthorize'),
  AllowOfflineTxForUnknownId: address('AuthCtrlr', 'OfflineTxForUnknownIdEnabled'),
  AuthorizeRemoteTxRequests: address('AuthCtrlr', 'AuthorizeRemoteStart'),
  AuthorizationCacheEnabled: address('AuthCacheCtrlr', 'Enabled'),
  LocalAuthListEnabled: address('LocalAuthListCtrlr', 'Enabled'),
  SendLocalListMaxLength: address('LocalAuthListCtrlr', 'ItemsPerMessage'),
  ChargeProfileMaxStackLevel: address('SmartChargingCtrlr', 'ProfileStackLevel'),
  ChargingScheduleAllowedChargingRateUnit: address('SmartChargingCtrlr', 'RateUnit'),
  ChargingScheduleMaxPeriods: address('SmartChargingCtrlr', 'PeriodsPerSchedule'),
  MaxChargingProfilesInstalled: address('SmartChargingCtrlr', 'Entries', 'ChargingProfiles'),
  ReserveConnectorZeroSupported: address('ReservationCtrlr', 'NonEvseSpecific'),
  AuthorizationKey: address('SecurityCtrlr', 'BasicAuthPassword'),
  SecurityProfile: address('SecurityCtrlr', 'SecurityProfile'),
};

function address(component: string, variable: string, variableInstance?: string): VariableAddress {
  return {
    component: { name: component },
    variable: variableInstance ? { name: variable, instance: variableInstance } : { name: variable },
  };
}

/**
 * A configuration key as operators write it for a 2.0.1 station: a known 1.6 key, or
 * `Component.Variable`, each part optionally with an instance in brackets
 * (`OCPPCommCtrlr.MessageAttempts[TransactionEvent]`). Anything else: undefined.
 */
export function parseConfigurationKey(key: string): VariableAddress | undefined {
  const known = OCPP16_KEY_TO_VARIABLE[key];
  if (known) return known;
  const match = /^([^.[\]]+)(?:\[([^\]]+)\])?\.([^.[\]]+)(?:\[([^\]]+)\])?$/.exec(key);
  if (!match) return undefined;
  const [, component, componentInstance, variable, variableInstance] = match;
  return {
    component: componentInstance ? { name: component, instance: componentInstance } : { name: component },
    variable: variableInstance ? { name: variable, instance: variableInstance } : { name: variable },
  };
}

/** The `Component.Variable` spelling of an address, as a configuration key. */
export function formatVariableAddress(address: VariableAddress): string {
  const part = (name: string, instance?: string) => (instance ? `${name}[${instance}]` : name);
  return `${part(address.component.name, address.component.instance)}.${part(
    address.variable.name,
    address.variable.instance,
  )}`;
}
