import { TenantId, definedOnly } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { UserConnection } from './user-connection';
import { UserConnectionDocument } from './schemas/user-connection.schema';

export function connectionId(userId: string, kind: string): string {
  return `${userId}|${kind}`;
}

@Injectable()
export class UserConnectionRepository extends TenantRepository<UserConnectionDocument, UserConnection> {
  constructor(@InjectModel(UserConnectionDocument.name) model: Model<UserConnectionDocument>) {
    super(model);
  }

  find(tenantId: TenantId, userId: string, kind: string): Promise<UserConnection | null> {
    return this.findById(tenantId, connectionId(userId, kind));
  }

  /** Stores the tokens of a new connection, replacing any earlier one of the user and kind. */
  async connect(
    tenantId: TenantId,
    connection: Omit<UserConnection, 'tenantId' | 'brokenReason'>,
  ): Promise<UserConnection> {
    const stored = await this.updateOne(
      tenantId,
      { _id: connectionId(connection.userId, connection.kind) },
      {
        $set: definedOnly(connection),
        $unset: {
          brokenReason: 1,
          ...(connection.refreshTokenSealed ? {} : { refreshTokenSealed: 1 }),
          ...(connection.expiresAt ? {} : { expiresAt: 1 }),
        },
      },
      { upsert: true },
    );
    return stored!;
  }

  /** Stores refreshed tokens (a refresh token not rotated stays as it was). */
  async refreshed(
    tenantId: TenantId,
    userId: string,
    kind: string,
    tokens: Pick<UserConnection, 'accessTokenSealed' | 'refreshTokenSealed' | 'expiresAt'>,
  ): Promise<void> {
    await this.model
      .updateOne(this.scope(tenantId, { _id: connectionId(userId, kind) }), {
        $set: definedOnly(tokens),
      })
      .exec();
  }

  async markBroken(tenantId: TenantId, userId: string, kind: string, reason: string): Promise<void> {
    await this.model
      .updateOne(this.scope(tenantId, { _id: connectionId(userId, kind) }), {
        $set: { brokenReason: reason },
      })
      .exec();
  }

  remove(tenantId: TenantId, userId: string, kind: string): Promise<boolean> {
    return this.deleteOne(tenantId, { _id: connectionId(userId, kind) });
  }

  protected toEntity(doc: Lean<UserConnectionDocument>): UserConnection {
    return {
      tenantId: doc.tenantId,
      userId: doc.userId,
      kind: doc.kind,
      accessTokenSealed: doc.accessTokenSealed,
      refreshTokenSealed: doc.refreshTokenSealed,
      expiresAt: doc.expiresAt,
      extras: doc.extras ?? {},
      brokenReason: doc.brokenReason,
      connectedAt: doc.connectedAt,
    };
  }
}
