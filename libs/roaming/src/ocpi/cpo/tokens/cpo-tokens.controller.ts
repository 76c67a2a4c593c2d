import { Body, Controller, Get, Param, Patch, Put, Query } from '@nestjs/common';
import { partnerOwnsParty } from '../../../partners/roaming-partner';
import { ROAMING_TOKEN_TYPES, RoamingTokenType } from '../../../tokens/roaming-token';
import { RoamingTokenRepository } from '../../../tokens/roaming-token.repository';
import { Ocpi, OcpiRequestContext } from '../../auth/ocpi-request';
import { OcpiController } from '../../auth/ocpi-route.decorator';
import { OcpiAnswer } from '../../protocol/ocpi-answer';
import { OcpiError } from '../../protocol/ocpi-error';
import { OcpiVersion, isOcpi22 } from '../../protocol/ocpi-version';
import { validateOcpi } from '../../schemas/ocpi-validator';
import {
  Token211Json,
  Token221Json,
  token211Schema,
  token221Schema,
  tokenPatch211Schema,
  tokenPatch221Schema,
} from '../../schemas/token.schema';
import { tokenFromJson, tokenJson } from '../../tokens/ocpi-token.mapper';

interface TokenPath {
  countryCode: string;
  partyId: string;
  tokenUid: string;
}

/**
 * Our Tokens Receiver interface (we are the CPO): an eMSP pushes its drivers' tokens under its own
 * party, {tokens_endpoint}/{country_code}/{party_id}/{token_uid}[?type=]. Another party's URL is not
 * the partner's to use (404); the object must match its URL (2001).
 */
@Controller('ocpi/:tenant/:version/cpo/tokens/:countryCode/:partyId/:tokenUid')
@OcpiController({ module: 'tokens', side: 'cpo' })
export class CpoTokensController {
  constructor(private readonly tokens: RoamingTokenRepository) {}

  @Get()
  async get(@Ocpi() context: OcpiRequestContext, @Param() path: TokenPath, @Query('type') type?: string) {
    this.ownParty(context, path);
    const token = await this.tokens.find(context.tenantId, {
      ...path,
      uid: path.tokenUid,
      type: this.typeOf(type),
    });
    if (!token || token.partnerId !== context.partner.id)
      throw OcpiError.unknownToken(`Unknown token ${path.tokenUid}`);
    return tokenJson(token, context.version as OcpiVersion);
  }

  @Put()
  async put(
    @Ocpi() context: OcpiRequestContext,
    @Param() path: TokenPath,
    @Body() body: unknown,
    @Query('type') type?: string,
  ) {
    this.ownParty(context, path);
    const version = context.version as OcpiVersion;
    const json = isOcpi22(version)
      ? validateOcpi<Token221Json>(token221Schema, body, 'token')
      : validateOcpi<Token211Json>(token211Schema, body, 'token');
    const token = tokenFromJson(json, version, context.partner.id, path);
    this.matchesUrl(token, path, type);
    const created = await this.tokens.upsert(context.tenantId, token);
    return new OcpiAnswer(undefined, { httpStatus: created ? 201 : 200 });
  }

  @Patch()
  async patch(
    @Ocpi() context: OcpiRequestContext,
    @Param() path: TokenPath,
    @Body() body: unknown,
    @Query('type') type?: string,
  ) {
    this.ownParty(context, path);
    const version = context.version as OcpiVersion;
    const changes = validateOcpi<Partial<Token221Json & Token211Json>>(
      isOcpi22(version) ? tokenPatch221Schema : tokenPatch211Schema,
      body,
      'token patch',
    );
    const key = {
      countryCode: path.countryCode,
      partyId: path.partyId,
      uid: path.tokenUid,
      type: this.typeOf(type),
    };
    const existing = await this.tokens.find(context.tenantId, key);
    if (!existing || existing.partnerId !== context.partner.id)
      throw OcpiError.unknownToken(`Unknown token ${path.tokenUid}`);
    const merged = tokenFromJson(
      { ...tokenJson(existing, version), ...changes },
      version,
      context.partner.id,
      path,
    );
    this.matchesUrl(merged, path, type);
    await this.tokens.upsert(context.tenantId, merged);
    return undefined;
  }

  private ownParty(context: OcpiRequestContext, path: TokenPath): void {
    if (!partnerOwnsParty(context.partner, path.countryCode, path.partyId)) {
      throw OcpiError.notFound(`${path.countryCode}/${path.partyId} is not one of your parties`);
    }
  }

  private typeOf(type: string | undefined): RoamingTokenType {
    if (type === undefined) return 'RFID';
    if (!ROAMING_TOKEN_TYPES.includes(type as RoamingTokenType)) {
      throw OcpiError.invalidParameters(`type must be one of ${ROAMING_TOKEN_TYPES.join(', ')}`);
    }
    return type as RoamingTokenType;
  }

  private matchesUrl(
    token: { uid: string; countryCode: string; partyId: string; type: RoamingTokenType },
    path: TokenPath,
    type?: string,
  ) {
    const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();
    if (!same(token.uid, path.tokenUid))
      throw OcpiError.invalidParameters('the token uid differs from the URL');
    if (!same(token.countryCode, path.countryCode) || !same(token.partyId, path.partyId)) {
      throw OcpiError.invalidParameters("the token's country_code/party_id differ from the URL");
    }
    if (type !== undefined && token.type !== this.typeOf(type)) {
      throw OcpiError.invalidParameters('the token type differs from the type parameter');
    }
  }
}
