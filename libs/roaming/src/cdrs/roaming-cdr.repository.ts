import { TenantId } from '@csms/common';
import { Lean, TenantRepository, isDuplicateKeyError } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { RoamingCdr } from './roaming-cdr';
import { RoamingCdrDocument } from './schemas/roaming-cdr.schema';

@Injectable()
export class RoamingCdrRepository extends TenantRepository<RoamingCdrDocument, RoamingCdr> {
  constructor(@InjectModel(RoamingCdrDocument.name) model: Model<RoamingCdrDocument>) {
    super(model);
  }

  /** Stores the CDR of a session once: a repeated stop of the same session changes nothing. */
  async issue(tenantId: TenantId, cdr: RoamingCdr): Promise<boolean> {
    const { id, ...fields } = cdr;
    try {
      await this.insert(tenantId, { _id: id, ...fields });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** A partner's CDRs in the window, oldest first, and how many match: a partner sees only its own. */
  async pageOfPartner(
    tenantId: TenantId,
    partnerId: string,
    window: { filter: FilterQuery<RoamingCdrDocument>; offset: number; limit: number },
  ): Promise<{ items: RoamingCdr[]; total: number }> {
    const filter = { ...window.filter, partnerId };
    return this.findOffsetPage(tenantId, filter, { lastUpdated: 1, _id: 1 }, window);
  }

  protected toEntity(doc: Lean<RoamingCdrDocument>): RoamingCdr {
    const { _id, tenantId: _tenantId, ...fields } = doc;
    return { ...fields, id: _id };
  }
}
