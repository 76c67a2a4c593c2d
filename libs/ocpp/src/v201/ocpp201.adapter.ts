import { Injectable } from '@nestjs/common';
import { SessionCommands, VersionAdapter } from '../adapters/version-adapter';
import { StationSession } from '../session/station-session';
import { v201Commands } from './v201-commands';
import { V201ConfigurationReader } from './v201-configuration.reader';
import { toOcpp201Frame } from './v201-error-codes';
import { V201InboundHandlers } from './v201-inbound.handlers';

/** OCPP 2.0.1-J (subprotocol `ocpp2.0.1`): preferred when a station offers it with 1.6. */
@Injectable()
export class Ocpp201Adapter implements VersionAdapter {
  readonly subprotocol = 'ocpp2.0.1';
  readonly ocppVersion = '2.0.1' as const;
  readonly commands: SessionCommands;

  constructor(
    private readonly inbound: V201InboundHandlers,
    configuration: V201ConfigurationReader,
  ) {
    this.commands = {
      ...v201Commands,
      getConfiguration: (session, keys) => configuration.read(session, keys),
    };
  }

  attach(session: StationSession): void {
    this.inbound.attach(session);
  }

  outboundFrame(frame: string): string {
    return toOcpp201Frame(frame);
  }
}
