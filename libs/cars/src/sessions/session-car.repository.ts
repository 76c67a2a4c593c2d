import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { SessionCarDocument } from './schemas/session-car.schema';

export interface SessionCar {
  transactionId: string;
  carId: string;
}

@Injectable()
export class SessionCarRepository extends TenantRepository<SessionCarDocument, SessionCar> {
  constructor(@InjectModel(SessionCarDocument.name) model: Model<SessionCarDocument>) {
    super(model);
  }

  /** Idempotent: a start delivered twice records the same car once. */
  async put(tenantId: TenantId, transactionId: string, carId: string): Promise<void> {
    await this.model
      .updateOne(this.scope(tenantId, { _id: transactionId }), { $set: { carId } }, { upsert: true })
      .exec();
  }

  /** The cars noted for these sessions, by transaction id. */
  async ofSessions(tenantId: TenantId, transactionIds: readonly string[]): Promise<Map<string, string>> {
    const noted = await this.findByIds(tenantId, transactionIds);
    return new Map(noted.map((sessionCar) => [sessionCar.transactionId, sessionCar.carId]));
  }

  protected toEntity(doc: Lean<SessionCarDocument>): SessionCar {
    return { transactionId: doc._id, carId: doc.carId };
  }
}
