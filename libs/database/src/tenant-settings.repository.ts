import { TenantId } from '@csms/common';
import { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { TenantDocument } from './tenant-document';

/**
 * A module's settings of one tenant, one document whose _id is the tenant id: read over the
 * defaults, changed field by field (absent and null fields keep their value).
 */
export abstract class TenantSettingsRepository<T extends object, D extends TenantDocument> {
  protected constructor(
    protected readonly model: Model<D>,
    private readonly defaults: T,
    private readonly fields: readonly (keyof T)[],
  ) {}

  async get(tenantId: TenantId): Promise<T & { updatedAt?: Date }> {
    const doc = await this.model.findOne(this.of(tenantId)).lean<Partial<T> & { updatedAt?: Date }>().exec();
    return { ...this.defaults, ...this.stored(doc ?? {}), updatedAt: doc?.updatedAt };
  }

  async update(tenantId: TenantId, changes: Partial<T>): Promise<T & { updatedAt?: Date }> {
    await this.model
      .updateOne(this.of(tenantId), { $set: this.stored(changes) } as UpdateQuery<D>, { upsert: true })
      .exec();
    return this.get(tenantId);
  }

  private of(tenantId: TenantId): FilterQuery<D> {
    return { _id: tenantId, tenantId };
  }

  private stored(settings: Partial<T>): Partial<T> {
    return Object.fromEntries(
      this.fields
        .filter((key) => settings[key] !== undefined && settings[key] !== null)
        .map((key) => [key, settings[key]]),
    ) as Partial<T>;
  }
}
