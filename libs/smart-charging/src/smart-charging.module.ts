import {
  HousekeepingLockDocument,
  HousekeepingLockRepository,
  HousekeepingLockSchema,
} from '@csms/housekeeping';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { StationExclusionRepository } from './exclusions/station-exclusion.repository';
import { StationExclusionDocument, StationExclusionSchema } from './exclusions/station-exclusion.schema';
import { SiteAreaLoadAggregator } from './load/site-area-load.aggregator';
import { SiteAreaLoadRepository } from './load/site-area-load.repository';
import { SiteAreaLoadDocument, SiteAreaLoadSchema } from './load/site-area-load.schema';
import { MeteredSessionCars } from './metering/metered-session-cars';
import { SessionCarFacts } from './metering/session-car-facts';
import { SessionMeterTracker } from './metering/session-meter.tracker';
import { ProfileSender } from './planning/profile-sender';
import { SmartChargingRunner } from './planning/smart-charging.runner';
import { SnapshotReader } from './planning/snapshot.reader';
import { SmartChargingPlanRepository } from './plans/smart-charging-plan.repository';
import { SmartChargingPlanDocument, SmartChargingPlanSchema } from './plans/smart-charging-plan.schema';
import { SessionCarInfo } from './ports/session-car.port';
import { SessionPreferenceRepository } from './sessions/session-preference.repository';
import { SessionPreferenceDocument, SessionPreferenceSchema } from './sessions/session-preference.schema';
import { SmartChargingSettingsRepository } from './settings/smart-charging-settings.repository';
import {
  SmartChargingSettingsDocument,
  SmartChargingSettingsSchema,
} from './settings/smart-charging-settings.schema';
import { SiteAreaLoadResolver } from './site-area-load.resolver';
import { SmartChargingControlResolver } from './smart-charging-control.resolver';
import { SmartChargingPlanResolver } from './smart-charging-plan.resolver';
import { SmartChargingSettingsResolver } from './smart-charging-settings.resolver';
import { smartChargingLockProvider } from './triggers/smart-charging-lock';
import { SmartChargingScheduler } from './triggers/smart-charging.scheduler';
import { SmartChargingTriggers } from './triggers/smart-charging.triggers';
import { ConnectorWiringRepository } from './wiring/connector-wiring.repository';
import { ConnectorWiringDocument, ConnectorWiringSchema } from './wiring/connector-wiring.schema';

/**
 * Smart charging of site areas: the optimizer (optimizer/, pure), the loop that reacts to domain
 * events and turns plans into charging profiles through the station command port (triggers/,
 * planning/), the site areas' load curves (load/), and their GraphQL. Never on the OCPP hot path.
 * SessionCarInfo is provided from the sessions' meter values and, through the SessionCarLimits port
 * (libs/cars provides it), the limits of each driver's car.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: SmartChargingSettingsDocument.name, schema: SmartChargingSettingsSchema },
      { name: ConnectorWiringDocument.name, schema: ConnectorWiringSchema },
      { name: SessionPreferenceDocument.name, schema: SessionPreferenceSchema },
      { name: StationExclusionDocument.name, schema: StationExclusionSchema },
      { name: SmartChargingPlanDocument.name, schema: SmartChargingPlanSchema },
      { name: SiteAreaLoadDocument.name, schema: SiteAreaLoadSchema },
      // The leases of the housekeeping lock, one job per site-area tree.
      { name: HousekeepingLockDocument.name, schema: HousekeepingLockSchema },
    ]),
  ],
  providers: [
    SmartChargingSettingsRepository,
    ConnectorWiringRepository,
    SessionPreferenceRepository,
    StationExclusionRepository,
    SmartChargingPlanRepository,
    SiteAreaLoadRepository,
    HousekeepingLockRepository,
    smartChargingLockProvider,
    SessionMeterTracker,
    MeteredSessionCars,
    { provide: SessionCarInfo, useClass: SessionCarFacts },
    SnapshotReader,
    ProfileSender,
    SmartChargingRunner,
    SmartChargingScheduler,
    SmartChargingTriggers,
    SiteAreaLoadAggregator,
    SmartChargingPlanResolver,
    SmartChargingSettingsResolver,
    SmartChargingControlResolver,
    SiteAreaLoadResolver,
  ],
  exports: [SessionMeterTracker, SiteAreaLoadRepository],
})
export class SmartChargingModule {}
