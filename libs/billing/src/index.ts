// The public API of libs/billing: the module, and the billing port for a second provider.
export * from './billing.module';
export * from './provider/billing-provider.port';
export * from './settings/billing-settings.service';
export * from './accounts/billing-account.service';
export * from './webhooks/webhook-path';
