import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { ExportCell, ExportJob, ExportKind, ExportRegistry, ExportScope, ExportService } from '@csms/exports';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { TransactionFilter } from '../dto/transaction-filter.input';
import { Transaction } from '../models/transaction.model';
import { TransactionQueryService } from '../transaction-query.service';

/** The price pricing puts on a session (SessionPrice in the contract), when it is there. */
interface PricedSession {
  price?: { exclVat: number; inclVat?: number | null; currency: string } | null;
}

const COLUMNS = [
  'id',
  'ocppTransactionId',
  'chargingStationId',
  'connectorId',
  'tagId',
  'userId',
  'startedAt',
  'stoppedAt',
  'durationMinutes',
  'energyKwh',
  'meterStartWh',
  'meterStopWh',
  'stopReason',
  'priceExclVat',
  'priceInclVat',
  'currency',
] as const;

function rowOf(session: Transaction & PricedSession): ExportCell[] {
  const end = session.stoppedAt ?? session.lastMeterValueAt;
  const minutes = end ? Math.round((end.getTime() - session.startedAt.getTime()) / 600) / 100 : null;
  return [
    session.id,
    session.ocppTransactionId,
    session.chargingStationId,
    session.connectorId,
    session.tagId,
    session.userId,
    session.startedAt,
    session.stoppedAt,
    minutes,
    session.energyWh / 1000,
    session.meterStartWh,
    session.meterStopWh,
    session.stopReason,
    session.price?.exclVat,
    session.price?.inclVat,
    session.price?.currency,
  ];
}

/** Sessions with their energy and price, as the caller may list them. */
@Injectable()
export class SessionsExport implements ExportKind<TransactionFilter | undefined>, OnModuleInit {
  readonly name = 'sessions';
  readonly subject = 'Transaction' as const;
  readonly columns = COLUMNS;

  constructor(
    private readonly registry: ExportRegistry,
    private readonly sessions: TransactionQueryService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  count({ principal, ability }: ExportScope, filter: TransactionFilter | undefined): Promise<number> {
    return this.sessions.countListable(principal, ability, filter);
  }

  async *rows(
    { principal, ability }: ExportScope,
    filter: TransactionFilter | undefined,
  ): AsyncIterable<ExportCell[]> {
    for await (const session of this.sessions.listable(principal, ability, filter)) yield rowOf(session);
  }
}

@Resolver()
export class SessionsExportResolver {
  constructor(private readonly exports: ExportService) {}

  @Mutation(() => ExportJob, { description: 'CSV of the sessions you may list: energy, duration, price' })
  @CheckAbility('list', 'Transaction')
  exportSessions(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('filter', { type: () => TransactionFilter, nullable: true }) filter?: TransactionFilter,
  ): Promise<ExportJob> {
    return this.exports.start(principal, ability, 'sessions', filter);
  }
}
