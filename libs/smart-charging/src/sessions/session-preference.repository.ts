import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ChargingPreferences } from './session-preference';
import { SessionPreferenceDocument } from './session-preference.schema';

@Injectable()
export class SessionPreferenceRepository extends TenantRepository<
  SessionPreferenceDocument,
  ChargingPreferences
> {
  constructor(@InjectModel(SessionPreferenceDocument.name) model: Model<SessionPreferenceDocument>) {
    super(model);
  }

  async ofTransactions(
    tenantId: TenantId,
    transactionIds: readonly string[],
  ): Promise<Map<string, ChargingPreferences>> {
    const found = await this.findMany(tenantId, { transactionId: { $in: [...transactionIds] } });
    return new Map(found.map((preferences) => [preferences.transactionId, preferences]));
  }

  async save(tenantId: TenantId, preferences: ChargingPreferences): Promise<ChargingPreferences> {
    const { transactionId, ...fields } = preferences;
    const set = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    return (await this.updateOne(tenantId, { transactionId }, { $set: set }, { upsert: true }))!;
  }

  protected toEntity(doc: Lean<SessionPreferenceDocument>): ChargingPreferences {
    return { transactionId: doc.transactionId, departureAt: doc.departureAt, targetSoc: doc.targetSoc };
  }
}
