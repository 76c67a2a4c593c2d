import { TemplateFields } from '../station-template.repository';

export interface BuiltInTemplate {
  /** Stable: the seeder recognises the template by it. */
  id: string;
  fields: TemplateFields;
}

const ALL_CAPABILITIES = {
  staticLimitation: false,
  chargingProfiles: true,
  remoteStartStop: true,
  unlock: true,
  reservation: true,
  rfid: true,
  firmwareUpdate: true,
};

/** Keys every OCPP 1.x template of ours sets: 5-minute heartbeats, 15-minute clock-aligned data. */
const ocpp16Baseline = (sampleIntervalSeconds: number) => [
  { key: 'HeartbeatInterval', value: '300' },
  { key: 'MeterValueSampleInterval', value: String(sampleIntervalSeconds) },
  { key: 'ClockAlignedDataInterval', value: '900' },
  { key: 'StopTransactionOnEVSideDisconnect', value: 'true' },
  { key: 'LocalPreAuthorize', value: 'false' },
  { key: 'LocalAuthorizeOffline', value: 'true' },
  { key: 'AuthorizeRemoteTxRequests', value: 'false' },
];

/**
 * Templates shipped with the server, for generic hardware that identifies itself with vendor
 * "Generic" and these model prefixes. They match nothing else, so no station is reconfigured by
 * surprise; copy one (or edit it: the seeder never overwrites) for a real product.
 */
export const BUILT_IN_TEMPLATES: BuiltInTemplate[] = [
  {
    id: 'builtin-ac-22kw-dual',
    fields: {
      name: 'Generic AC wallbox 2 × 22 kW (Type 2 sockets)',
      description: 'Two independent 32 A three-phase Type 2 sockets, smart charging per socket',
      vendorPattern: '^Generic$',
      modelPattern: '^AC22-2S',
      ocppVersions: ['1.5', '1.6'],
      technical: {
        maximumPowerWatts: 44160,
        voltage: 230,
        chargePoints: [
          { chargePointId: 1, connectorIds: [1], maximumPowerWatts: 22080 },
          { chargePointId: 2, connectorIds: [2], maximumPowerWatts: 22080 },
        ],
        connectors: [1, 2].map((connectorId) => ({
          connectorId,
          type: 'Type2',
          powerWatts: 22080,
          amperage: 32,
          numberOfPhases: 3,
          currentType: 'AC',
          chargePointId: connectorId,
        })),
      },
      capabilities: ALL_CAPABILITIES,
      parameterBlocks: [
        {
          ocppVersions: ['1.5', '1.6'],
          parameters: [
            ...ocpp16Baseline(60),
            {
              key: 'MeterValuesSampledData',
              value: 'Energy.Active.Import.Register,Power.Active.Import,Current.Import',
            },
            { key: 'ConnectionTimeOut', value: '60' },
          ],
        },
        {
          // Older firmware drops idle WebSockets behind NAT without pings.
          firmwareVersionPattern: '^1\\.',
          ocppVersions: ['1.6'],
          parameters: [{ key: 'WebSocketPingInterval', value: '60' }],
        },
      ],
      builtIn: true,
    },
  },
  {
    id: 'builtin-dc-50kw-ccs-chademo',
    fields: {
      name: 'Generic DC fast charger 50 kW (CCS + CHAdeMO)',
      description:
        'One 50 kW power unit feeding a CCS and a CHAdeMO cable, one at a time; limited by a vendor key',
      vendorPattern: '^Generic$',
      modelPattern: '^DC50-',
      ocppVersions: ['1.6'],
      technical: {
        maximumPowerWatts: 50000,
        voltage: 400,
        chargePoints: [
          {
            chargePointId: 1,
            connectorIds: [1, 2],
            maximumPowerWatts: 50000,
            sharePowerToAllConnectors: true,
            cannotChargeInParallel: true,
          },
        ],
        connectors: [
          {
            connectorId: 1,
            type: 'CCS',
            powerWatts: 50000,
            amperage: 125,
            currentType: 'DC',
            chargePointId: 1,
          },
          {
            connectorId: 2,
            type: 'CHAdeMO',
            powerWatts: 50000,
            amperage: 125,
            currentType: 'DC',
            chargePointId: 1,
          },
        ],
      },
      capabilities: {
        ...ALL_CAPABILITIES,
        staticLimitation: true,
        chargingProfiles: false,
        reservation: false,
      },
      parameterBlocks: [
        {
          ocppVersions: ['1.6'],
          parameters: [
            ...ocpp16Baseline(30),
            { key: 'MeterValuesSampledData', value: 'Energy.Active.Import.Register,Power.Active.Import,SoC' },
            { key: 'ConnectionTimeOut', value: '120' },
          ],
        },
      ],
      staticPowerLimitationKey: 'MaxStationPowerW',
      builtIn: true,
    },
  },
  {
    id: 'builtin-ocpp201-ac-11kw',
    fields: {
      name: 'Generic OCPP 2.0.1 AC station 11 kW (Type 2 socket)',
      description: 'One EVSE with a 16 A three-phase Type 2 socket',
      vendorPattern: '^Generic$',
      modelPattern: '^AC11-',
      ocppVersions: ['2.0.1'],
      technical: {
        maximumPowerWatts: 11040,
        voltage: 230,
        chargePoints: [{ chargePointId: 1, connectorIds: [1], maximumPowerWatts: 11040 }],
        connectors: [
          {
            connectorId: 1,
            type: 'Type2',
            powerWatts: 11040,
            amperage: 16,
            numberOfPhases: 3,
            currentType: 'AC',
            chargePointId: 1,
          },
        ],
      },
      capabilities: ALL_CAPABILITIES,
      parameterBlocks: [
        {
          ocppVersions: ['2.0.1'],
          parameters: [
            { key: 'OCPPCommCtrlr.HeartbeatInterval', value: '300' },
            { key: 'SampledDataCtrlr.TxUpdatedInterval', value: '60' },
            {
              key: 'SampledDataCtrlr.TxUpdatedMeasurands',
              value: 'Energy.Active.Import.Register,Power.Active.Import,Current.Import',
            },
            { key: 'AlignedDataCtrlr.Interval', value: '900' },
            { key: 'TxCtrlr.EVConnectionTimeOut', value: '60' },
            { key: 'TxCtrlr.StopTxOnEVSideDisconnect', value: 'true' },
            { key: 'AuthCtrlr.LocalPreAuthorize', value: 'false' },
          ],
        },
      ],
      builtIn: true,
    },
  },
];
