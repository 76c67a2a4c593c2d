export * from './domain-event';
export * from './event-bus';
export * from './events.module';
export * from './in-process-event-bus';
