import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { createHash } from 'node:crypto';
import { OAuth2StateDocument } from '../schemas/oauth2-state.schema';

export interface PendingAuthorization {
  tenantId: string;
  userId: string;
  kind: string;
  redirectUri: string;
  expiresAt: Date;
}

function stateId(state: string): string {
  return createHash('sha256').update(state).digest('hex');
}

/** Authorizations in progress, keyed by their state (hashed); each is taken once. */
@Injectable()
export class OAuth2StateRepository {
  constructor(@InjectModel(OAuth2StateDocument.name) private readonly model: Model<OAuth2StateDocument>) {}

  async add(state: string, pending: PendingAuthorization): Promise<void> {
    await this.model.deleteMany({ expiresAt: { $lt: new Date() } }).exec();
    await this.model.create({ _id: stateId(state), ...pending });
  }

  /** The authorization of `state`, deleted as it is read (a replayed callback finds nothing). */
  async take(state: string): Promise<PendingAuthorization | null> {
    const doc = await this.model
      .findOneAndDelete({ _id: stateId(state) })
      .lean<OAuth2StateDocument>()
      .exec();
    if (!doc || doc.expiresAt.getTime() < Date.now()) return null;
    return {
      tenantId: doc.tenantId,
      userId: doc.userId,
      kind: doc.kind,
      redirectUri: doc.redirectUri,
      expiresAt: doc.expiresAt,
    };
  }
}
