import { APP_CONFIG, AppConfig } from '@csms/common';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { RoamingIdentityService } from '../../../identity/roaming-identity.service';
import { RoamingLocation } from '../../../locations/roaming-location';
import { RoamingLocationRepository } from '../../../locations/roaming-location.repository';
import { Ocpi, OcpiRequestContext } from '../../auth/ocpi-request';
import { OcpiController } from '../../auth/ocpi-route.decorator';
import { OcpiAnswer } from '../../protocol/ocpi-answer';
import { OcpiError } from '../../protocol/ocpi-error';
import { OcpiVersion } from '../../protocol/ocpi-version';
import { lastUpdatedFilter, paginationHeaders, parseListQuery } from '../../protocol/pagination';
import { ocpiConnector, ocpiEvse, ocpiLocation } from './ocpi-location.mapper';

/** Our Locations Sender interface (we are the CPO): the tenant's public sites, to every eMSP partner alike. */
@Controller('ocpi/:tenant/:version/cpo/locations')
@OcpiController({ module: 'locations', side: 'cpo' })
export class CpoLocationsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly locations: RoamingLocationRepository,
    private readonly identities: RoamingIdentityService,
  ) {}

  @Get()
  async list(@Ocpi() context: OcpiRequestContext, @Query() query: Record<string, unknown>) {
    const window = parseListQuery(query, this.config.OCPI_PAGE_LIMIT);
    const { items, total } = await this.locations.pagePublished(context.tenantId, {
      filter: lastUpdatedFilter(window),
      offset: window.offset,
      limit: window.limit,
    });
    const identity = await this.identities.require(context.tenantId);
    const version = context.version as OcpiVersion;
    const url = `${context.baseUrl}/${version}/cpo/locations/`;
    return new OcpiAnswer(
      items.map((location) => ocpiLocation(location, identity, version)),
      { headers: paginationHeaders(url, window, items.length, total, this.config.OCPI_PAGE_LIMIT) },
    );
  }

  @Get(':locationId')
  async location(@Ocpi() context: OcpiRequestContext, @Param('locationId') locationId: string) {
    const location = await this.find(context, locationId);
    return ocpiLocation(
      location,
      await this.identities.require(context.tenantId),
      context.version as OcpiVersion,
    );
  }

  @Get(':locationId/:evseUid')
  async evse(
    @Ocpi() context: OcpiRequestContext,
    @Param('locationId') locationId: string,
    @Param('evseUid') evseUid: string,
  ) {
    const evse = this.evseOf(await this.find(context, locationId), evseUid);
    return ocpiEvse(evse, await this.identities.require(context.tenantId), context.version as OcpiVersion);
  }

  @Get(':locationId/:evseUid/:connectorId')
  async connector(
    @Ocpi() context: OcpiRequestContext,
    @Param('locationId') locationId: string,
    @Param('evseUid') evseUid: string,
    @Param('connectorId') connectorId: string,
  ) {
    const evse = this.evseOf(await this.find(context, locationId), evseUid);
    const connector = evse.connectors.find((candidate) => candidate.id === connectorId);
    if (!connector) throw OcpiError.unknownLocation(`Unknown connector ${connectorId} of EVSE ${evseUid}`);
    return ocpiConnector(connector, context.version as OcpiVersion);
  }

  /** Only published locations exist for partners: another id, or a private site's, is unknown alike. */
  private async find(context: OcpiRequestContext, locationId: string): Promise<RoamingLocation> {
    const location = await this.locations.findPublished(context.tenantId, locationId);
    if (!location) throw OcpiError.unknownLocation(`Unknown location ${locationId}`);
    return location;
  }

  private evseOf(location: RoamingLocation, evseUid: string) {
    const evse = location.evses.find((candidate) => candidate.uid.toUpperCase() === evseUid.toUpperCase());
    if (!evse) throw OcpiError.unknownLocation(`Unknown EVSE ${evseUid} at location ${location.id}`);
    return evse;
  }
}
