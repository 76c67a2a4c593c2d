export * from './consumptions/consumption-batch-writer';
export { ConsumptionRepository } from './consumptions/consumption.repository';
export * from './consumptions/consumption-math';
export * from './events/transaction-events';
export * from './models/consumption.model';
export * from './models/transaction.model';
export * from './ports/transaction-inbound.port';
export * from './transaction.service';
export * from './transactions.module';
