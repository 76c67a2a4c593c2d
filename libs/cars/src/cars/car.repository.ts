import { Connection, ConnectionArgs, TenantId } from '@csms/common';
import { Lean, TenantRepository, replacementOf } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { Car } from './car';
import { CarDocument } from './schemas/car.schema';

export type CarFields = Omit<Car, 'id' | 'createdAt'>;

@Injectable()
export class CarRepository extends TenantRepository<CarDocument, Car> {
  constructor(@InjectModel(CarDocument.name) model: Model<CarDocument>) {
    super(model);
  }

  create(tenantId: TenantId, fields: CarFields): Promise<Car> {
    return this.insert(tenantId, toDocument(fields));
  }

  findAccessible(tenantId: TenantId, id: string, accessible: FilterQuery<CarDocument>): Promise<Car | null> {
    return this.findOne(tenantId, { $and: [{ _id: id }, accessible] });
  }

  findByVin(tenantId: TenantId, vin: string): Promise<Car | null> {
    return this.findOne(tenantId, { vin });
  }

  findDefault(tenantId: TenantId, userId: string): Promise<Car | null> {
    return this.findOne(tenantId, { userId, isDefault: true });
  }

  /** The default cars of these users. */
  defaultsOf(tenantId: TenantId, userIds: readonly string[]): Promise<Car[]> {
    return this.findMany(tenantId, { userId: { $in: [...userIds] }, isDefault: true });
  }

  page(
    tenantId: TenantId,
    accessible: FilterQuery<CarDocument>,
    userId: string | undefined,
    args: ConnectionArgs,
  ): Promise<Connection<Car>> {
    const filter = userId ? { $and: [accessible, { userId }] } : accessible;
    return this.findPage(tenantId, filter, args, { field: 'createdAt', direction: 1 });
  }

  /** Sets every field; optional ones left undefined are removed. */
  replace(tenantId: TenantId, id: string, fields: CarFields): Promise<Car | null> {
    return this.updateOne(tenantId, { _id: id }, replacementOf(toDocument(fields)));
  }

  /** Keeps one default car per user: clears the flag on the user's other cars. */
  async clearOtherDefaults(tenantId: TenantId, userId: string, keepId: string): Promise<void> {
    await this.model
      .updateMany(this.scope(tenantId, { userId, _id: { $ne: keepId } }), { $set: { isDefault: false } })
      .exec();
  }

  remove(tenantId: TenantId, id: string): Promise<boolean> {
    return this.deleteOne(tenantId, { _id: id });
  }

  protected toEntity(doc: Lean<CarDocument>): Car {
    const converter =
      doc.converterPowerKw !== undefined && doc.converterPowerKw !== null
        ? {
            powerKw: doc.converterPowerKw,
            phases: doc.converterPhases ?? 1,
            ampsPerPhase: doc.converterAmpsPerPhase ?? 0,
          }
        : undefined;
    return {
      id: doc._id,
      userId: doc.userId,
      carModelId: doc.carModelId,
      vin: doc.vin ?? undefined,
      licensePlate: doc.licensePlate ?? undefined,
      converter,
      isDefault: doc.isDefault ?? false,
      createdAt: doc.createdAt,
    };
  }
}

function toDocument(fields: CarFields): Omit<CarDocument, '_id' | 'tenantId'> {
  const { converter, ...rest } = fields;
  return {
    ...rest,
    converterPowerKw: converter?.powerKw,
    converterPhases: converter?.phases,
    converterAmpsPerPhase: converter?.ampsPerPhase,
  };
}
