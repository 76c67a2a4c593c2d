import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  EVSE_STATUS,
  EvseStatusPayload,
  LOCATION_PUT,
  LocationPutPayload,
} from '../../../locations/location-events';
import { OcpiRenderers } from '../../outbox/ocpi-push';
import { ocpiDateTime } from '../../protocol/ocpi-response';
import { ocpiLocation } from './ocpi-location.mapper';

const LOCATIONS_RECEIVER = { module: 'locations', interfaceRole: 'RECEIVER' } as const;

/**
 * How our location pushes reach an eMSP: the whole Location with PUT, an EVSE status with PATCH
 * (status and last_updated, as the spec's "simple status update" example), both at
 * {locations_endpoint}/{country_code}/{party_id}/{location_id}[/{evse_uid}].
 */
@Injectable()
export class CpoLocationRenderers implements OnModuleInit {
  constructor(private readonly renderers: OcpiRenderers) {}

  onModuleInit(): void {
    this.renderers.register<LocationPutPayload>(
      LOCATION_PUT,
      LOCATIONS_RECEIVER,
      ({ identity, version }, location) => ({
        method: 'PUT',
        ...LOCATIONS_RECEIVER,
        segments: [identity.countryCode, identity.partyId, location.id],
        body: ocpiLocation(reviveDates(location), identity, version),
      }),
    );
    this.renderers.register<EvseStatusPayload>(EVSE_STATUS, LOCATIONS_RECEIVER, ({ identity }, change) => ({
      method: 'PATCH',
      ...LOCATIONS_RECEIVER,
      segments: [identity.countryCode, identity.partyId, change.locationId, change.evseUid],
      body: { status: change.status, last_updated: ocpiDateTime(new Date(change.lastUpdated)) },
    }));
  }
}

/** A location as the outbox stored it (dates come back as Date or string). */
function reviveDates(location: LocationPutPayload): LocationPutPayload {
  return {
    ...location,
    lastUpdated: new Date(location.lastUpdated),
    evses: location.evses.map((evse) => ({
      ...evse,
      lastUpdated: new Date(evse.lastUpdated),
      connectors: evse.connectors.map((connector) => ({
        ...connector,
        lastUpdated: new Date(connector.lastUpdated),
      })),
    })),
  };
}
