import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ChargingStationRepository } from './charging-station.repository';
import { ChargingStationResolver } from './charging-station.resolver';
import { ChargingStationService } from './charging-station.service';
import { StationCommandResolver } from './commands/station-command.resolver';
import { StationCommandService } from './commands/station-command.service';
import { DataTransferHandlers } from './data-transfer-handlers';
import { ChargingStationsExport, ChargingStationsExportResolver } from './exports/charging-stations.export';
import { StationPlacementRepository } from './placement/station-placement.repository';
import { StationPlacementService } from './placement/station-placement.service';
import { StationPresenceRepository } from './presence/station-presence.repository';
import { StationPresenceService } from './presence/station-presence.service';
import { StationInbound } from './ports/station-inbound.port';
import { StationSecurityResolver } from './security/station-security.resolver';
import { StationSecurityService } from './security/station-security.service';
import { ChargingStationDocument, ChargingStationSchema } from './schemas/charging-station.schema';
import {
  StationDataTransferDocument,
  StationDataTransferSchema,
} from './schemas/station-data-transfer.schema';
import { StationDataTransferRepository } from './station-data-transfer.repository';
import { StationStateCache } from './station-state-cache';

/** Charging stations and their connectors; the OCPP edge reports to it through StationInbound. */
@Global()
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ChargingStationDocument.name, schema: ChargingStationSchema },
      { name: StationDataTransferDocument.name, schema: StationDataTransferSchema },
    ]),
  ],
  providers: [
    ChargingStationsExport,
    ChargingStationsExportResolver,
    ChargingStationRepository,
    StationDataTransferRepository,
    StationStateCache,
    DataTransferHandlers,
    ChargingStationService,
    ChargingStationResolver,
    StationCommandService,
    StationCommandResolver,
    StationSecurityService,
    StationSecurityResolver,
    StationPlacementRepository,
    StationPlacementService,
    StationPresenceRepository,
    StationPresenceService,
    { provide: StationInbound, useExisting: ChargingStationService },
  ],
  exports: [
    StationInbound,
    ChargingStationService,
    StationPlacementService,
    StationPresenceService,
    StationCommandService,
    DataTransferHandlers,
    StationDataTransferRepository,
  ],
})
export class StationsModule {}
