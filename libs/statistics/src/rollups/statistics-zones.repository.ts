import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { StatisticsZonesDocument } from './schemas/statistics-zones.schema';

@Injectable()
export class StatisticsZonesRepository extends TenantRepository<StatisticsZonesDocument, string[]> {
  constructor(@InjectModel(StatisticsZonesDocument.name) model: Model<StatisticsZonesDocument>) {
    super(model);
  }

  async list(tenantId: TenantId): Promise<string[]> {
    return (await this.findById(tenantId, tenantId)) ?? [];
  }

  async add(tenantId: TenantId, zones: readonly string[]): Promise<void> {
    await this.updateOne(
      tenantId,
      { _id: tenantId },
      { $addToSet: { zones: { $each: zones } } },
      { upsert: true },
    );
  }

  protected toEntity(doc: Lean<StatisticsZonesDocument>): string[] {
    return doc.zones ?? [];
  }
}
