import { Connection, ConnectionArgs, TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { RoamingToken, RoamingTokenType } from './roaming-token';
import { RoamingTokenDocument } from './schemas/roaming-token.schema';

export interface TokenKey {
  countryCode: string;
  partyId: string;
  uid: string;
  type: RoamingTokenType;
}

function normalized(key: TokenKey): TokenKey {
  return {
    countryCode: key.countryCode.toUpperCase(),
    partyId: key.partyId.toUpperCase(),
    uid: key.uid.toUpperCase(),
    type: key.type,
  };
}

@Injectable()
export class RoamingTokenRepository extends TenantRepository<RoamingTokenDocument, RoamingToken> {
  constructor(@InjectModel(RoamingTokenDocument.name) model: Model<RoamingTokenDocument>) {
    super(model);
  }

  find(tenantId: TenantId, key: TokenKey): Promise<RoamingToken | null> {
    return this.findOne(tenantId, normalized(key));
  }

  /** Tokens of any eMSP with this uid (a station reads only the uid). */
  findByUid(tenantId: TenantId, uid: string): Promise<RoamingToken[]> {
    return this.findMany(tenantId, { uid: uid.toUpperCase() }, 10);
  }

  /** Stores the token; true when it was new. */
  async upsert(tenantId: TenantId, token: RoamingToken): Promise<boolean> {
    const key = normalized(token);
    const existed = await this.model.exists(this.scope(tenantId, key)).exec();
    await this.updateOne(tenantId, key, { $set: { ...token, ...key } }, { upsert: true });
    return !existed;
  }

  page(
    tenantId: TenantId,
    partnerId: string | undefined,
    args: ConnectionArgs,
  ): Promise<Connection<RoamingToken>> {
    return this.findPage(tenantId, partnerId ? { partnerId } : {}, args, { field: '_id', direction: 1 });
  }

  protected toEntity(doc: Lean<RoamingTokenDocument>): RoamingToken {
    return {
      partnerId: doc.partnerId,
      countryCode: doc.countryCode,
      partyId: doc.partyId,
      uid: doc.uid,
      type: doc.type,
      contractId: doc.contractId,
      visualNumber: doc.visualNumber,
      issuer: doc.issuer,
      groupId: doc.groupId,
      valid: doc.valid,
      whitelist: doc.whitelist,
      language: doc.language,
      lastUpdated: doc.lastUpdated,
    };
  }
}
