import { Connection, ConnectionArgs, TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { Tariff } from '../model/tariff';
import { normalizeElements, normalizePrice } from '../model/tariff-normalize';
import { TariffDocument } from './schemas/tariff.schema';

export type TariffFields = Omit<Tariff, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class TariffRepository extends TenantRepository<TariffDocument, Tariff> {
  constructor(@InjectModel(TariffDocument.name) model: Model<TariffDocument>) {
    super(model);
  }

  create(tenantId: TenantId, fields: TariffFields): Promise<Tariff> {
    return this.insert(tenantId, fields);
  }

  /** Replaces the tariff's fields; those left undefined are removed. */
  replace(tenantId: TenantId, id: string, fields: TariffFields): Promise<Tariff | null> {
    const unset = Object.fromEntries(
      Object.entries(fields)
        .filter(([, value]) => value === undefined)
        .map(([key]) => [key, 1]),
    );
    const set = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    return this.updateOne(
      tenantId,
      { _id: id },
      { $set: set, ...(Object.keys(unset).length ? { $unset: unset } : {}) },
    );
  }

  remove(tenantId: TenantId, id: string): Promise<boolean> {
    return this.deleteOne(tenantId, { _id: id });
  }

  page(tenantId: TenantId, args: ConnectionArgs): Promise<Connection<Tariff>> {
    return this.findPage(tenantId, {}, args, { field: 'name', direction: 1 });
  }

  /** Of the tariffs `ids`, those last updated in [from, to), by last update, a page of them, and how many match. */
  async pageUpdated(
    tenantId: TenantId,
    ids: readonly string[],
    window: { from?: Date; to?: Date; offset: number; limit: number },
  ): Promise<{ items: Tariff[]; total: number }> {
    const filter: FilterQuery<TariffDocument> = { _id: { $in: [...ids] } };
    if (window.from || window.to) {
      filter.updatedAt = {
        ...(window.from ? { $gte: window.from } : {}),
        ...(window.to ? { $lt: window.to } : {}),
      };
    }
    return this.findOffsetPage(tenantId, filter, { updatedAt: 1, _id: 1 }, window);
  }

  protected toEntity(doc: Lean<TariffDocument>): Tariff {
    return {
      id: doc._id,
      tenantId: doc.tenantId,
      name: doc.name,
      currency: doc.currency,
      type: doc.type ?? undefined,
      tariffAltText: doc.tariffAltText ?? [],
      tariffAltUrl: doc.tariffAltUrl ?? undefined,
      minPrice: normalizePrice(doc.minPrice),
      maxPrice: normalizePrice(doc.maxPrice),
      startDateTime: doc.startDateTime ?? undefined,
      endDateTime: doc.endDateTime ?? undefined,
      elements: normalizeElements(doc.elements),
      updatedAt: doc.updatedAt ?? doc.createdAt ?? new Date(0),
      createdAt: doc.createdAt,
    };
  }
}
