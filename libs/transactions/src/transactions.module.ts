import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ActiveTransactionCache } from './active-transaction-cache';
import { ConsumptionBatchWriter } from './consumptions/consumption-batch-writer';
import { ConsumptionRepository } from './consumptions/consumption.repository';
import { SessionsExport, SessionsExportResolver } from './exports/sessions.export';
import { StaticLimitListener } from './limits/static-limit.listener';
import { TransactionLoaderFactory } from './loaders/transaction-loaders';
import { TransactionInbound } from './ports/transaction-inbound.port';
import { ConsumptionDocument, ConsumptionSchema } from './schemas/consumption.schema';
import { StationMeterValueDocument, StationMeterValueSchema } from './schemas/station-meter-value.schema';
import { TransactionCounterDocument, TransactionCounterSchema } from './schemas/transaction-counter.schema';
import { TransactionDocument, TransactionSchema } from './schemas/transaction.schema';
import { RunningCostNotifier } from './pricing/running-cost.notifier';
import { SessionPricingService } from './pricing/session-pricing.service';
import { TransactionCounterRepository } from './transaction-counter.repository';
import { TransactionProgressWriter } from './transaction-progress-writer';
import { TransactionQueryService } from './transaction-query.service';
import { TransactionRepository } from './transaction.repository';
import { TransactionResolver } from './transaction.resolver';
import { TransactionService } from './transaction.service';

/** Sessions and their charging curves; the OCPP edge reports to it through TransactionInbound. */
@Global()
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: TransactionDocument.name, schema: TransactionSchema },
      { name: ConsumptionDocument.name, schema: ConsumptionSchema },
      { name: StationMeterValueDocument.name, schema: StationMeterValueSchema },
      { name: TransactionCounterDocument.name, schema: TransactionCounterSchema },
    ]),
  ],
  providers: [
    TransactionRepository,
    TransactionCounterRepository,
    ConsumptionRepository,
    ConsumptionBatchWriter,
    ActiveTransactionCache,
    TransactionProgressWriter,
    SessionPricingService,
    RunningCostNotifier,
    TransactionService,
    TransactionQueryService,
    TransactionLoaderFactory,
    TransactionResolver,
    StaticLimitListener,
    SessionsExport,
    SessionsExportResolver,
    { provide: TransactionInbound, useExisting: TransactionService },
  ],
  exports: [
    TransactionInbound,
    TransactionService,
    TransactionQueryService,
    ConsumptionBatchWriter,
    ConsumptionRepository,
    SessionPricingService,
  ],
})
export class TransactionsModule {}
