import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Ocpi, OcpiRequestContext } from '../auth/ocpi-request';
import { OcpiController } from '../auth/ocpi-route.decorator';
import { OcpiAnswer } from '../protocol/ocpi-answer';
import { OcpiError } from '../protocol/ocpi-error';
import { isOcpi22 } from '../protocol/ocpi-version';
import { cdrSchemas } from '../schemas/partner-objects.schema';
import { validateOcpi } from '../schemas/ocpi-validator';
import { EmspObjectsStore } from './emsp-objects.store';
import { ownParty, versionOf } from './emsp-receiver';
import { PartnerObjectRepository } from './partner-object.repository';

type Json = Record<string, unknown>;

/**
 * Our CDRs Receiver (we are the eMSP): a CPO POSTs the CDR of a session of our driver; we keep it,
 * attached to the driver, and answer with its URL here (Location), where the CPO may GET it back.
 * A CDR is never changed: the same one again is taken, another one under the same id refused (2001).
 */
@Controller('ocpi/:tenant/:version/emsp/cdrs')
@OcpiController({ module: 'cdrs', side: 'emsp' })
export class EmspCdrsController {
  constructor(
    private readonly objects: PartnerObjectRepository,
    private readonly store: EmspObjectsStore,
  ) {}

  @Post()
  @HttpCode(201)
  async post(@Ocpi() context: OcpiRequestContext, @Body() body: unknown) {
    const version = versionOf(context);
    const cdr = validateOcpi<Json>(cdrSchemas[version], body, 'CDR');
    const party = isOcpi22(version)
      ? { countryCode: String(cdr.country_code), partyId: String(cdr.party_id) }
      : (context.partner.roles.find((role) => role.role === 'CPO') ?? context.partner.roles[0]);
    ownParty(context, party.countryCode, party.partyId);
    const key = {
      partnerId: context.partner.id,
      module: 'cdrs' as const,
      ...party,
      objectId: String(cdr.id),
    };
    const existing = await this.objects.find(context.tenantId, key);
    if (existing && JSON.stringify(existing.data) !== JSON.stringify(cdr)) {
      throw OcpiError.invalidParameters(`CDR ${String(cdr.id)} exists already and CDRs cannot be changed`);
    }
    const { partnerId: _partnerId, ...stored } = key;
    await this.store.save(context.tenantId, context.partner, stored, version, cdr);
    const location = `${context.baseUrl}/${version}/emsp/cdrs/${encodeURIComponent(String(cdr.id))}`;
    return new OcpiAnswer(undefined, { httpStatus: 201, headers: { Location: location } });
  }

  @Get(':cdrId')
  async get(@Ocpi() context: OcpiRequestContext, @Param('cdrId') cdrId: string) {
    for (const party of context.partner.roles) {
      const found = await this.objects.find(context.tenantId, {
        partnerId: context.partner.id,
        module: 'cdrs',
        countryCode: party.countryCode,
        partyId: party.partyId,
        objectId: cdrId,
      });
      if (found) return found.data;
    }
    throw OcpiError.notFound(`Unknown CDR ${cdrId}`);
  }
}
