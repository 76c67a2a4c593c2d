import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SoapCentralSystemService } from './central-system/soap-central-system.service';
import { SoapHttpRoutes } from './central-system/soap-http.routes';
import { SoapChargePointClient } from './charge-point/soap-charge-point.client';
import { SoapStationCommands } from './charge-point/soap-station-commands';
import { SoapEndpointRegistry } from './endpoints/soap-endpoint.registry';
import { SoapEndpointRepository } from './endpoints/soap-endpoint.repository';
import { SoapEndpointDocument, SoapEndpointSchema } from './endpoints/soap-endpoint.schema';
import { SoapMessageLog } from './soap-message-log';

/**
 * OCPP-S 1.5 and 1.6: the CentralSystemService on `/ocpp/soap/{tenant}/{version}` and, exported,
 * SoapStationCommands for whatever routes station commands per protocol. The domain ports
 * (StationInbound, TransactionInbound) and the message log writer are looked up, not imported.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: SoapEndpointDocument.name, schema: SoapEndpointSchema }])],
  providers: [
    SoapEndpointRepository,
    SoapEndpointRegistry,
    SoapMessageLog,
    SoapCentralSystemService,
    SoapHttpRoutes,
    SoapChargePointClient,
    SoapStationCommands,
  ],
  exports: [SoapStationCommands],
})
export class SoapModule {}
