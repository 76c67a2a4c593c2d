/** The languages the product speaks to people: notifications, and what stations show drivers. */
export const LOCALES = ['en', 'fr', 'es', 'de', 'pt', 'it'] as const;

export type Locale = (typeof LOCALES)[number];

/** The user's locale when we speak it (`fr-CA` → `fr`), English otherwise. */
export function resolveLocale(locale: string | undefined): Locale {
  const language = (locale ?? 'en').slice(0, 2).toLowerCase();
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : 'en';
}
