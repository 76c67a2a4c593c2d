export * from './domain-event';
export * from './event-bus';
export * from './events.module';
export * from './in-process-event-bus';
export * from './redis/redis-event-bus';
export * from './redis/wire-json';
