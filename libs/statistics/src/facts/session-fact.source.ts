import { TenantId } from '@csms/common';
import { ConsumptionRepository, TransactionService } from '@csms/transactions';
import { Injectable } from '@nestjs/common';
import { SessionFact } from './session-fact';
import { sessionFactOf } from './session-fact.builder';
import { SessionPlaceResolver } from './session-place.resolver';

/** A stopped session's fact, from the session as stored now, its curve and where its station stands. */
@Injectable()
export class SessionFactSource {
  constructor(
    private readonly transactions: TransactionService,
    private readonly consumptions: ConsumptionRepository,
    private readonly places: SessionPlaceResolver,
  ) {}

  /** Null when the session is unknown or still open. */
  async factOf(tenantId: TenantId, transactionId: string): Promise<SessionFact | null> {
    const transaction = await this.transactions.findById(tenantId, transactionId);
    if (!transaction || transaction.active) return null;
    const [place, curves] = await Promise.all([
      this.places.placeOf(tenantId, transaction.chargingStationId),
      this.consumptions.findForTransactions(tenantId, [transaction.id]),
    ]);
    return sessionFactOf(transaction, place, curves.get(transaction.id) ?? []);
  }
}
