import { OicpSettingsModel } from './models/oicp-settings.model';
import { OicpSettings } from './oicp-settings';

const DAY_MS = 86_400_000;
/** Admins are warned this many days before the client certificate expires. */
export const CERTIFICATE_WARNING_DAYS = 30;

export function daysUntil(at: Date, now = new Date()): number {
  return Math.floor((at.getTime() - now.getTime()) / DAY_MS);
}

export function presentOicpSettings(settings: OicpSettings, now = new Date()): OicpSettingsModel {
  const days = settings.certificateExpiresAt ? daysUntil(settings.certificateExpiresAt, now) : undefined;
  return {
    enabled: settings.enabled,
    operatorId: settings.operatorId,
    operatorName: settings.operatorName,
    hotlinePhoneNumber: settings.hotlinePhoneNumber,
    baseUrl: settings.baseUrl,
    dynamicPricing: settings.dynamicPricing ?? false,
    hasClientCertificate: Boolean(settings.clientCertificate),
    certificateSubject: settings.certificateSubject,
    certificateExpiresAt: settings.certificateExpiresAt,
    certificateExpiresInDays: days,
    certificateExpiresSoon: days !== undefined && days < CERTIFICATE_WARNING_DAYS,
    hasCaCertificate: Boolean(settings.caCertificate),
  };
}
