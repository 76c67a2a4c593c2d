import { describe, expect, it } from 'vitest';
import { LOCALES, resolveLocale, translate } from './i18n';
import { de } from './messages/de';
import { en } from './messages/en';
import { es } from './messages/es';
import { fr } from './messages/fr';
import { it as italian } from './messages/it';
import { pt } from './messages/pt';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the six languages', () => {
  const catalogs = { fr, es, de, pt, it: italian };

  it('are the notification locales', () => {
    expect([...LOCALES]).toEqual(['en', 'fr', 'es', 'de', 'pt', 'it']);
  });

  it.each(Object.entries(catalogs))(
    '%s translates every message, keeping its placeholders',
    (_locale, catalog) => {
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        expect([key, placeholders(catalog[key as keyof typeof en])]).toEqual([key, placeholders(text)]);
        expect([key, catalog[key as keyof typeof en].trim().length > 0]).toEqual([key, true]);
      }
    },
  );

  it('fills placeholders and falls back to English for languages the console does not speak', () => {
    expect(translate('fr', 'session.title', { id: 42 })).toBe('Session 42');
    expect(translate('de', 'stations.count', { count: 5 })).toBe('5 Ladestationen');
    expect(resolveLocale('pt-BR')).toBe('pt');
    expect(resolveLocale('nl')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
  });
});
