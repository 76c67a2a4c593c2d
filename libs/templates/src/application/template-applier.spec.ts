import { TenantId } from '@csms/common';
import { InProcessEventBus } from '@csms/events';
import {
  ChargingStation,
  ChargingStationService,
  ConfigurationReport,
  ConnectorType,
  CurrentType,
  STATION_TEMPLATE_APPLIED,
  StationCommands,
  StationConfiguration,
  StationOfflineError,
  StationTemplateAppliedEvent,
  StationTimeoutError,
} from '@csms/stations';
import { Logger } from '@nestjs/common';
import { StationTemplate } from '../models/station-template.model';
import { StationTemplateService } from '../station-template.service';
import { TemplateApplier } from './template-applier';

const TENANT = 'default' as TenantId;

const template = (fields: Partial<StationTemplate> = {}): StationTemplate => ({
  id: 'tpl',
  name: 'T',
  vendorPattern: '^ACME$',
  ocppVersions: ['1.6'],
  technical: {
    maximumPowerWatts: 44000,
    voltage: 230,
    chargePoints: [{ chargePointId: 1, connectorIds: [1, 2] }],
    connectors: [1, 2].map((connectorId) => ({
      connectorId,
      type: ConnectorType.Type2,
      powerWatts: 22000,
      amperage: 32,
      numberOfPhases: 3,
      currentType: CurrentType.AC,
      chargePointId: 1,
    })),
  },
  capabilities: {
    staticLimitation: false,
    chargingProfiles: true,
    remoteStartStop: true,
    unlock: true,
    reservation: true,
    rfid: true,
    firmwareUpdate: true,
  },
  parameterBlocks: [
    {
      ocppVersions: ['1.6'],
      parameters: [
        { key: 'HeartbeatInterval', value: '300' },
        { key: 'MeterValueSampleInterval', value: '60' },
        { key: 'ConnectionTimeOut', value: '90' },
        { key: 'VendorKey', value: 'on' },
      ],
    },
  ],
  builtIn: false,
  ...fields,
});

const station: ChargingStation = {
  id: 'CS-1',
  tenantId: TENANT,
  online: true,
  vendor: 'ACME',
  model: 'M',
  ocppVersion: '1.6',
  hasPassword: false,
  manualConfiguration: false,
  connectors: [],
};

class FakeStation {
  readonly calls: string[] = [];
  configuration: ConfigurationReport = {
    keys: [
      { key: 'HeartbeatInterval', value: '300' },
      { key: 'MeterValueSampleInterval', value: '30' },
      { key: 'ConnectionTimeOut', value: '60' },
    ],
    unknownKeys: ['VendorKey'],
  };
  answers: Record<string, string> = {};
  failOn?: { key: string; error: Error };

  readonly commands = {
    getConfiguration: async (_tenant: TenantId, _station: string, keys?: string[]) => {
      this.calls.push(`GetConfiguration ${keys?.join(',')}`);
      return this.configuration;
    },
    changeConfiguration: async (_tenant: TenantId, _station: string, key: string, value: string) => {
      this.calls.push(`ChangeConfiguration ${key}=${value}`);
      if (this.failOn?.key === key) throw this.failOn.error;
      return { status: this.answers[key] ?? 'Accepted' };
    },
    reset: async (_tenant: TenantId, _station: string, kind: string) => {
      this.calls.push(`Reset ${kind}`);
      return { status: 'Accepted' };
    },
  };
}

function applierWith(templates: StationTemplate[], fake: FakeStation) {
  const updates: StationConfiguration[] = [];
  const catalog = { all: async () => templates } as unknown as StationTemplateService;
  const stations = {
    updateConfiguration: async (_tenant: TenantId, _id: string, configuration: StationConfiguration) => {
      updates.push(configuration);
      return station;
    },
  } as unknown as ChargingStationService;
  const events = new InProcessEventBus();
  const applied: StationTemplateAppliedEvent['payload'][] = [];
  events.subscribe<StationTemplateAppliedEvent>(STATION_TEMPLATE_APPLIED, ({ payload }) => {
    applied.push(payload);
  });
  const applier = new TemplateApplier(catalog, stations, fake.commands as unknown as StationCommands, events);
  return { applier, updates, applied };
}

describe('TemplateApplier', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));

  it('copies the hardware, changes only the differing keys, resets once for RebootRequired, records it all', async () => {
    const fake = new FakeStation();
    fake.answers = { ConnectionTimeOut: 'RebootRequired' };
    const { applier, updates, applied } = applierWith([template()], fake);

    const application = await applier.apply(TENANT, station);

    expect(fake.calls).toEqual([
      'GetConfiguration HeartbeatInterval,MeterValueSampleInterval,ConnectionTimeOut,VendorKey',
      'ChangeConfiguration MeterValueSampleInterval=60',
      'ChangeConfiguration ConnectionTimeOut=90',
      'Reset Soft',
    ]);
    expect(application?.parameters).toEqual([
      { key: 'HeartbeatInterval', value: '300', previousValue: '300', status: 'Unchanged' },
      { key: 'MeterValueSampleInterval', value: '60', previousValue: '30', status: 'Accepted' },
      { key: 'ConnectionTimeOut', value: '90', previousValue: '60', status: 'RebootRequired' },
      { key: 'VendorKey', value: 'on', status: 'NotSupported' },
    ]);
    expect(application?.resetSent).toBe(true);
    expect(updates[0]).toMatchObject({
      templateId: 'tpl',
      maximumPowerWatts: 44000,
      voltage: 230,
      connectorSpecs: {
        '1': {
          connectorId: 1,
          type: 'Type2',
          maxPowerWatts: 22000,
          amperage: 32,
          numberOfPhases: 3,
          currentType: 'AC',
        },
        '2': { connectorId: 2, type: 'Type2', maxPowerWatts: 22000 },
      },
      chargePoints: [{ chargePointId: 1, connectorIds: [1, 2] }],
      capabilities: { chargingProfiles: true, staticLimitation: false },
    });
    expect(updates[1]).toMatchObject({
      templateParameters: application?.parameters,
      templateResetSent: true,
    });
    expect(updates[1].templateAppliedAt).toBeInstanceOf(Date);
    expect(applied).toEqual([{ chargingStationId: station.id, templateId: 'tpl' }]);
  });

  it('sends nothing when every key is right, and no reset without RebootRequired', async () => {
    const fake = new FakeStation();
    fake.configuration = {
      keys: [
        { key: 'HeartbeatInterval', value: '300' },
        { key: 'MeterValueSampleInterval', value: '60' },
        { key: 'ConnectionTimeOut', value: '90' },
        { key: 'VendorKey', value: 'on' },
      ],
      unknownKeys: [],
    };
    const { applier } = applierWith([template()], fake);
    const application = await applier.apply(TENANT, station);
    expect(fake.calls).toHaveLength(1);
    expect(application?.parameters.every((parameter) => parameter.status === 'Unchanged')).toBe(true);
    expect(application?.resetSent).toBe(false);
  });

  it('does nothing when no template matches', async () => {
    const fake = new FakeStation();
    const { applier, updates, applied } = applierWith([template({ vendorPattern: '^Other$' })], fake);
    expect(await applier.apply(TENANT, station)).toBeUndefined();
    expect(fake.calls).toEqual([]);
    expect(updates).toEqual([]);
    expect(applied).toEqual([]);
  });

  it('records Failed for every key when GetConfiguration gets no answer', async () => {
    const fake = new FakeStation();
    fake.commands.getConfiguration = async () => {
      throw new StationTimeoutError('CS-1', 'GetConfiguration');
    };
    const { applier } = applierWith([template()], fake);
    const application = await applier.apply(TENANT, station);
    expect(application?.parameters.map((parameter) => parameter.status)).toEqual([
      'Failed',
      'Failed',
      'Failed',
      'Failed',
    ]);
  });

  it('stops sending once the station is gone, and then sends no reset', async () => {
    const fake = new FakeStation();
    fake.answers = { MeterValueSampleInterval: 'RebootRequired' };
    fake.failOn = { key: 'ConnectionTimeOut', error: new StationOfflineError('CS-1') };
    fake.configuration.keys.push({ key: 'VendorKey', value: 'off' });
    fake.configuration.unknownKeys = [];
    const { applier } = applierWith([template()], fake);
    const application = await applier.apply(TENANT, station);
    expect(fake.calls).toEqual([
      'GetConfiguration HeartbeatInterval,MeterValueSampleInterval,ConnectionTimeOut,VendorKey',
      'ChangeConfiguration MeterValueSampleInterval=60',
      'ChangeConfiguration ConnectionTimeOut=90',
    ]);
    expect(application?.parameters.map((parameter) => parameter.status)).toEqual([
      'Unchanged',
      'RebootRequired',
      'Failed',
      'Failed',
    ]);
    expect(application?.resetSent).toBe(false);
  });
});
