import { useEffect, useMemo } from 'react';
import { Provider } from 'urql';
import { createGraphQLClient } from './graphql/client';
import { I18nProvider, useI18n } from './i18n/i18n';
import { AppShell } from './layout/app-shell';
import { BadgesPage } from './pages/badges/badges-page';
import {
  CompaniesPage,
  CompanyPage,
  SiteAreaPage,
  SitePage,
} from './pages/organizations/organizations-pages';
import { SessionPage } from './pages/sessions/session-page';
import { SessionsPage } from './pages/sessions/sessions-page';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/sign-in/password-reset-pages';
import { SignInPage } from './pages/sign-in/sign-in-page';
import { VerifyEmailPage } from './pages/sign-in/verify-email-page';
import { StationPage } from './pages/stations/station-page';
import { StationsPage } from './pages/stations/stations-page';
import { UsersPage } from './pages/users/users-page';
import { Link, paths } from './router/link';
import { matchRoute, navigate, useLocation } from './router/router';
import { Session, isAdmin, useSession } from './session/session-store';
import { Theme, useTheme } from './theme/theme';

const PUBLIC_PAGES: Record<string, () => JSX.Element> = {
  [paths.signIn]: SignInPage,
  [paths.forgotPassword]: ForgotPasswordPage,
  [paths.resetPassword]: ResetPasswordPage,
  [paths.verifyEmail]: VerifyEmailPage,
};

export function App() {
  return (
    <I18nProvider>
      <Root />
    </I18nProvider>
  );
}

function Root() {
  const session = useSession();
  const { pathname, search } = useLocation();
  const [theme, toggleTheme] = useTheme();
  const PublicPage = PUBLIC_PAGES[pathname];

  useEffect(() => {
    if (!session && !PublicPage) {
      const next =
        pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + (search.size ? `?${search}` : ''))}`;
      navigate(`${paths.signIn}${next}`, { replace: true });
    }
    if (session && pathname === paths.signIn) navigate(paths.stations, { replace: true });
  }, [session, PublicPage, pathname, search]);

  if (PublicPage && !(session && pathname === paths.signIn)) return <PublicPage />;
  if (!session) return null;
  return <SignedIn session={session} pathname={pathname} theme={theme} toggleTheme={toggleTheme} />;
}

function SignedIn(props: { session: Session; pathname: string; theme: Theme; toggleTheme: () => void }) {
  const { session, pathname, theme, toggleTheme } = props;
  const graphql = useMemo(() => createGraphQLClient(session.token), [session.token]);
  useEffect(() => graphql.dispose, [graphql]);
  return (
    <Provider value={graphql.client}>
      <AppShell theme={theme} toggleTheme={toggleTheme}>
        <Page pathname={pathname} admin={isAdmin(session)} theme={theme} />
      </AppShell>
    </Provider>
  );
}

/** The page for a path; every route here is a deep link the server answers with the console. */
function Page({ pathname, admin, theme }: { pathname: string; admin: boolean; theme: Theme }) {
  const route = (pattern: string) => matchRoute(pattern, pathname);
  let params: Record<string, string> | null;
  if (pathname === '/' || pathname === paths.stations) return <StationsPage />;
  if ((params = route('/stations/:id') ?? route('/charging-stations/:id')))
    return <StationPage key={params.id} id={params.id} />;
  if (pathname === paths.sessions) return <SessionsPage />;
  if ((params = route('/sessions/:id'))) return <SessionPage key={params.id} id={params.id} theme={theme} />;
  if (pathname === paths.organizations) return <CompaniesPage />;
  if ((params = route('/organizations/companies/:id'))) return <CompanyPage key={params.id} id={params.id} />;
  if ((params = route('/organizations/sites/:id'))) return <SitePage key={params.id} id={params.id} />;
  if ((params = route('/organizations/site-areas/:id')))
    return <SiteAreaPage key={params.id} id={params.id} theme={theme} />;
  if (admin && (pathname === paths.users || route('/users/:id'))) return <UsersPage />;
  if (admin && pathname === paths.badges) return <BadgesPage />;
  return <NotFound />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('notFound.title')}</h1>
      <p>
        <Link href={paths.stations}>{t('notFound.back')}</Link>
      </p>
    </section>
  );
}
