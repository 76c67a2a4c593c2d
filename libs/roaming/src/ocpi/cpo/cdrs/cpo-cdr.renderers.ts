import { Injectable, OnModuleInit } from '@nestjs/common';
import { CDR_POST } from '../../../cdrs/cdr-issuer';
import { RoamingCdr } from '../../../cdrs/roaming-cdr';
import { OcpiRenderers } from '../../outbox/ocpi-push';
import { ocpiCdr } from './ocpi-cdr.mapper';

const CDRS_RECEIVER = { module: 'cdrs', interfaceRole: 'RECEIVER' } as const;

/** A CDR reaches the eMSP as a POST to its cdrs endpoint, addressed to the token's party. */
@Injectable()
export class CpoCdrRenderers implements OnModuleInit {
  constructor(private readonly renderers: OcpiRenderers) {}

  onModuleInit(): void {
    this.renderers.register<RoamingCdr>(CDR_POST, CDRS_RECEIVER, ({ identity, version }, cdr) => ({
      method: 'POST',
      ...CDRS_RECEIVER,
      body: ocpiCdr(cdr, identity, version),
      to: { countryCode: cdr.session.token.countryCode, partyId: cdr.session.token.partyId },
    }));
  }
}
