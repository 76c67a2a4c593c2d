import { Locale } from '@csms/common';
import { NotificationData, NotificationType } from '../notification-type';
import { de } from './locales/de';
import { en } from './locales/en';
import { es } from './locales/es';
import { fr } from './locales/fr';
import { it } from './locales/it';
import { pt } from './locales/pt';
import { LocaleMessages, Template, TemplateContext } from './template';

const MESSAGES: Record<Locale, LocaleMessages> = { en, fr, es, de, pt, it };

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/** One message of `type` in `locale`: a plain-text body and the same paragraphs as HTML. */
export function renderNotification<T extends NotificationType>(
  type: T,
  locale: Locale,
  data: NotificationData[T] & TemplateContext,
): RenderedMessage {
  const messages = MESSAGES[locale];
  // TypeScript cannot correlate `type` with `data` through the mapped type, hence the one cast.
  const template = messages[type] as unknown as Template<NotificationData[T]>;
  const paragraphs = [
    messages.greeting(data.firstName),
    ...template.lines(data),
    messages.signature(data.tenantName),
  ];
  return {
    subject: template.subject(data),
    text: paragraphs.join('\n\n'),
    html: `<!doctype html><html lang="${locale}"><body>${paragraphs.map(paragraphHtml).join('')}</body></html>`,
  };
}

function paragraphHtml(paragraph: string): string {
  const escaped = escapeHtml(paragraph);
  return /^https?:\/\/\S+$/.test(paragraph)
    ? `<p><a href="${escaped}">${escaped}</a></p>`
    : `<p>${escaped}</p>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
