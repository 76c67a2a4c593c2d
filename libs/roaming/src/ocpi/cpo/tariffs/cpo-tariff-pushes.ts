import { EventBus, Unsubscribe } from '@csms/events';
import { TARIFFS_CHANGED, Tariff, TariffService, TariffsChangedEvent, frozenTariffOf } from '@csms/pricing';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Outbox } from '../../../outbox/outbox';
import { PartnerRegistry } from '../../../partners/partner-registry';
import { partnerActsAs } from '../../../partners/roaming-partner';
import { OcpiRenderers } from '../../outbox/ocpi-push';
import { ocpiTariff } from './ocpi-tariff-version';

/** Outbox kinds of our tariffs pushed to eMSPs (payloads: the tariff; the id of a withdrawn one). */
export const TARIFF_PUT = 'tariff.put';
export const TARIFF_DELETE = 'tariff.delete';

const TARIFFS_RECEIVER = { module: 'tariffs', interfaceRole: 'RECEIVER' } as const;

/**
 * Our tariffs reach eMSP partners as they change, through the outbox: a tariff open to every driver
 * is PUT at {tariffs_endpoint}/{cc}/{pid}/{id} when edited or assigned, and DELETEd there when an
 * unassignment leaves it open to no one (group prices stay ours).
 */
@Injectable()
export class CpoTariffPushes implements OnModuleInit, OnModuleDestroy {
  private unsubscribe?: Unsubscribe;

  constructor(
    private readonly renderers: OcpiRenderers,
    private readonly tariffs: TariffService,
    private readonly partners: PartnerRegistry,
    private readonly outbox: Outbox,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.renderers.register<Tariff>(TARIFF_PUT, TARIFFS_RECEIVER, ({ identity, version }, tariff) => ({
      method: 'PUT',
      ...TARIFFS_RECEIVER,
      segments: [identity.countryCode, identity.partyId, tariff.id],
      body: ocpiTariff(frozenTariffOf(tariff), identity, version),
    }));
    this.renderers.register<{ id: string }>(TARIFF_DELETE, TARIFFS_RECEIVER, ({ identity }, { id }) => ({
      method: 'DELETE',
      ...TARIFFS_RECEIVER,
      segments: [identity.countryCode, identity.partyId, id],
    }));
    this.unsubscribe = this.events.subscribeOwn<TariffsChangedEvent>(TARIFFS_CHANGED, async (event) => {
      const emsps = (await this.partners.registeredOf(event.tenantId)).filter((partner) =>
        partnerActsAs(partner, 'EMSP'),
      );
      if (!emsps.length) return;
      const { tariffId, change } = event.payload;
      const tariff = await this.tariffs.findOpenToAll(event.tenantId, tariffId);
      // A tariff is deleted only once unassigned: that unassignment withdrew it already.
      if (!tariff && change !== 'unassigned') return;
      await this.outbox.enqueue(event.tenantId, emsps, {
        objectKey: `tariff:${tariffId}`,
        ...(tariff
          ? { kind: TARIFF_PUT, payload: tariff }
          : { kind: TARIFF_DELETE, payload: { id: tariffId } }),
      });
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }
}
