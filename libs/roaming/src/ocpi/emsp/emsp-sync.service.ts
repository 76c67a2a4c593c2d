import { BadInputError, TenantId } from '@csms/common';
import { Injectable, Logger } from '@nestjs/common';
import { RoamingIdentityService } from '../../identity/roaming-identity.service';
import { partnerActsAs, partnerOwnsParty } from '../../partners/roaming-partner';
import { OcpiPuller } from '../client/ocpi-puller';
import { OcpiPartnerService } from '../partners/ocpi-partner.service';
import { OcpiError } from '../protocol/ocpi-error';
import { OcpiVersion, isOcpi22 } from '../protocol/ocpi-version';
import {
  cdrSchemas,
  locationSchemas,
  sessionSchemas,
  tariffSchemas,
} from '../schemas/partner-objects.schema';
import { validateOcpi } from '../schemas/ocpi-validator';
import { EmspObjectsStore } from './emsp-objects.store';
import { PartnerModule } from './schemas/partner-object.schema';

const SCHEMAS = {
  locations: locationSchemas,
  sessions: sessionSchemas,
  cdrs: cdrSchemas,
  tariffs: tariffSchemas,
};

export interface PullReport {
  stored: number;
  skipped: number;
}

/**
 * Pulls a CPO partner's Sender interfaces into our store (we are its eMSP): locations, tariffs,
 * sessions and CDRs (the last two of our drivers only, as the CPO filters them). Objects that are
 * invalid or of another party are skipped, as the spec advises, and counted.
 */
@Injectable()
export class EmspSyncService {
  private readonly logger = new Logger(EmspSyncService.name);

  constructor(
    private readonly partners: OcpiPartnerService,
    private readonly identities: RoamingIdentityService,
    private readonly puller: OcpiPuller,
    private readonly store: EmspObjectsStore,
  ) {}

  async pull(tenantId: TenantId, partnerId: string, module: PartnerModule): Promise<PullReport> {
    const partner = await this.partners.get(tenantId, partnerId);
    if (partner.status !== 'REGISTERED' || !partnerActsAs(partner, 'CPO')) {
      throw new BadInputError(`${partner.name} is not a registered CPO partner`);
    }
    const identity = await this.identities.require(tenantId);
    const version = partner.ocpi.version as OcpiVersion;
    const ownParty = partner.roles.find((role) => role.role === 'CPO') ?? partner.roles[0];
    const report: PullReport = { stored: 0, skipped: 0 };
    const query =
      module === 'sessions' || module === 'cdrs' ? { date_from: '1970-01-01T00:00:00Z' } : undefined;
    await this.puller.pull(
      partner,
      identity,
      module,
      async (objects) => {
        for (const object of objects) {
          try {
            const data = validateOcpi<Record<string, unknown>>(SCHEMAS[module][version], object, module);
            const party = isOcpi22(version)
              ? { countryCode: String(data.country_code), partyId: String(data.party_id) }
              : ownParty;
            if (!partnerOwnsParty(partner, party.countryCode, party.partyId))
              throw new Error('another party');
            await this.store.save(
              tenantId,
              partner,
              { module, ...party, objectId: String(data.id) },
              version,
              data,
            );
            report.stored++;
          } catch (error) {
            if (!(error instanceof OcpiError) && !(error instanceof Error)) throw error;
            report.skipped++;
            this.logger.warn({ partnerId, module, err: error.message }, 'Pulled object skipped');
          }
        }
      },
      { ...(query ? { query } : {}) },
    );
    return report;
  }
}
