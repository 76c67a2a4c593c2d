import { AppAbility, Principal, canOn } from '@csms/auth';
import { BadInputError, NotFoundError, TenantId } from '@csms/common';
import { TagService } from '@csms/users';
import { Injectable } from '@nestjs/common';
import { RoamingIdentityService } from '../../identity/roaming-identity.service';
import { PartnerCredentials } from '../../partners/partner-credentials';
import { RoamingPartner, partnerActsAs } from '../../partners/roaming-partner';
import { RoamingUrls } from '../../common/roaming-urls';
import { RoamingToken } from '../../tokens/roaming-token';
import { OcpiRequestContext } from '../auth/ocpi-request';
import { OcpiClient, OcpiTransportError, describeReply } from '../client/ocpi-client';
import { OcpiPartnerService } from '../partners/ocpi-partner.service';
import { joinUrl, partnerEndpoint } from '../partners/partner-endpoints';
import { OcpiError } from '../protocol/ocpi-error';
import { OcpiStatus } from '../protocol/ocpi-status';
import { OcpiVersion, isOcpi22 } from '../protocol/ocpi-version';
import { validateOcpi } from '../schemas/ocpi-validator';
import { tokenJson } from '../tokens/ocpi-token.mapper';
import { PartnerCommand } from './models/partner-objects.model';
import { appUserToken, badgeToken } from './our-tokens';
import { PartnerCommandRepository, StoredPartnerCommand } from './partner-command.repository';
import { PartnerObjectRepository } from './partner-object.repository';

const resultSchema = {
  type: 'object',
  required: ['result'],
  properties: { result: { type: 'string', minLength: 1 } },
};

export interface StartPartnerSession {
  partnerId: string;
  locationId: string;
  evseUid?: string;
  connectorId?: string;
  tagId?: string;
}

/**
 * Our Commands Sender (we are the eMSP): starts and stops sessions of our drivers at CPO partners'
 * stations. The command is stored, then sent (its answer comes at once); the charge point's result
 * comes later to our response_url (/emsp/commands/{command}/{id}). Past the CPO's timeout without a
 * result, the command reads as TIMEOUT.
 */
@Injectable()
export class EmspCommandsService {
  constructor(
    private readonly commands: PartnerCommandRepository,
    private readonly objects: PartnerObjectRepository,
    private readonly partners: OcpiPartnerService,
    private readonly tags: TagService,
    private readonly identities: RoamingIdentityService,
    private readonly credentials: PartnerCredentials,
    private readonly client: OcpiClient,
    private readonly urls: RoamingUrls,
  ) {}

  async get(principal: Principal, ability: AppAbility, id: string): Promise<PartnerCommand> {
    const command = await this.commands.findById(principal.tenantId, id);
    if (!command || !canOn(ability, 'read', 'RoamingSession', { userId: command.userId })) {
      throw new NotFoundError('PartnerCommand', id);
    }
    return this.present(command);
  }

  async startSession(
    principal: Principal,
    ability: AppAbility,
    input: StartPartnerSession,
  ): Promise<PartnerCommand> {
    const { tenantId } = principal;
    const partner = await this.cpoPartner(tenantId, input.partnerId);
    const identity = await this.identities.require(tenantId);
    const now = new Date();
    let token: RoamingToken;
    if (input.tagId) {
      const tag = await this.tags.findByTagId(tenantId, input.tagId);
      if (!tag || !canOn(ability, 'read', 'Tag', tag)) throw new NotFoundError('Tag', input.tagId);
      token = badgeToken(identity, tag, now);
    } else {
      token = appUserToken(identity, principal.userId, now);
    }
    const stored = await this.commands.create(tenantId, {
      partnerId: partner.id,
      command: 'START_SESSION',
      userId: principal.userId,
      locationId: input.locationId,
      evseUid: input.evseUid,
    });
    const version = partner.ocpi.version as OcpiVersion;
    return this.send(partner, stored, {
      token: tokenJson(token, version),
      location_id: input.locationId,
      ...(input.evseUid ? { evse_uid: input.evseUid } : {}),
      ...(input.connectorId && isOcpi22(version) ? { connector_id: input.connectorId } : {}),
    });
  }

  /** Stops a session of ours at a partner (its id in partnerSessions); drivers stop their own only. */
  async stopSession(
    principal: Principal,
    ability: AppAbility,
    partnerSessionId: string,
  ): Promise<PartnerCommand> {
    const { tenantId } = principal;
    const session = await this.objects.findById(tenantId, partnerSessionId);
    if (
      !session ||
      session.module !== 'sessions' ||
      !canOn(ability, 'stop', 'RoamingSession', { userId: session.userId })
    ) {
      throw new NotFoundError('PartnerSession', partnerSessionId);
    }
    const partner = await this.cpoPartner(tenantId, session.partnerId);
    const stored = await this.commands.create(tenantId, {
      partnerId: partner.id,
      command: 'STOP_SESSION',
      userId: principal.userId,
      sessionId: String(session.data.id),
    });
    return this.send(partner, stored, { session_id: String(session.data.id) });
  }

  /** The charge point's result, POSTed by the CPO to the response_url of one of our commands. */
  async result(context: OcpiRequestContext, command: string, id: string, body: unknown): Promise<void> {
    const json = validateOcpi<{ result: string; message?: { text?: string }[] }>(
      resultSchema,
      body,
      'CommandResult',
    );
    const stored = await this.commands.findById(context.tenantId, id);
    if (!stored || stored.partnerId !== context.partner.id || stored.command !== command) {
      throw OcpiError.notFound(`Unknown command ${command}/${id}`);
    }
    await this.commands.update(context.tenantId, id, {
      result: json.result,
      resultAt: new Date(),
      ...(json.message?.[0]?.text ? { message: json.message[0].text } : {}),
    });
  }

  private async cpoPartner(tenantId: TenantId, partnerId: string): Promise<RoamingPartner> {
    const partner = await this.partners.get(tenantId, partnerId);
    if (partner.status !== 'REGISTERED' || !partnerActsAs(partner, 'CPO')) {
      throw new BadInputError(`${partner.name} is not a registered CPO partner`);
    }
    if (!partnerEndpoint(partner, 'commands', 'RECEIVER')) {
      throw new BadInputError(`${partner.name} takes no commands`);
    }
    return partner;
  }

  private async send(
    partner: RoamingPartner,
    stored: StoredPartnerCommand,
    body: Record<string, unknown>,
  ): Promise<PartnerCommand> {
    const version = partner.ocpi.version as OcpiVersion;
    const endpoint = partnerEndpoint(partner, 'commands', 'RECEIVER')!;
    const responseUrl = `${this.urls.ocpiRoot(partner.tenantId)}/${version}/emsp/commands/${stored.command}/${stored.id}`;
    const identity = await this.identities.require(partner.tenantId);
    let set: Partial<StoredPartnerCommand>;
    try {
      const reply = await this.client.request({
        tenantId: partner.tenantId,
        partnerId: partner.id,
        method: 'POST',
        url: joinUrl(endpoint.url, stored.command),
        token: this.credentials.theirToken(partner)!,
        encoding: partner.ocpi.authorizationHeader,
        version,
        module: 'commands',
        body: { ...body, response_url: responseUrl },
        routing:
          isOcpi22(version) && partner.roles[0]
            ? { from: { countryCode: identity.countryCode, partyId: identity.partyId }, to: partner.roles[0] }
            : undefined,
      });
      const data: unknown = Array.isArray(reply.ocpi?.data) ? reply.ocpi.data[0] : reply.ocpi?.data;
      const answer = (data ?? {}) as { result?: unknown; timeout?: unknown };
      if (reply.httpStatus === 200 && typeof answer.result === 'string') {
        const timeout = typeof answer.timeout === 'number' ? answer.timeout : 0;
        set = {
          response: answer.result,
          ...(reply.ocpi?.status_code !== OcpiStatus.SUCCESS ? { message: reply.ocpi?.status_message } : {}),
          ...(answer.result === 'ACCEPTED' ? { timeoutAt: new Date(Date.now() + timeout * 1000) } : {}),
        };
      } else {
        set = { response: 'UNREACHABLE', message: describeReply(reply) };
      }
    } catch (error) {
      if (!(error instanceof OcpiTransportError)) throw error;
      set = { response: 'UNREACHABLE', message: error.message };
    }
    return this.present((await this.commands.update(partner.tenantId, stored.id, set)) ?? stored);
  }

  private present(command: StoredPartnerCommand): PartnerCommand {
    const timedOut = !command.result && command.timeoutAt && command.timeoutAt.getTime() < Date.now();
    return {
      id: command.id,
      partnerId: command.partnerId,
      command: command.command,
      response: command.response,
      result: command.result ?? (timedOut ? 'TIMEOUT' : undefined),
      message: command.message,
      createdAt: command.createdAt,
      timeoutAt: command.timeoutAt,
      resultAt: command.resultAt,
    };
  }
}
