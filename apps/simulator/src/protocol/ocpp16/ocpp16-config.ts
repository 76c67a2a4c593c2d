import { ConfigKeyDefinition } from '../../model/config-store';
import { SettingKeys } from '../station-protocol';

const MEASURANDS = [
  'Energy.Active.Import.Register',
  'Power.Active.Import',
  'Current.Import',
  'Voltage',
  'SoC',
  'Current.Offered',
  'Power.Offered',
] as const;

export const OCPP16_KEYS: SettingKeys = {
  heartbeatInterval: 'HeartbeatInterval',
  meterInterval: 'MeterValueSampleInterval',
  measurands: 'MeterValuesSampledData',
  authorizeRemoteStart: 'AuthorizeRemoteTxRequests',
  localPreAuthorize: 'LocalPreAuthorize',
  localAuthorizeOffline: 'LocalAuthorizeOffline',
  allowOfflineUnknownId: 'AllowOfflineTxForUnknownId',
  maxStackLevel: 'ChargeProfileMaxStackLevel',
  maxProfiles: 'MaxChargingProfilesInstalled',
};

/** The OCPP 1.6 standard configuration keys a Core + SmartCharging + Reservation + LocalAuthList station has. */
export function ocpp16ConfigDefinitions(connectors: number, meterIntervalS: number): ConfigKeyDefinition[] {
  return [
    { key: 'AllowOfflineTxForUnknownId', value: 'true', type: 'bool' },
    { key: 'AuthorizationCacheEnabled', value: 'true', type: 'bool' },
    { key: 'AuthorizeRemoteTxRequests', value: 'false', type: 'bool' },
    { key: 'ClockAlignedDataInterval', value: '0', type: 'number', min: 0 },
    { key: 'ConnectionTimeOut', value: '60', type: 'number', min: 1 },
    { key: 'GetConfigurationMaxKeys', value: '64', type: 'number', readonly: true },
    { key: 'HeartbeatInterval', value: '300', type: 'number', min: 0 },
    { key: 'LocalAuthorizeOffline', value: 'true', type: 'bool' },
    { key: 'LocalPreAuthorize', value: 'false', type: 'bool' },
    {
      key: 'MeterValuesAlignedData',
      value: 'Energy.Active.Import.Register',
      type: 'list',
      allowed: MEASURANDS,
    },
    {
      key: 'MeterValuesSampledData',
      value: 'Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage,SoC',
      type: 'list',
      allowed: MEASURANDS,
    },
    { key: 'MeterValueSampleInterval', value: String(meterIntervalS), type: 'number', min: 0 },
    { key: 'NumberOfConnectors', value: String(connectors), type: 'number', readonly: true },
    { key: 'ResetRetries', value: '1', type: 'number', min: 0 },
    { key: 'ConnectorPhaseRotation', value: '0.RST', type: 'string' },
    { key: 'StopTransactionOnEVSideDisconnect', value: 'true', type: 'bool' },
    { key: 'StopTransactionOnInvalidId', value: 'true', type: 'bool' },
    { key: 'StopTxnAlignedData', value: '', type: 'list', allowed: MEASURANDS },
    { key: 'StopTxnSampledData', value: 'Energy.Active.Import.Register', type: 'list', allowed: MEASURANDS },
    {
      key: 'SupportedFeatureProfiles',
      value: 'Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger',
      type: 'list',
      readonly: true,
    },
    { key: 'TransactionMessageAttempts', value: '3', type: 'number', min: 0 },
    { key: 'TransactionMessageRetryInterval', value: '10', type: 'number', min: 0 },
    { key: 'UnlockConnectorOnEVSideDisconnect', value: 'true', type: 'bool' },
    { key: 'WebSocketPingInterval', value: '30', type: 'number', min: 0, rebootRequired: true },
    { key: 'LocalAuthListEnabled', value: 'true', type: 'bool' },
    { key: 'LocalAuthListMaxLength', value: '1000', type: 'number', readonly: true },
    { key: 'SendLocalListMaxLength', value: '250', type: 'number', readonly: true },
    { key: 'ReserveConnectorZeroSupported', value: 'true', type: 'bool', readonly: true },
    { key: 'ChargeProfileMaxStackLevel', value: '10', type: 'number', readonly: true },
    { key: 'ChargingScheduleAllowedChargingRateUnit', value: 'Current,Power', type: 'list', readonly: true },
    { key: 'ChargingScheduleMaxPeriods', value: '24', type: 'number', readonly: true },
    { key: 'MaxChargingProfilesInstalled', value: '20', type: 'number', readonly: true },
  ];
}
