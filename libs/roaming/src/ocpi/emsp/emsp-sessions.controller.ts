import { Body, Controller, Get, Param, Patch, Put } from '@nestjs/common';
import { Ocpi, OcpiRequestContext } from '../auth/ocpi-request';
import { OcpiController } from '../auth/ocpi-route.decorator';
import { OcpiAnswer } from '../protocol/ocpi-answer';
import { OcpiError } from '../protocol/ocpi-error';
import { isOcpi22 } from '../protocol/ocpi-version';
import { patchSchema, sessionSchemas } from '../schemas/partner-objects.schema';
import { validateOcpi } from '../schemas/ocpi-validator';
import { EmspObjectsStore } from './emsp-objects.store';
import { merged, ownParty, sameId, versionOf } from './emsp-receiver';
import { PartnerObjectRepository } from './partner-object.repository';

type Json = Record<string, unknown>;

interface SessionPath {
  countryCode: string;
  partyId: string;
  sessionId: string;
}

/**
 * Our Sessions Receiver (we are the eMSP): a CPO reports sessions of our drivers' tokens; each is
 * attached to the driver (our user) it belongs to. PATCH adds charging periods to the list (mod_sessions).
 */
@Controller('ocpi/:tenant/:version/emsp/sessions/:countryCode/:partyId/:sessionId')
@OcpiController({ module: 'sessions', side: 'emsp' })
export class EmspSessionsController {
  constructor(
    private readonly objects: PartnerObjectRepository,
    private readonly store: EmspObjectsStore,
  ) {}

  @Get()
  async get(@Ocpi() context: OcpiRequestContext, @Param() path: SessionPath) {
    return (await this.find(context, path)).data;
  }

  @Put()
  async put(@Ocpi() context: OcpiRequestContext, @Param() path: SessionPath, @Body() body: unknown) {
    ownParty(context, path.countryCode, path.partyId);
    const session = validateOcpi<Json>(sessionSchemas[versionOf(context)], body, 'session');
    sameId(path.sessionId, session.id, 'session');
    if (isOcpi22(versionOf(context))) {
      const same = (a: unknown, b: string) => typeof a === 'string' && a.toUpperCase() === b.toUpperCase();
      if (!same(session.country_code, path.countryCode) || !same(session.party_id, path.partyId)) {
        throw OcpiError.invalidParameters("the session's country_code/party_id differ from the URL");
      }
    }
    const created = await this.save(context, path, session);
    return new OcpiAnswer(undefined, { httpStatus: created ? 201 : 200 });
  }

  @Patch()
  async patch(@Ocpi() context: OcpiRequestContext, @Param() path: SessionPath, @Body() body: unknown) {
    const patch = validateOcpi<Json>(patchSchema, body, 'session patch');
    const existing = (await this.find(context, path)).data;
    const added: unknown[] = Array.isArray(patch.charging_periods)
      ? (patch.charging_periods as unknown[])
      : [];
    const periods = [...((existing.charging_periods as unknown[] | undefined) ?? []), ...added];
    await this.save(context, path, { ...merged(existing, patch), charging_periods: periods });
    return undefined;
  }

  private key(context: OcpiRequestContext, path: SessionPath) {
    return {
      partnerId: context.partner.id,
      module: 'sessions' as const,
      countryCode: path.countryCode,
      partyId: path.partyId,
      objectId: path.sessionId,
    };
  }

  private async find(context: OcpiRequestContext, path: SessionPath) {
    ownParty(context, path.countryCode, path.partyId);
    const found = await this.objects.find(context.tenantId, this.key(context, path));
    if (!found) throw OcpiError.notFound(`Unknown session ${path.sessionId}`);
    return found;
  }

  private save(context: OcpiRequestContext, path: SessionPath, session: Json): Promise<boolean> {
    const { partnerId: _partnerId, ...key } = this.key(context, path);
    return this.store.save(context.tenantId, context.partner, key, versionOf(context), session);
  }
}
