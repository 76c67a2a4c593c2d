import { AccountStatusName, NotificationData, NotificationType } from '../notification-type';

/** What every template may use: the tenant's name and the recipient's first name. */
export interface TemplateContext {
  tenantName: string;
  firstName?: string;
}

export interface Template<TData> {
  subject(data: TData & TemplateContext): string;
  /** Paragraphs of the body; a link stands alone on its paragraph so that mail clients make it clickable. */
  lines(data: TData & TemplateContext): string[];
}

/** All messages of one language; adding a type forces every language to translate it. */
export type LocaleMessages = {
  greeting(firstName: string | undefined): string;
  signature(tenantName: string): string;
  statuses: Record<AccountStatusName, string>;
  formatNumber(value: number): string;
  formatDate(value: Date): string;
} & { [T in NotificationType]: Template<NotificationData[T]> };

export function numberFormatter(locale: string): (value: number) => string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (value) => format.format(value);
}

/** An amount in its currency, the locale's way (12,50 € / €12.50). */
export function moneyFormatter(locale: string): (amount: number, currency: string) => string {
  return (amount, currency) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
}

export function dateFormatter(locale: string): (value: Date) => string {
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return (value) => `${format.format(value)} UTC`;
}
