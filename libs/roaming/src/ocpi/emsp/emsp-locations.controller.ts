import { Body, Controller, Get, Param, Patch, Put } from '@nestjs/common';
import { Ocpi, OcpiRequestContext } from '../auth/ocpi-request';
import { OcpiController } from '../auth/ocpi-route.decorator';
import { OcpiAnswer } from '../protocol/ocpi-answer';
import { OcpiError } from '../protocol/ocpi-error';
import { OcpiStatus } from '../protocol/ocpi-status';
import {
  connectorSchemas,
  evseSchemas,
  locationSchemas,
  patchSchema,
} from '../schemas/partner-objects.schema';
import { validateOcpi } from '../schemas/ocpi-validator';
import { EmspObjectsStore } from './emsp-objects.store';
import { merged, ownParty, sameId, versionOf } from './emsp-receiver';
import { PartnerObjectRepository } from './partner-object.repository';

type Json = Record<string, unknown>;
type Evse = Json & { uid: string; status?: string; connectors?: Json[] };

interface LocationPath {
  countryCode: string;
  partyId: string;
  locationId: string;
  evseUid?: string;
  connectorId?: string;
}

const BASE = 'ocpi/:tenant/:version/emsp/locations/:countryCode/:partyId/:locationId';

/**
 * Our Locations Receiver (we are the eMSP): a CPO partner pushes its locations, EVSEs and connectors
 * under its own parties; we keep them (read-only in GraphQL) and tell subscribers of EVSE status changes.
 */
@Controller(BASE)
@OcpiController({ module: 'locations', side: 'emsp' })
export class EmspLocationsController {
  constructor(
    private readonly objects: PartnerObjectRepository,
    private readonly store: EmspObjectsStore,
  ) {}

  @Get()
  async getLocation(@Ocpi() context: OcpiRequestContext, @Param() path: LocationPath) {
    return (await this.find(context, path)).data;
  }

  @Get(':evseUid')
  async getEvse(@Ocpi() context: OcpiRequestContext, @Param() path: LocationPath) {
    return this.evseOf((await this.find(context, path)).data, path.evseUid!);
  }

  @Get(':evseUid/:connectorId')
  async getConnector(@Ocpi() context: OcpiRequestContext, @Param() path: LocationPath) {
    return this.connectorOf(
      this.evseOf((await this.find(context, path)).data, path.evseUid!),
      path.connectorId!,
    );
  }

  @Put()
  async putLocation(@Ocpi() context: OcpiRequestContext, @Param() path: LocationPath, @Body() body: unknown) {
    ownParty(context, path.countryCode, path.partyId, OcpiStatus.UNKNOWN_LOCATION);
    const location = validateOcpi<Json>(locationSchemas[versionOf(context)], body, 'location');
    sameId(path.locationId, location.id, 'location');
    const created = await this.save(context, path, location);
    return new OcpiAnswer(undefined, { httpStatus: created ? 201 : 200 });
  }

  @Put(':evseUid')
  async putEvse(@Ocpi() context: OcpiRequestContext, @Param() path: LocationPath, @Body() body: unknown) {
    const evse = validateOcpi<Evse>(evseSchemas[versionOf(context)], body, 'EVSE');
    sameId(path.evseUid!, evse.uid, 'EVSE');
    const location = (await this.find(context, path)).data;
    const evses = ((location.evses as Evse[] | undefined) ?? []).filter(
      (other) => !same(other.uid, evse.uid),
    );
    await this.save(context, path, { ...location, evses: [...evses, evse], last_updated: evse.last_updated });
    return undefined;
  }

  @Put(':evseUid/:connectorId')
  async putConnector(
    @Ocpi() context: OcpiRequestContext,
    @Param() path: LocationPath,
    @Body() body: unknown,
  ) {
    const connector = validateOcpi<Json>(connectorSchemas[versionOf(context)], body, 'connector');
    sameId(path.connectorId!, connector.id, 'connector');
    const location = (await this.find(context, path)).data;
    const evse = this.evseOf(location, path.evseUid!);
    const connectors = (evse.connectors ?? []).filter(
      (other) => !same(String(other.id), String(connector.id)),
    );
    const updatedEvse = {
      ...evse,
      connectors: [...connectors, connector],
      last_updated: connector.last_updated,
    };
    await this.save(context, path, this.withEvse(location, updatedEvse, connector.last_updated));
    return undefined;
  }

  @Patch()
  async patchLocation(
    @Ocpi() context: OcpiRequestContext,
    @Param() path: LocationPath,
    @Body() body: unknown,
  ) {
    const patch = validateOcpi<Json>(patchSchema, body, 'location patch');
    const location = (await this.find(context, path)).data;
    await this.save(context, path, merged(location, patch));
    return undefined;
  }

  @Patch(':evseUid')
  async patchEvse(@Ocpi() context: OcpiRequestContext, @Param() path: LocationPath, @Body() body: unknown) {
    const patch = validateOcpi<Json>(patchSchema, body, 'EVSE patch');
    const location = (await this.find(context, path)).data;
    const evse = merged(this.evseOf(location, path.evseUid!), patch) as Evse;
    await this.save(context, path, this.withEvse(location, evse, patch.last_updated));
    return undefined;
  }

  @Patch(':evseUid/:connectorId')
  async patchConnector(
    @Ocpi() context: OcpiRequestContext,
    @Param() path: LocationPath,
    @Body() body: unknown,
  ) {
    const patch = validateOcpi<Json>(patchSchema, body, 'connector patch');
    const location = (await this.find(context, path)).data;
    const evse = this.evseOf(location, path.evseUid!);
    const connector = merged(this.connectorOf(evse, path.connectorId!), patch);
    const connectors = (evse.connectors ?? []).map((other) =>
      same(String(other.id), path.connectorId!) ? connector : other,
    );
    await this.save(
      context,
      path,
      this.withEvse(location, { ...evse, connectors, last_updated: patch.last_updated }, patch.last_updated),
    );
    return undefined;
  }

  private key(context: OcpiRequestContext, path: LocationPath) {
    return {
      partnerId: context.partner.id,
      module: 'locations' as const,
      countryCode: path.countryCode,
      partyId: path.partyId,
      objectId: path.locationId,
    };
  }

  private async find(context: OcpiRequestContext, path: LocationPath) {
    ownParty(context, path.countryCode, path.partyId, OcpiStatus.UNKNOWN_LOCATION);
    const found = await this.objects.find(context.tenantId, this.key(context, path));
    if (!found) throw OcpiError.unknownLocation(`Unknown location ${path.locationId}`);
    return found;
  }

  private evseOf(location: Json, uid: string): Evse {
    const evse = ((location.evses as Evse[] | undefined) ?? []).find((candidate) => same(candidate.uid, uid));
    if (!evse) throw OcpiError.unknownLocation(`Unknown EVSE ${uid}`);
    return evse;
  }

  private connectorOf(evse: Evse, id: string): Json {
    const connector = (evse.connectors ?? []).find((candidate) => same(String(candidate.id), id));
    if (!connector) throw OcpiError.unknownLocation(`Unknown connector ${id}`);
    return connector;
  }

  /** The location with `evse` in place of its old self; its last_updated follows (mod_locations: PUT/PATCH). */
  private withEvse(location: Json, evse: Evse, lastUpdated: unknown): Json {
    const evses = ((location.evses as Evse[] | undefined) ?? []).map((other) =>
      same(other.uid, evse.uid) ? evse : other,
    );
    return { ...location, evses, last_updated: lastUpdated ?? location.last_updated };
  }

  private save(context: OcpiRequestContext, path: LocationPath, location: Json): Promise<boolean> {
    const { partnerId: _partnerId, ...key } = this.key(context, path);
    return this.store.save(context.tenantId, context.partner, key, versionOf(context), location);
  }
}

function same(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}
