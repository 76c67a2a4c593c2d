import { FormEvent, useMemo, useState } from 'react';
import { errorMessage } from '../../components/query-state';
import { SignInDocument } from '../../graphql/generated';
import { createAnonymousClient } from '../../graphql/client';
import { resolveLocale, useI18n } from '../../i18n/i18n';
import { Link, paths } from '../../router/link';
import { navigate, useLocation } from '../../router/router';
import { setSession } from '../../session/session-store';

/** Why a sign-in was refused, in words the user can act on (a locked account says until when). */
export function signInFailure(
  error: { graphQLErrors: { message: string; extensions?: Record<string, unknown> }[] } | undefined,
  t: ReturnType<typeof useI18n>['t'],
  locale: string,
): string | undefined {
  const first = error?.graphQLErrors[0];
  if (!first) return undefined;
  if (first.extensions?.reason === 'ACCOUNT_LOCKED' && typeof first.extensions.lockedUntil === 'string') {
    const until = new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(
      new Date(first.extensions.lockedUntil),
    );
    return t('signIn.locked', { time: until });
  }
  if (first.extensions?.code === 'UNAUTHENTICATED') return t('signIn.refused');
  return first.message;
}

export function SignInPage() {
  const { t, locale, setLocale } = useI18n();
  const { search } = useLocation();
  const client = useMemo(createAnonymousClient, []);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [tenant, setTenant] = useState(search.get('tenant') ?? 'default');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    const result = await client.mutation(SignInDocument, { email, password, tenant }).toPromise();
    setBusy(false);
    const login = result.data?.login;
    if (!login) {
      setFailure(signInFailure(result.error, t, locale) ?? errorMessage(result.error));
      return;
    }
    if (login.user.locale) setLocale(resolveLocale(login.user.locale));
    setSession({
      token: login.token,
      tenant,
      expiresAt: Date.now() + login.expiresIn * 1000,
      userId: login.user.id,
      role: login.user.role,
    });
    const next = search.get('next');
    navigate(next?.startsWith('/') && !next.startsWith('//') ? next : paths.stations, { replace: true });
  };

  return (
    <main className="auth-page" id="main">
      <form
        className="card auth-card"
        onSubmit={(event) => void submit(event)}
        aria-labelledby="sign-in-title"
      >
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <label>
          {t('signIn.email')}
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t('signIn.password')}
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <label>
          {t('signIn.tenant')}
          <input name="tenant" required value={tenant} onChange={(e) => setTenant(e.target.value)} />
        </label>
        {failure && (
          <p role="alert" className="error">
            {failure}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('common.loading') : t('signIn.submit')}
        </button>
        <Link href={`${paths.forgotPassword}?tenant=${encodeURIComponent(tenant)}`}>
          {t('signIn.forgot')}
        </Link>
      </form>
    </main>
  );
}
