export * from './roaming.module';
export { OcpiMessageRepository } from './ocpi/log/ocpi-message.repository';
