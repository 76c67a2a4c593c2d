// The public API of libs/refunds: the module, and the job queues (tests and tools wait on them).
export * from './refunds.module';
export { REFUND_REPORT_QUEUE } from './reports/refund-report.job';
export { REFUND_STATUS_QUEUE } from './reports/refund-report.flow';
export * from './settings/refund-settings.service';
