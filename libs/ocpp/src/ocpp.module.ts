import { LOCAL_STATION_COMMANDS } from '@csms/cluster';
import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { VERSION_ADAPTERS, VersionAdapter } from './adapters/version-adapter';
import { VersionAdapterRegistry } from './adapters/version-adapter.registry';
import { ocppStationCommands } from './commands/ocpp-station-commands';
import { OcppMessageLogWriter } from './message-log/ocpp-message-log.writer';
import { OcppMessageLogExport, OcppMessageLogExportResolver } from './message-log/ocpp-message-log.export';
import { OcppMessageRepository } from './message-log/ocpp-message.repository';
import { OcppMessageResolver } from './message-log/ocpp-message.resolver';
import { OcppTrafficMetrics } from './message-log/ocpp-traffic.metrics';
import { OcppMessageDocument, OcppMessageSchema } from './message-log/schemas/ocpp-message.schema';
import { StationCertificatesResolver } from './security/station-certificates.resolver';
import { JsonSessionLocator } from './session/json-session.locator';
import { StationSessionRegistry } from './session/station-session.registry';
import { OcppJsonServer } from './transport/ocpp-json.server';
import { Ocpp16Adapter } from './v16/ocpp16.adapter';
import { V16InboundHandlers } from './v16/v16-inbound.handlers';
import { Ocpp201Adapter } from './v201/ocpp201.adapter';
import { Ocpp201Module } from './v201/ocpp201.module';
import { protocolStationCommands } from './soap/charge-point/protocol-station-commands';
import { SoapStationCommands } from './soap/charge-point/soap-station-commands';
import { SoapModule } from './soap/soap.module';

/**
 * The OCPP edge: the OCPP-J endpoint, the session registry, the version adapters and the message
 * log. Provides this instance's LOCAL_STATION_COMMANDS, which the cluster's routed StationCommands port
 * (what the domain's mutations call) uses. Needs the StationInbound
 * and TransactionInbound ports, provided by the stations and transactions modules.
 */
@Global()
@Module({
  imports: [
    MongooseModule.forFeature([{ name: OcppMessageDocument.name, schema: OcppMessageSchema }]),
    Ocpp201Module,
    SoapModule,
  ],
  providers: [
    StationSessionRegistry,
    JsonSessionLocator,
    StationCertificatesResolver,
    V16InboundHandlers,
    Ocpp16Adapter,
    {
      provide: VERSION_ADAPTERS,
      useFactory: (v16: Ocpp16Adapter, v201: Ocpp201Adapter): VersionAdapter[] => [v16, v201],
      inject: [Ocpp16Adapter, Ocpp201Adapter],
    },
    VersionAdapterRegistry,
    OcppMessageRepository,
    OcppMessageLogExport,
    OcppMessageLogExportResolver,
    OcppTrafficMetrics,
    OcppMessageLogWriter,
    OcppMessageResolver,
    OcppJsonServer,
    {
      // This instance's own way to each station (JSON session here, else SOAP endpoint); the
      // cluster's StationCommands routes to the instance holding the station first.
      provide: LOCAL_STATION_COMMANDS,
      inject: [StationSessionRegistry, VersionAdapterRegistry, SoapStationCommands],
      useFactory: (
        sessions: StationSessionRegistry,
        adapters: VersionAdapterRegistry,
        soap: SoapStationCommands,
      ) =>
        protocolStationCommands(
          ocppStationCommands(sessions, adapters),
          soap,
          (tenantId, stationId) => sessions.get(tenantId, stationId) !== undefined,
        ),
    },
  ],
  exports: [
    LOCAL_STATION_COMMANDS,
    StationSessionRegistry,
    VersionAdapterRegistry,
    OcppMessageLogWriter,
    OcppMessageRepository,
    Ocpp201Module,
  ],
})
export class OcppModule {}
