import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { Ocpi, OcpiRequestContext } from '../auth/ocpi-request';
import { OcpiController } from '../auth/ocpi-route.decorator';
import { OcpiError } from '../protocol/ocpi-error';
import { parseOcpiDateTime } from '../protocol/ocpi-datetime';
import { ocpiDateTime } from '../protocol/ocpi-response';
import { ROLES, ciString, dateTime } from '../schemas/ocpi-types.schema';
import { validateOcpi } from '../schemas/ocpi-validator';
import { HubClientRepository } from './hub-client.repository';

const clientInfoSchema = {
  type: 'object',
  required: ['party_id', 'country_code', 'role', 'status', 'last_updated'],
  properties: {
    party_id: ciString(3),
    country_code: ciString(2),
    role: { enum: ROLES },
    status: { enum: ['CONNECTED', 'OFFLINE', 'PLANNED', 'SUSPENDED'] },
    last_updated: dateTime,
  },
};

interface ClientInfoJson {
  party_id: string;
  country_code: string;
  role: string;
  status: string;
  last_updated: string;
}

/**
 * Our HubClientInfo Receiver (2.2.1): a hub partner tells us which parties behind it are connected
 * ({hubclientinfo_endpoint}/{country_code}/{party_id}). Only hubs use it.
 */
@Controller('ocpi/:tenant/:version/hubclientinfo/:countryCode/:partyId')
@OcpiController({ module: 'hubclientinfo', side: 'any' })
export class HubClientInfoController {
  constructor(private readonly clients: HubClientRepository) {}

  @Get()
  async get(
    @Ocpi() context: OcpiRequestContext,
    @Param('countryCode') countryCode: string,
    @Param('partyId') partyId: string,
  ) {
    this.hubOnly(context);
    const client = await this.clients.find(context.tenantId, context.partner.id, countryCode, partyId);
    if (!client) throw OcpiError.notFound(`No client info for ${countryCode}/${partyId}`);
    return {
      country_code: client.countryCode,
      party_id: client.partyId,
      role: client.role,
      status: client.status,
      last_updated: ocpiDateTime(client.lastUpdated),
    };
  }

  @Put()
  async put(
    @Ocpi() context: OcpiRequestContext,
    @Param('countryCode') countryCode: string,
    @Param('partyId') partyId: string,
    @Body() body: unknown,
  ) {
    this.hubOnly(context);
    const json = validateOcpi<ClientInfoJson>(clientInfoSchema, body, 'ClientInfo');
    if (
      json.country_code.toUpperCase() !== countryCode.toUpperCase() ||
      json.party_id.toUpperCase() !== partyId.toUpperCase()
    ) {
      throw OcpiError.invalidParameters("the ClientInfo's country_code/party_id differ from the URL");
    }
    await this.clients.save(context.tenantId, {
      hubPartnerId: context.partner.id,
      countryCode,
      partyId,
      role: json.role,
      status: json.status,
      lastUpdated: parseOcpiDateTime(json.last_updated)!,
    });
    return undefined;
  }

  private hubOnly(context: OcpiRequestContext): void {
    if (context.version !== '2.2.1' || !context.partner.roles.some((party) => party.role === 'HUB')) {
      throw OcpiError.notFound('Hub client info is for hubs (OCPI 2.2.1)');
    }
  }
}
