import { AppAbility, Principal, accessibleQuery, canOn } from '@csms/auth';
import { Connection, ConnectionArgs, ForbiddenError, NotFoundError, TenantId } from '@csms/common';
import { StationCommandService } from '@csms/stations';
import { Injectable } from '@nestjs/common';
import { FilterQuery } from 'mongoose';
import { ActiveTransactionCache } from './active-transaction-cache';
import { TransactionFilter } from './dto/transaction-filter.input';
import { Transaction } from './models/transaction.model';
import { TransactionDocument } from './schemas/transaction.schema';
import { TransactionRepository } from './transaction.repository';

/** What GraphQL callers may read and do with sessions, scoped by tenant and by their ability. */
@Injectable()
export class TransactionQueryService {
  constructor(
    private readonly transactions: TransactionRepository,
    private readonly commands: StationCommandService,
    private readonly active: ActiveTransactionCache,
  ) {}

  /** The session when the caller may read it; others do not exist for it. */
  async findReadable(principal: Principal, ability: AppAbility, id: string): Promise<Transaction | null> {
    const transaction = await this.transactions.findById(principal.tenantId, id);
    return transaction && canOn(ability, 'read', 'Transaction', transaction)
      ? this.withLiveProgress(transaction)
      : null;
  }

  async page(
    principal: Principal,
    ability: AppAbility,
    filter: TransactionFilter | undefined,
    args: ConnectionArgs,
  ): Promise<Connection<Transaction>> {
    const page = await this.transactions.page(principal.tenantId, listable(ability, filter), args);
    return {
      ...page,
      edges: page.edges.map((edge) => ({ ...edge, node: this.withLiveProgress(edge.node) })),
    };
  }

  /** What the caller may list of `filter`, streamed (exports); open sessions as last stored. */
  listable(
    principal: Principal,
    ability: AppAbility,
    filter?: TransactionFilter,
  ): AsyncGenerator<Transaction> {
    return this.transactions.matching(principal.tenantId, listable(ability, filter));
  }

  countListable(principal: Principal, ability: AppAbility, filter?: TransactionFilter): Promise<number> {
    return this.transactions.count(principal.tenantId, listable(ability, filter));
  }

  /** Open sessions served here carry their latest energy from memory (the stored copy lags a little). */
  private withLiveProgress(transaction: Transaction): Transaction {
    if (!transaction.active) return transaction;
    const live = this.active.get(
      transaction.tenantId as TenantId,
      transaction.chargingStationId,
      transaction.ocppTransactionId,
    )?.transaction;
    return live
      ? {
          ...transaction,
          energyWh: live.energyWh,
          lastMeterValueAt: live.lastMeterValueAt,
          price: live.price,
        }
      : transaction;
  }

  /** Asks the station to stop the session; the answer is the station's. */
  async remoteStop(principal: Principal, ability: AppAbility, id: string): Promise<{ status: string }> {
    const transaction = await this.findReadable(principal, ability, id);
    if (!transaction) throw new NotFoundError('Transaction', id);
    if (!canOn(ability, 'stop', 'Transaction', transaction))
      throw new ForbiddenError('You may not stop this session');
    return this.sendStop(principal.tenantId, transaction);
  }

  private sendStop(tenantId: TenantId, transaction: Transaction): Promise<{ status: string }> {
    return this.commands.send(tenantId, transaction.chargingStationId, (port) =>
      port.remoteStop(tenantId, transaction.chargingStationId, transaction.ocppTransactionId),
    );
  }
}

/** The database filter of what `ability` may list, narrowed by `filter`. */
function listable(
  ability: AppAbility,
  filter: TransactionFilter | undefined,
): FilterQuery<TransactionDocument> {
  const conditions: FilterQuery<TransactionDocument>[] = [accessibleQuery(ability, 'list', 'Transaction')];
  if (filter?.chargingStationId) conditions.push({ chargingStationId: filter.chargingStationId });
  if (filter?.active !== undefined && filter.active !== null) conditions.push({ active: filter.active });
  if (filter?.userId) conditions.push({ userId: filter.userId });
  if (filter?.from) conditions.push({ startedAt: { $gte: filter.from } });
  if (filter?.to) conditions.push({ startedAt: { $lt: filter.to } });
  const query = conditions.filter((condition) => Object.keys(condition).length > 0);
  return query.length ? { $and: query } : {};
}
