import { TenantId, asTenantId } from '@csms/common';
import { InProcessEventBus, domainEvent } from '@csms/events';
import { CONNECTOR_STATUS_CHANGED, ChargingStationService, STATION_TEMPLATE_APPLIED } from '@csms/stations';
import { StationExclusionRepository } from '../exclusions/station-exclusion.repository';
import { SmartChargingScheduler } from './smart-charging.scheduler';
import { SmartChargingTriggers } from './smart-charging.triggers';

const TENANT = asTenantId('t1');

describe('SmartChargingTriggers: status changes and templates', () => {
  let events: InProcessEventBus;
  let triggers: SmartChargingTriggers;
  const scheduled: [TenantId, string][] = [];

  beforeEach(() => {
    scheduled.length = 0;
    events = new InProcessEventBus();
    const scheduler = {
      schedule: (tenantId: TenantId, siteAreaId: string) => scheduled.push([tenantId, siteAreaId]),
    } as unknown as SmartChargingScheduler;
    const stations = {
      find: async (_tenantId: TenantId, id: string) => (id === 'CS-1' ? { id, siteAreaId: 'area-1' } : null),
    } as unknown as ChargingStationService;
    triggers = new SmartChargingTriggers(events, scheduler, stations, {} as StationExclusionRepository);
    triggers.onModuleInit();
  });

  afterEach(() => triggers.onModuleDestroy());

  const statusChange = async (status: string, previousStatus?: string, stationId = 'CS-1') => {
    await events.publish(
      domainEvent(CONNECTOR_STATUS_CHANGED, TENANT, {
        chargingStationId: stationId,
        connector: { connectorId: 1, status },
        previousStatus,
      }),
    );
    // The handler reads the station before it schedules.
    await new Promise((resolve) => setImmediate(resolve));
  };

  it('plans the station’s area again when the car pauses itself and when it draws again', async () => {
    await statusChange('SuspendedEV', 'Charging');
    expect(scheduled).toEqual([[TENANT, 'area-1']]);
    await statusChange('Charging', 'SuspendedEV');
    expect(scheduled).toEqual([
      [TENANT, 'area-1'],
      [TENANT, 'area-1'],
    ]);
  });

  it('leaves other status changes and stations outside any area alone', async () => {
    await statusChange('Charging', 'Preparing');
    await statusChange('SuspendedEVSE', 'Charging');
    await statusChange('SuspendedEV', 'SuspendedEV');
    await statusChange('SuspendedEV', 'Charging', 'CS-NOWHERE');
    expect(scheduled).toEqual([]);
  });

  it('plans the station’s area again once its template is applied (its unit or power may have changed)', async () => {
    for (const chargingStationId of ['CS-1', 'CS-NOWHERE']) {
      await events.publish(
        domainEvent(STATION_TEMPLATE_APPLIED, TENANT, { chargingStationId, templateId: 'tpl' }),
      );
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(scheduled).toEqual([[TENANT, 'area-1']]);
  });
});
