import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { RemoteStartCarDocument } from './schemas/remote-start-car.schema';

/** A remote start that has not become a session within this time no longer names its car. */
const CHOICE_TTL_MS = 10 * 60_000;

export const choiceId = (chargingStationId: string, tagId: string) => `${chargingStationId}\u0000${tagId}`;

@Injectable()
export class RemoteStartCarRepository extends TenantRepository<RemoteStartCarDocument, string> {
  constructor(@InjectModel(RemoteStartCarDocument.name) model: Model<RemoteStartCarDocument>) {
    super(model);
  }

  async put(tenantId: TenantId, chargingStationId: string, tagId: string, carId: string): Promise<void> {
    await this.model
      .updateOne(
        this.scope(tenantId, { _id: choiceId(chargingStationId, tagId) }),
        { $set: { carId, chosenAt: new Date() } },
        { upsert: true },
      )
      .exec();
  }

  /** The car chosen for the next session of this badge at this station (once), if still fresh. */
  async take(
    tenantId: TenantId,
    chargingStationId: string,
    tagId: string,
    now = new Date(),
  ): Promise<string | null> {
    const taken = await this.model
      .findOneAndDelete(this.scope(tenantId, { _id: choiceId(chargingStationId, tagId) }))
      .lean<Lean<RemoteStartCarDocument>>()
      .exec();
    return taken && now.getTime() - taken.chosenAt.getTime() <= CHOICE_TTL_MS ? taken.carId : null;
  }

  /** The fresh choices for these sessions not yet started, by station and badge (left in place). */
  async pending(
    tenantId: TenantId,
    starts: readonly { chargingStationId: string; tagId: string }[],
    now = new Date(),
  ): Promise<Map<string, string>> {
    if (!starts.length) return new Map();
    const found = await this.model
      .find(
        this.scope(tenantId, {
          _id: { $in: starts.map((start) => choiceId(start.chargingStationId, start.tagId)) },
        }),
      )
      .lean<Lean<RemoteStartCarDocument>[]>()
      .exec();
    return new Map(
      found
        .filter((choice) => now.getTime() - choice.chosenAt.getTime() <= CHOICE_TTL_MS)
        .map((choice) => [choice._id, choice.carId]),
    );
  }

  async forget(tenantId: TenantId, chargingStationId: string, tagId: string): Promise<void> {
    await this.deleteOne(tenantId, { _id: choiceId(chargingStationId, tagId) });
  }

  protected toEntity(doc: Lean<RemoteStartCarDocument>): string {
    return doc.carId;
  }
}
