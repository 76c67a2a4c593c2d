import { TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { Injectable } from '@nestjs/common';
import { RoamingPartner } from '../../partners/roaming-partner';
import { parseOcpiDateTime } from '../protocol/ocpi-datetime';
import { EmspDrivers } from './emsp-drivers';
import { PARTNER_EVSE_STATUS_CHANGED } from './emsp-events';
import { tokenOfObject } from './object-token';
import { PartnerObjectKey, PartnerObjectRepository } from './partner-object.repository';
import { PartnerModule } from './schemas/partner-object.schema';

type Json = Record<string, unknown>;
type Evse = Json & { uid: string; status?: unknown };

/**
 * Where a CPO partner's objects are kept, whether pushed or pulled: locations tell subscribers which
 * EVSE statuses changed; sessions and CDRs are attached to our driver whose token they carry.
 */
@Injectable()
export class EmspObjectsStore {
  constructor(
    private readonly objects: PartnerObjectRepository,
    private readonly drivers: EmspDrivers,
    private readonly events: EventBus,
  ) {}

  /** Stores the object; true when it was new. */
  async save(
    tenantId: TenantId,
    partner: RoamingPartner,
    key: Omit<PartnerObjectKey, 'partnerId'> & { module: PartnerModule },
    version: string,
    data: Json,
  ): Promise<boolean> {
    const fullKey = { ...key, partnerId: partner.id };
    const previous = key.module === 'locations' ? await this.objects.find(tenantId, fullKey) : null;
    const userId =
      key.module === 'sessions' || key.module === 'cdrs'
        ? await this.drivers.userOf(tenantId, tokenOfObject(data))
        : undefined;
    const created = await this.objects.save(tenantId, fullKey, {
      version,
      data,
      ...(userId ? { userId } : {}),
      lastUpdated: parseOcpiDateTime(data.last_updated) ?? new Date(),
    });
    if (key.module === 'locations') await this.announceStatuses(tenantId, partner, key, data, previous?.data);
    return created;
  }

  private async announceStatuses(
    tenantId: TenantId,
    partner: RoamingPartner,
    key: Omit<PartnerObjectKey, 'partnerId'>,
    location: Json,
    previous?: Json,
  ): Promise<void> {
    const before = new Map(
      ((previous?.evses as Evse[] | undefined) ?? []).map((evse) => [evse.uid.toUpperCase(), evse.status]),
    );
    for (const evse of (location.evses as Evse[] | undefined) ?? []) {
      if (before.get(evse.uid.toUpperCase()) === evse.status) continue;
      await this.events.publish(
        domainEvent(PARTNER_EVSE_STATUS_CHANGED, tenantId, {
          partnerId: partner.id,
          locationId: key.objectId,
          evseUid: evse.uid,
          status: String(evse.status),
        }),
      );
    }
  }
}
