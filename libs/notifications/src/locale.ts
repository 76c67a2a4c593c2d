export const NOTIFICATION_LOCALES = ['en', 'fr', 'es', 'de', 'pt', 'it'] as const;

export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number];

/** The user's locale when we have templates for it (`fr-CA` → `fr`), English otherwise. */
export function resolveLocale(locale: string | undefined): NotificationLocale {
  const language = (locale ?? 'en').slice(0, 2).toLowerCase();
  return (NOTIFICATION_LOCALES as readonly string[]).includes(language)
    ? (language as NotificationLocale)
    : 'en';
}
