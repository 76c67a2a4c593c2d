import { Injectable } from '@nestjs/common';
import { SessionCommands, VersionAdapter } from '../adapters/version-adapter';
import { StationSession } from '../session/station-session';
import { v16Commands } from './v16-commands';
import { toOcpp16Frame } from './v16-error-codes';
import { V16InboundHandlers } from './v16-inbound.handlers';

/** OCPP 1.6-J (subprotocol `ocpp1.6`). */
@Injectable()
export class Ocpp16Adapter implements VersionAdapter {
  readonly subprotocol = 'ocpp1.6';
  readonly ocppVersion = '1.6' as const;
  readonly commands: SessionCommands = v16Commands;

  constructor(private readonly inbound: V16InboundHandlers) {}

  attach(session: StationSession): void {
    this.inbound.attach(session);
  }

  outboundFrame(frame: string): string {
    return toOcpp16Frame(frame);
  }
}
