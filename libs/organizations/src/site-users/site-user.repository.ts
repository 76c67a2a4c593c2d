import { Connection, TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { SiteUsersArgs } from './dto/site-users.args';
import { SiteUserRole } from './models/site-user-role';
import { SiteUser } from './models/site-user.model';
import { SiteUserDocument } from './schemas/site-user.schema';

@Injectable()
export class SiteUserRepository extends TenantRepository<SiteUserDocument, SiteUser> {
  constructor(@InjectModel(SiteUserDocument.name) model: Model<SiteUserDocument>) {
    super(model);
  }

  /** Idempotent: assigning a role twice keeps one. */
  async assign(tenantId: TenantId, siteId: string, userId: string, role: SiteUserRole): Promise<SiteUser> {
    const assigned = await this.updateOne(
      tenantId,
      { siteId, userId, role },
      { $setOnInsert: { siteId, userId, role } },
      { upsert: true },
    );
    if (!assigned) throw new Error(`Upsert of site user ${siteId}/${userId} returned nothing`);
    return assigned;
  }

  remove(tenantId: TenantId, siteId: string, userId: string, role: SiteUserRole): Promise<boolean> {
    return this.deleteOne(tenantId, { siteId, userId, role });
  }

  async removeSite(tenantId: TenantId, siteId: string): Promise<void> {
    await this.model.deleteMany(this.scope(tenantId, { siteId })).exec();
  }

  /** Every role of the user, on any site of the tenant. */
  rolesOf(tenantId: TenantId, userId: string): Promise<SiteUser[]> {
    return this.findMany(tenantId, { userId });
  }

  page(tenantId: TenantId, args: SiteUsersArgs): Promise<Connection<SiteUser>> {
    const filter: FilterQuery<SiteUserDocument> = { siteId: args.siteId };
    if (args.role) filter.role = args.role;
    return this.findPage(tenantId, filter, args, { field: 'userId', direction: 1 });
  }

  protected toEntity(doc: Lean<SiteUserDocument>): SiteUser {
    return { id: doc._id, siteId: doc.siteId, userId: doc.userId, role: doc.role, createdAt: doc.createdAt };
  }
}
