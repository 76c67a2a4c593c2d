import { TenantId } from '@csms/common';
import { minorUnitsOf } from '@csms/pricing';
import { TenantService } from '@csms/users';
import { Injectable } from '@nestjs/common';
import { InvoiceLine } from '../invoices/invoice';
import { taxMinorOf } from '../sessions/invoice-lines';
import { SessionBillingRepository } from '../sessions/session-billing.repository';
import { BillingSettingsService } from '../settings/billing-settings.service';
import { BillingPeriod, billingPeriodOf } from './billing-period';

/** Sessions shown in a draft at most (a month of a fleet's car is far fewer). */
const MAX_SESSIONS = 500;

/** A user's monthly invoice as it stands: the sessions it will gather when the month ends. */
export interface UpcomingInvoice {
  period: BillingPeriod;
  timeZone: string;
  currency: string;
  /** In currency units: without tax, the tax, and the total. */
  subtotal: number;
  tax: number;
  amount: number;
  transactionIds: string[];
  lines: InvoiceLine[];
}

/**
 * The current monthly draft of a user, read from the sessions billing planned (no provider request):
 * in periodic billing, each user's sessions wait for the end of the month of the tenant's time zone.
 */
@Injectable()
export class UpcomingInvoices {
  constructor(
    private readonly settings: BillingSettingsService,
    private readonly sessions: SessionBillingRepository,
    private readonly tenants: TenantService,
  ) {}

  /** Null when the tenant bills each session at once (or not at all): there is no monthly draft. */
  async of(tenantId: TenantId, userId: string): Promise<UpcomingInvoice | null> {
    const settings = await this.settings.get(tenantId);
    if (!settings.enabled || settings.immediateBilling || !settings.currency) return null;
    const [timeZone, records] = await Promise.all([
      this.tenants.timeZoneOf(tenantId),
      this.sessions.awaitingInvoiceOf(tenantId, userId, MAX_SESSIONS),
    ]);
    const currency = settings.currency;
    const inUnits = (minor: number) => minor / 10 ** minorUnitsOf(currency);
    const lines = records.flatMap((record) => record.lines.map((line) => ({ record, line })));
    const subtotalMinor = lines.reduce((sum, { line }) => sum + line.amountMinor, 0);
    const taxMinor = lines.reduce((sum, { line }) => sum + taxMinorOf(line), 0);
    return {
      period: billingPeriodOf(new Date(), timeZone),
      timeZone,
      currency,
      subtotal: inUnits(subtotalMinor),
      tax: inUnits(taxMinor),
      amount: inUnits(subtotalMinor + taxMinor),
      transactionIds: records.map((record) => record.transactionId),
      lines: lines.map(({ record, line }) => ({
        description: line.description,
        amount: inUnits(line.amountMinor),
        transactionId: record.transactionId,
        dimension: line.dimension,
      })),
    };
  }
}
