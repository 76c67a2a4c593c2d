import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ProviderPaymentMethod } from '../provider/billing-provider.port';
import { BillingAccount } from './billing-account';
import { BillingAccountDocument } from './schemas/billing-account.schema';

@Injectable()
export class BillingAccountRepository extends TenantRepository<BillingAccountDocument, BillingAccount> {
  constructor(@InjectModel(BillingAccountDocument.name) model: Model<BillingAccountDocument>) {
    super(model);
  }

  async ofUser(tenantId: TenantId, userId: string): Promise<BillingAccount> {
    return (
      (await this.findById(tenantId, userId)) ?? {
        tenantId,
        userId,
        customerGeneration: 0,
        freeAccess: false,
        paymentMethods: [],
      }
    );
  }

  /** The tenant's users that have a customer at the provider. */
  withCustomer(tenantId: TenantId): Promise<BillingAccount[]> {
    return this.findMany(tenantId, { customerId: { $exists: true } });
  }

  findByCustomer(tenantId: TenantId, customerId: string): Promise<BillingAccount | null> {
    return this.findOne(tenantId, { customerId });
  }

  async setCustomer(
    tenantId: TenantId,
    userId: string,
    customerId: string,
    providerAccount: string,
  ): Promise<void> {
    await this.updateOne(
      tenantId,
      { _id: userId },
      { $set: { customerId, providerAccount } },
      { upsert: true },
    );
  }

  /** The customer is gone (deleted at the provider): forgotten with its cards, only if it still is this one. */
  async forgetCustomer(tenantId: TenantId, customerId: string): Promise<BillingAccount | null> {
    return this.updateOne(
      tenantId,
      { customerId },
      {
        $unset: { customerId: 1, providerAccount: 1 },
        $set: { paymentMethods: [], paymentMethodsSyncedAt: new Date() },
        $inc: { customerGeneration: 1 },
      },
    );
  }

  async setPaymentMethods(
    tenantId: TenantId,
    userId: string,
    methods: ProviderPaymentMethod[],
  ): Promise<void> {
    await this.updateOne(
      tenantId,
      { _id: userId },
      { $set: { paymentMethods: methods, paymentMethodsSyncedAt: new Date() } },
      { upsert: true },
    );
  }

  async setFreeAccess(tenantId: TenantId, userId: string, freeAccess: boolean): Promise<void> {
    await this.updateOne(tenantId, { _id: userId }, { $set: { freeAccess } }, { upsert: true });
  }

  protected toEntity(doc: Lean<BillingAccountDocument>): BillingAccount {
    return {
      userId: doc._id,
      tenantId: doc.tenantId,
      customerId: doc.customerId,
      providerAccount: doc.providerAccount,
      customerGeneration: doc.customerGeneration ?? 0,
      freeAccess: doc.freeAccess ?? false,
      paymentMethods: doc.paymentMethods ?? [],
      paymentMethodsSyncedAt: doc.paymentMethodsSyncedAt,
    };
  }
}
