import { Injectable } from '@nestjs/common';
import { RoamingPartner, RoamingProtocol } from '../partners/roaming-partner';
import { OutboxMessage } from './outbox-message';

interface ReplyCodes {
  httpStatus?: number;
  /** The protocol's own status (OCPI status_code). */
  protocolStatus?: number;
}

/**
 * What came of one delivery attempt: delivered; rejected by the partner (its answer says the object is
 * wrong: reported, not retried); or to be retried later (the partner is down, slow, or failing itself).
 */
export type DeliveryOutcome =
  | ({ outcome: 'delivered' } & ReplyCodes)
  | ({ outcome: 'rejected'; reason: string } & ReplyCodes)
  | ({ outcome: 'retry'; reason: string } & ReplyCodes);

/** Delivers outbox messages of one protocol: renders the neutral payload and sends it. */
export abstract class OutboxTransport {
  abstract readonly protocol: RoamingProtocol;
  /** Whether the partner takes messages of `kind` at all (the protocol renders it, the partner has the endpoint). */
  abstract accepts(partner: RoamingPartner, kind: string): boolean;
  abstract deliver(partner: RoamingPartner, message: OutboxMessage): Promise<DeliveryOutcome>;
}

/** The transports of every protocol; each registers itself at start-up. */
@Injectable()
export class OutboxTransports {
  private readonly byProtocol = new Map<RoamingProtocol, OutboxTransport>();

  register(transport: OutboxTransport): void {
    this.byProtocol.set(transport.protocol, transport);
  }

  of(protocol: RoamingProtocol): OutboxTransport | undefined {
    return this.byProtocol.get(protocol);
  }
}
