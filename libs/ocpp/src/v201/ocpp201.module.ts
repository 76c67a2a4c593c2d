import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OcppSecurityModule } from '../security/ocpp-security.module';
import { DeviceModelRepository } from './device-model.repository';
import { ItemsPerMessage } from './items-per-message';
import { Ocpp201SessionLocator } from './ocpp201-session.locator';
import { Ocpp201Adapter } from './ocpp201.adapter';
import { DiagnosticsResolver } from './diagnostics/diagnostics.resolver';
import { DisplayMessageRepository } from './display-messages/display-message.repository';
import { DisplayMessagesResolver } from './display-messages/display-messages.resolver';
import { DisplayMessagesService } from './display-messages/display-messages.service';
import {
  DisplayMessageDocument,
  DisplayMessageSchema,
} from './display-messages/schemas/display-message.schema';
import { PublishFirmwareResolver } from './firmware/publish-firmware.resolver';
import { Ocpp201Resolver } from './ocpp201.resolver';
import { VariablesResolver } from './provisioning/variables.resolver';
import { DeviceVariableDocument, DeviceVariableSchema } from './schemas/device-variable.schema';
import {
  StationNotificationDocument,
  StationNotificationSchema,
} from './schemas/station-notification.schema';
import { StationNotificationRepository } from './station-notification.repository';
import { V201ConfigurationReader } from './v201-configuration.reader';
import { V201InboundHandlers } from './v201-inbound.handlers';
import { V201TransactionEvents } from './v201-transaction-events';
import { V201TransactionTracker } from './v201-transaction.tracker';

/**
 * OCPP 2.0.1-J: the version adapter, its 2.0.1-only storage (device model, station notifications)
 * and GraphQL operations. Uses the edge's session registry and the domain ports (all global).
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: DeviceVariableDocument.name, schema: DeviceVariableSchema },
      { name: StationNotificationDocument.name, schema: StationNotificationSchema },
      { name: DisplayMessageDocument.name, schema: DisplayMessageSchema },
    ]),
    OcppSecurityModule,
  ],
  providers: [
    V201TransactionTracker,
    V201TransactionEvents,
    DeviceModelRepository,
    ItemsPerMessage,
    StationNotificationRepository,
    V201InboundHandlers,
    V201ConfigurationReader,
    Ocpp201Adapter,
    Ocpp201SessionLocator,
    Ocpp201Resolver,
    VariablesResolver,
    PublishFirmwareResolver,
    DiagnosticsResolver,
    DisplayMessageRepository,
    DisplayMessagesService,
    DisplayMessagesResolver,
  ],
  exports: [Ocpp201Adapter, StationNotificationRepository, OcppSecurityModule],
})
export class Ocpp201Module {}
