import { ReactNode, useEffect, useRef } from 'react';
import { useMutation, useQuery } from 'urql';
import { MeDocument, SignOutDocument, UpdateMyLocaleDocument } from '../graphql/generated';
import { LOCALES, LOCALE_NAMES, Locale, useI18n } from '../i18n/i18n';
import { Link, paths } from '../router/link';
import { useLocation } from '../router/router';
import { isAdmin, maySeeSessions, setSession, useSession } from '../session/session-store';
import type { Theme } from '../theme/theme';

interface AppShellProps {
  children: ReactNode;
  theme: Theme;
  toggleTheme: () => void;
}

/** Header, navigation (admin pages only for admins), language, theme and sign-out around every page. */
export function AppShell({ children, theme, toggleTheme }: AppShellProps) {
  const { t, locale, setLocale } = useI18n();
  const session = useSession();
  const { pathname } = useLocation();
  const [{ data }] = useQuery({ query: MeDocument });
  const [, signOut] = useMutation(SignOutDocument);
  const [, saveLocale] = useMutation(UpdateMyLocaleDocument);
  const links = [
    { href: paths.stations, label: t('nav.stations') },
    ...(maySeeSessions(session) ? [{ href: paths.sessions, label: t('nav.sessions') }] : []),
    { href: paths.organizations, label: t('nav.organizations') },
    ...(isAdmin(session)
      ? [
          { href: paths.users, label: t('nav.users') },
          { href: paths.badges, label: t('nav.badges') },
        ]
      : []),
  ];
  // After a navigation, keyboard and screen reader users continue from the new page, not the old link.
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);
  useEffect(() => {
    if (pathname !== firstPath.current) main.current?.focus();
    firstPath.current = '';
  }, [pathname]);
  const chooseLocale = (next: Locale) => {
    setLocale(next);
    // The user's language also decides the language of their emails.
    void saveLocale({ locale: next });
  };
  const leave = async () => {
    await signOut({});
    setSession(null);
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top-bar">
        <Link href={paths.stations} className="brand">
          Voltgrid
        </Link>
        <nav aria-label={t('nav.main')}>
          <ul>
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} aria-current={pathname.startsWith(link.href) ? 'page' : undefined}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="top-bar-tools">
          <label>
            <span className="visually-hidden">{t('nav.language')}</span>
            <select
              value={locale}
              onChange={(e) => chooseLocale(e.target.value as Locale)}
              aria-label={t('nav.language')}
            >
              {LOCALES.map((code) => (
                <option key={code} value={code}>
                  {LOCALE_NAMES[code]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={toggleTheme}
            aria-pressed={theme === 'dark'}
            aria-label={t('nav.darkMode')}
          >
            {theme === 'dark' ? '☾' : '☀'}
          </button>
          <span className="muted user-label" title={data?.currentTenant.name}>
            {data?.me.email}
          </span>
          <button type="button" onClick={() => void leave()}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        {children}
      </main>
    </div>
  );
}
