import { APP_CONFIG, AppConfig } from '@csms/common';
import { TagService, UserService } from '@csms/users';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RoamingIdentityService } from '../../identity/roaming-identity.service';
import { RoamingToken } from '../../tokens/roaming-token';
import { Ocpi, OcpiRequestContext } from '../auth/ocpi-request';
import { OcpiController } from '../auth/ocpi-route.decorator';
import { OcpiAnswer } from '../protocol/ocpi-answer';
import { OcpiError } from '../protocol/ocpi-error';
import { isOcpi22 } from '../protocol/ocpi-version';
import { lastUpdatedFilter, paginationHeaders, parseListQuery } from '../protocol/pagination';
import { validateOcpi } from '../schemas/ocpi-validator';
import { ciString } from '../schemas/ocpi-types.schema';
import { tokenJson } from '../tokens/ocpi-token.mapper';
import { versionOf } from './emsp-receiver';
import { appUserToken, badgeToken } from './our-tokens';

const locationReferenceSchema = {
  type: 'object',
  required: ['location_id'],
  properties: { location_id: ciString(39), evse_uids: { type: 'array', items: { type: 'string' } } },
};

/**
 * Our Tokens Sender interface (we are the eMSP): our badges as tokens (GET, changed in [date_from,
 * date_to)), and real-time authorization of a badge or an app user (POST {token_uid}/authorize):
 * unknown → 404 with 2004, as mod_tokens says.
 */
@Controller('ocpi/:tenant/:version/emsp/tokens')
@OcpiController({ module: 'tokens', side: 'emsp' })
export class EmspTokensController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tags: TagService,
    private readonly users: UserService,
    private readonly identities: RoamingIdentityService,
  ) {}

  @Get()
  async list(@Ocpi() context: OcpiRequestContext, @Query() query: Record<string, unknown>) {
    const window = parseListQuery(query, this.config.OCPI_PAGE_LIMIT);
    const filter = lastUpdatedFilter(window, 'updatedAt').updatedAt as
      { $gte?: Date; $lt?: Date } | undefined;
    const { items, total } = await this.tags.changedBetween(context.tenantId, {
      from: filter?.$gte,
      to: filter?.$lt,
      offset: window.offset,
      limit: window.limit,
    });
    const identity = await this.identities.require(context.tenantId);
    const now = new Date();
    const version = versionOf(context);
    return new OcpiAnswer(
      items.map((tag) => tokenJson(badgeToken(identity, tag, now), version)),
      {
        headers: paginationHeaders(
          `${context.baseUrl}/${version}/emsp/tokens/`,
          window,
          items.length,
          total,
          this.config.OCPI_PAGE_LIMIT,
        ),
      },
    );
  }

  @Post(':tokenUid/authorize')
  @HttpCode(200)
  async authorize(
    @Ocpi() context: OcpiRequestContext,
    @Param('tokenUid') tokenUid: string,
    @Body() body: unknown,
    @Query('type') type?: string,
  ) {
    const location =
      body && typeof body === 'object' && Object.keys(body).length
        ? validateOcpi<{ location_id: string; evse_uids?: string[] }>(
            locationReferenceSchema,
            body,
            'LocationReferences',
          )
        : undefined;
    const token = await this.ourToken(context, tokenUid, type ?? 'RFID', new Date());
    if (!token) throw OcpiError.unknownToken(`Unknown token ${tokenUid}`);
    const allowed = token.valid ? 'ALLOWED' : token.expired ? 'EXPIRED' : 'BLOCKED';
    const version = versionOf(context);
    return {
      allowed,
      ...(isOcpi22(version)
        ? {
            token: tokenJson(token.token, version),
            authorization_reference: randomUUID().replace(/-/g, '').slice(0, 36),
          }
        : {}),
      ...(location && allowed === 'ALLOWED'
        ? { location: { location_id: location.location_id, evse_uids: location.evse_uids ?? [] } }
        : {}),
      ...(allowed === 'ALLOWED' ? {} : { info: { language: 'en', text: `Token ${allowed.toLowerCase()}` } }),
    };
  }

  private async ourToken(
    context: OcpiRequestContext,
    uid: string,
    type: string,
    now: Date,
  ): Promise<{ token: RoamingToken; valid: boolean; expired: boolean } | null> {
    const identity = await this.identities.require(context.tenantId);
    if (type === 'APP_USER') {
      const user = await this.users.get(context.tenantId, uid).catch(() => null);
      return user ? { token: appUserToken(identity, user.id, now), valid: true, expired: false } : null;
    }
    const tag = await this.tags.findByTagId(context.tenantId, uid);
    if (!tag) return null;
    const token = badgeToken(identity, tag, now);
    const expired = Boolean(tag.expiresAt && tag.expiresAt.getTime() <= now.getTime());
    return { token, valid: token.valid, expired };
  }
}
