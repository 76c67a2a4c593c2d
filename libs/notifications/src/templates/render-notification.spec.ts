import { LOCALES, resolveLocale } from '@csms/common';
import { NotificationData, NotificationType } from '../notification-type';
import { renderNotification } from './render-notification';

const LINK = 'https://csms.example/reset-password?tenant=acme&token=abc';

const SAMPLES: { [T in NotificationType]: NotificationData[T] } = {
  [NotificationType.PASSWORD_RESET]: { link: LINK, expiresInMinutes: 60 },
  [NotificationType.EMAIL_VERIFICATION]: { link: LINK },
  [NotificationType.ACCOUNT_STATUS_CHANGED]: { status: 'BLOCKED' },
  [NotificationType.NEW_USER_REGISTERED]: {
    newUserEmail: 'new@example.com',
    newUserName: 'Nina New',
    link: LINK,
  },
  [NotificationType.SESSION_STARTED]: {
    chargingStationId: 'CS-42',
    connectorId: 2,
    startedAt: new Date('2026-03-01T08:00:00Z'),
    link: LINK,
  },
  [NotificationType.SESSION_ENDED]: {
    chargingStationId: 'CS-42',
    connectorId: 2,
    energyWh: 12_345,
    durationMinutes: 95,
    link: LINK,
  },
  [NotificationType.END_OF_CHARGE]: {
    chargingStationId: 'CS-42',
    connectorId: 2,
    energyWh: 12345,
    stateOfCharge: 100,
    link: LINK,
  },
  [NotificationType.OPTIMAL_CHARGE_REACHED]: {
    chargingStationId: 'CS-42',
    connectorId: 2,
    stateOfCharge: 81,
    energyWh: 12345,
    link: LINK,
  },
  [NotificationType.STATION_STATUS_ERROR]: {
    chargingStationId: 'CS-42',
    connectorId: 2,
    errorCode: 'GroundFailure',
    link: LINK,
  },
  [NotificationType.STATION_OFFLINE]: {
    chargingStationId: 'CS-42',
    lastSeen: new Date('2026-03-01T08:00:00Z'),
    link: LINK,
  },
  [NotificationType.UNKNOWN_TAG_USED]: {
    chargingStationId: 'CS-42',
    tagId: 'BADGE-0xF00D',
    presentedAt: new Date('2026-03-01T08:00:00Z'),
    link: LINK,
  },
  [NotificationType.SMART_CHARGING_STATION_EXCLUDED]: {
    chargingStationId: 'CS-42',
    reason: 'did not take its charging profile: the station answered Rejected',
    link: LINK,
  },
  [NotificationType.BILLING_SESSION_REFUSED]: {
    chargingStationId: 'CS-42',
    reason: 'NO_PAYMENT_METHOD',
    link: LINK,
  },
  [NotificationType.INVOICE_PAID]: { invoiceNumber: 'INV-0042', amount: 12.5, currency: 'EUR', link: LINK },
  [NotificationType.INVOICE_PAYMENT_FAILED]: {
    invoiceNumber: 'INV-0042',
    amount: 12.5,
    currency: 'EUR',
    link: LINK,
  },
  [NotificationType.ROAMING_CERTIFICATE_EXPIRING]: {
    platform: 'Hubject',
    subject: 'CN=DE*VGC',
    expiresAt: new Date('2026-03-15T08:00:00Z'),
    link: LINK,
  },
  [NotificationType.API_KEY_EXPIRING]: {
    keyName: 'Billing export',
    keyPrefix: 'vg_live_acme_AbCd1234',
    expiresAt: new Date('2026-03-15T08:00:00Z'),
    link: LINK,
  },
};

/** One word per language that its greeting must contain, so a wrong language is caught. */
const GREETINGS = {
  en: 'Hello Ana',
  fr: 'Bonjour Ana',
  es: 'Hola Ana',
  de: 'Hallo Ana',
  pt: 'Olá Ana',
  it: 'Ciao Ana',
};

describe('renderNotification', () => {
  const types = Object.values(NotificationType);

  describe.each(LOCALES.map((locale) => [locale]))('in %s', (locale) => {
    it.each(types.map((type) => [type]))('renders %s with the tenant, greeting and data', (type) => {
      const message = renderNotification(type, locale, {
        ...SAMPLES[type],
        tenantName: 'Acme Charge',
        firstName: 'Ana',
      });
      expect(message.subject).toContain('Acme Charge');
      expect(message.text).toContain(GREETINGS[locale]);
      expect(message.text).toContain('Acme Charge');
      expect(message.html).toContain(`<html lang="${locale}">`);
      const data = SAMPLES[type] as Partial<Record<string, unknown>>;
      if (typeof data.link === 'string') {
        expect(message.text).toContain(data.link);
        expect(message.html).toContain(`<a href="${data.link.replace(/&/g, '&#38;')}">`);
      }
      if (typeof data.chargingStationId === 'string') expect(message.text).toContain('CS-42');
      if (type === NotificationType.SESSION_ENDED) expect(message.text).toMatch(/12[.,]35 kWh/);
      if (type === NotificationType.END_OF_CHARGE) {
        expect(message.text).toMatch(/12[.,]35 kWh/);
        expect(message.text).toContain('100 %');
      }
      if (type === NotificationType.NEW_USER_REGISTERED) expect(message.text).toContain('new@example.com');
      if (type === NotificationType.STATION_STATUS_ERROR) expect(message.text).toContain('GroundFailure');
      if (type === NotificationType.STATION_OFFLINE) expect(message.text).toContain('2026');
      if (type === NotificationType.OPTIMAL_CHARGE_REACHED) {
        expect(message.subject).toContain('81 %');
        expect(message.text).toMatch(/12[.,]35 kWh/);
      }
      if (type === NotificationType.SMART_CHARGING_STATION_EXCLUDED) {
        expect(message.subject).toContain('CS-42');
        expect(message.text).toContain('Rejected');
      }
      if (type === NotificationType.ROAMING_CERTIFICATE_EXPIRING) {
        expect(message.subject).toContain('Hubject');
        expect(message.text).toContain('CN=DE*VGC');
        expect(message.text).toContain('2026');
      }
      if (type === NotificationType.API_KEY_EXPIRING) {
        expect(message.subject).toContain('Billing export');
        expect(message.text).toContain('vg_live_acme_AbCd1234');
        expect(message.text).toContain('2026');
      }
      if (type === NotificationType.UNKNOWN_TAG_USED) {
        expect(message.subject).toContain('BADGE-0xF00D');
        expect(message.text).toContain('BADGE-0xF00D');
        expect(message.text).toContain('2026');
      }
    });
  });

  it('translates: the same message differs in every language', () => {
    for (const type of types) {
      const subjects = LOCALES.map(
        (locale) => renderNotification(type, locale, { ...SAMPLES[type], tenantName: 'T' }).subject,
      );
      expect(new Set(subjects).size).toBe(LOCALES.length);
    }
  });

  it('names the account status in the language of the message', () => {
    const status = (locale: (typeof LOCALES)[number]) =>
      renderNotification(NotificationType.ACCOUNT_STATUS_CHANGED, locale, {
        status: 'BLOCKED',
        tenantName: 'T',
      }).text;
    expect(status('en')).toContain('blocked');
    expect(status('fr')).toContain('bloqué');
    expect(status('de')).toContain('blockiert');
  });

  it('escapes HTML from data', () => {
    const message = renderNotification(NotificationType.NEW_USER_REGISTERED, 'en', {
      newUserEmail: 'x@example.com',
      newUserName: '<script>alert(1)</script>',
      link: LINK,
      tenantName: 'T',
    });
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&#60;script&#62;');
  });

  it('falls back to English for unsupported locales and reads regional ones', () => {
    expect(resolveLocale('fr-CA')).toBe('fr');
    expect(resolveLocale('PT')).toBe('pt');
    expect(resolveLocale('nl')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
  });
});
