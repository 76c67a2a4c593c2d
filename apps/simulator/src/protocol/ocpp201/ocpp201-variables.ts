import { ConfigKeyDefinition } from '../../model/config-store';
import { SettingKeys } from '../station-protocol';

/** 2.0.1 device-model variables live in the same store under `Component.Variable` keys. */
export const OCPP201_KEYS: SettingKeys = {
  heartbeatInterval: 'OCPPCommCtrlr.HeartbeatInterval',
  meterInterval: 'SampledDataCtrlr.TxUpdatedInterval',
  measurands: 'SampledDataCtrlr.TxUpdatedMeasurands',
  authorizeRemoteStart: 'AuthCtrlr.AuthorizeRemoteStart',
  localPreAuthorize: 'AuthCtrlr.LocalPreAuthorize',
  localAuthorizeOffline: 'AuthCtrlr.LocalAuthorizeOffline',
  allowOfflineUnknownId: 'AuthCtrlr.OfflineTxForUnknownIdEnabled',
  maxStackLevel: 'SmartChargingCtrlr.ProfileStackLevel',
  maxProfiles: 'SmartChargingCtrlr.Entries',
};

const MEASURANDS = [
  'Energy.Active.Import.Register',
  'Power.Active.Import',
  'Current.Import',
  'Voltage',
  'SoC',
] as const;

export function ocpp201VariableDefinitions(evses: number, meterIntervalS: number): ConfigKeyDefinition[] {
  return [
    { key: 'ChargingStation.Model', value: 'Simulator AC22', type: 'string', readonly: true },
    { key: 'ChargingStation.VendorName', value: 'VoltGrid', type: 'string', readonly: true },
    { key: 'DeviceDataCtrlr.ItemsPerMessage', value: '32', type: 'number', readonly: true },
    { key: 'DeviceDataCtrlr.BytesPerMessage', value: '65000', type: 'number', readonly: true },
    { key: 'OCPPCommCtrlr.HeartbeatInterval', value: '300', type: 'number', min: 0 },
    { key: 'OCPPCommCtrlr.MessageTimeout', value: '30', type: 'number', min: 1 },
    { key: 'OCPPCommCtrlr.WebSocketPingInterval', value: '30', type: 'number', min: 0, rebootRequired: true },
    { key: 'SampledDataCtrlr.Enabled', value: 'true', type: 'bool' },
    { key: 'SampledDataCtrlr.TxUpdatedInterval', value: String(meterIntervalS), type: 'number', min: 0 },
    {
      key: 'SampledDataCtrlr.TxUpdatedMeasurands',
      value: MEASURANDS.join(','),
      type: 'list',
      allowed: MEASURANDS,
    },
    {
      key: 'SampledDataCtrlr.TxEndedMeasurands',
      value: 'Energy.Active.Import.Register',
      type: 'list',
      allowed: MEASURANDS,
    },
    { key: 'AuthCtrlr.Enabled', value: 'true', type: 'bool' },
    { key: 'AuthCtrlr.AuthorizeRemoteStart', value: 'false', type: 'bool' },
    { key: 'AuthCtrlr.LocalPreAuthorize', value: 'false', type: 'bool' },
    { key: 'AuthCtrlr.LocalAuthorizeOffline', value: 'true', type: 'bool' },
    { key: 'AuthCtrlr.OfflineTxForUnknownIdEnabled', value: 'true', type: 'bool' },
    { key: 'AuthCacheCtrlr.Enabled', value: 'true', type: 'bool' },
    { key: 'LocalAuthListCtrlr.Enabled', value: 'true', type: 'bool' },
    { key: 'LocalAuthListCtrlr.Entries', value: '0', type: 'number', readonly: true },
    { key: 'ReservationCtrlr.Enabled', value: 'true', type: 'bool' },
    { key: 'SmartChargingCtrlr.Enabled', value: 'true', type: 'bool' },
    { key: 'SmartChargingCtrlr.ProfileStackLevel', value: '10', type: 'number', readonly: true },
    { key: 'SmartChargingCtrlr.PeriodsPerSchedule', value: '24', type: 'number', readonly: true },
    { key: 'SmartChargingCtrlr.Entries', value: '20', type: 'number', readonly: true },
    { key: 'SmartChargingCtrlr.RateUnit', value: 'A,W', type: 'list', readonly: true },
    { key: 'TxCtrlr.EVConnectionTimeOut', value: '60', type: 'number', min: 1 },
    { key: 'TxCtrlr.StopTxOnEVSideDisconnect', value: 'true', type: 'bool', readonly: true },
    { key: 'EVSE.Count', value: String(evses), type: 'number', readonly: true },
  ];
}

export function componentExists(key: string, keys: Iterable<string>): boolean {
  const component = key.split('.')[0];
  for (const candidate of keys) if (candidate.startsWith(`${component}.`)) return true;
  return false;
}
