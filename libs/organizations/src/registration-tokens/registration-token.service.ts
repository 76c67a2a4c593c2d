import { AppAbility, Principal, accessibleQuery } from '@csms/auth';
import {
  APP_CONFIG,
  AppConfig,
  BadInputError,
  Connection,
  NotFoundError,
  TenantId,
  definedOnly,
} from '@csms/common';
import { Inject, Injectable } from '@nestjs/common';
import { UpdateQuery } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { ensureCan } from '../shared/ensure-can';
import { SiteAreaRepository } from '../site-areas/site-area.repository';
import { CreateRegistrationTokenInput } from './dto/create-registration-token.input';
import { RegistrationTokensArgs } from './dto/registration-tokens.args';
import { UpdateRegistrationTokenInput } from './dto/update-registration-token.input';
import { RegistrationToken } from './models/registration-token.model';
import { REGISTRATION_TOKEN_FIELD_NAMES, RegistrationTokenRepository } from './registration-token.repository';
import { hashRegistrationToken } from './registration-token-hash';
import { RegistrationTokenDocument } from './schemas/registration-token.schema';
import { publicBaseUrl, stationUrls } from './station-urls';

const DEFAULT_LIFETIME_MS = 30 * 24 * 3600 * 1000;
const TOKEN_BYTES = 32;

@Injectable()
export class RegistrationTokenService {
  constructor(
    private readonly tokens: RegistrationTokenRepository,
    private readonly siteAreas: SiteAreaRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(
    principal: Principal,
    ability: AppAbility,
    args: RegistrationTokensArgs,
  ): Promise<Connection<RegistrationToken>> {
    const accessible = accessibleQuery(ability, 'list', 'RegistrationToken', REGISTRATION_TOKEN_FIELD_NAMES);
    return this.tokens.page(principal.tenantId, accessible, args);
  }

  async getReadable(principal: Principal, ability: AppAbility, id: string): Promise<RegistrationToken> {
    const accessible = accessibleQuery(ability, 'read', 'RegistrationToken', REGISTRATION_TOKEN_FIELD_NAMES);
    const token = await this.tokens.findAccessible(principal.tenantId, id, accessible);
    if (!token) throw new NotFoundError('RegistrationToken', id);
    return token;
  }

  /** The answer carries the token and the station URLs: the only time they are shown. */
  async create(
    principal: Principal,
    ability: AppAbility,
    input: CreateRegistrationTokenInput,
  ): Promise<RegistrationToken> {
    ensureCan(ability, 'create', 'RegistrationToken', input);
    const expiresAt = input.expiresAt ?? new Date(Date.now() + DEFAULT_LIFETIME_MS);
    this.ensureFuture(expiresAt);
    if (input.siteAreaId) await this.ensureSiteArea(principal.tenantId, input.siteAreaId);
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    const created = await this.tokens.create(principal.tenantId, {
      ...definedOnly({ description: input.description, siteAreaId: input.siteAreaId }),
      tokenHash: hashRegistrationToken(token),
      expiresAt,
      createdBy: principal.userId,
    });
    const urls = stationUrls(publicBaseUrl(this.config), principal.tenantId, token);
    return { ...created, token, stationUrls: urls };
  }

  async update(
    principal: Principal,
    ability: AppAbility,
    input: UpdateRegistrationTokenInput,
  ): Promise<RegistrationToken> {
    const { id, siteAreaId, ...fields } = input;
    ensureCan(ability, 'update', 'RegistrationToken', await this.getReadable(principal, ability, id));
    if (fields.expiresAt) this.ensureFuture(fields.expiresAt);
    if (siteAreaId) await this.ensureSiteArea(principal.tenantId, siteAreaId);
    const update: UpdateQuery<RegistrationTokenDocument> = {
      $set: definedOnly({ ...fields, siteAreaId: siteAreaId ?? undefined }),
    };
    if (siteAreaId === null) update.$unset = { siteAreaId: 1 };
    return this.save(principal.tenantId, id, update);
  }

  /** For good: a revoked token lets no station in again (stations it registered stay). */
  async revoke(principal: Principal, ability: AppAbility, id: string): Promise<RegistrationToken> {
    const existing = await this.getReadable(principal, ability, id);
    ensureCan(ability, 'update', 'RegistrationToken', existing);
    if (existing.revokedAt) return existing;
    return this.save(principal.tenantId, id, { $set: { revokedAt: new Date() } });
  }

  async delete(principal: Principal, ability: AppAbility, id: string): Promise<boolean> {
    ensureCan(ability, 'delete', 'RegistrationToken', await this.getReadable(principal, ability, id));
    return this.tokens.remove(principal.tenantId, id);
  }

  private async save(
    tenantId: TenantId,
    id: string,
    update: UpdateQuery<RegistrationTokenDocument>,
  ): Promise<RegistrationToken> {
    const updated = await this.tokens.update(tenantId, id, update);
    if (!updated) throw new NotFoundError('RegistrationToken', id);
    return updated;
  }

  private ensureFuture(expiresAt: Date): void {
    if (expiresAt <= new Date())
      throw new BadInputError('expiresAt must be in the future', { field: 'expiresAt' });
  }

  private async ensureSiteArea(tenantId: TenantId, siteAreaId: string): Promise<void> {
    if (!(await this.siteAreas.findById(tenantId, siteAreaId))) {
      throw new BadInputError(`Site area ${siteAreaId} not found`, { field: 'siteAreaId' });
    }
  }
}
