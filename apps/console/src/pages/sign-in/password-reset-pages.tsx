import { FormEvent, useMemo, useState } from 'react';
import { errorMessage } from '../../components/query-state';
import { createAnonymousClient } from '../../graphql/client';
import { RequestPasswordResetDocument, ResetPasswordDocument } from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { Link, paths } from '../../router/link';
import { useLocation } from '../../router/router';

/** Asks for the reset email of the existing flow (the API answers the same whether the account exists or not). */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const client = useMemo(createAnonymousClient, []);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<string>();
  const tenant = search.get('tenant') ?? 'default';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await client.mutation(RequestPasswordResetDocument, { email, tenant }).toPromise();
    if (result.error) setFailure(errorMessage(result.error));
    else setSent(true);
  };

  return (
    <main className="auth-page" id="main">
      <form
        className="card auth-card"
        onSubmit={(event) => void submit(event)}
        aria-labelledby="forgot-title"
      >
        <h1 id="forgot-title">{t('reset.requestTitle')}</h1>
        {sent ? (
          <p role="status">{t('reset.sent')}</p>
        ) : (
          <>
            <label>
              {t('signIn.email')}
              <input
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </label>
            {failure && (
              <p role="alert" className="error">
                {failure}
              </p>
            )}
            <button type="submit" className="primary">
              {t('reset.request')}
            </button>
          </>
        )}
        <Link href={`${paths.signIn}?tenant=${encodeURIComponent(tenant)}`}>{t('reset.back')}</Link>
      </form>
    </main>
  );
}

/** The page the reset email links to: `/reset-password?tenant=…&token=…`. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const client = useMemo(createAnonymousClient, []);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<string>();
  const tenant = search.get('tenant') ?? 'default';
  const token = search.get('token') ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== confirmation) {
      setFailure(t('reset.mismatch'));
      return;
    }
    const result = await client
      .mutation(ResetPasswordDocument, { token, newPassword: password, tenant })
      .toPromise();
    if (result.error) setFailure(errorMessage(result.error));
    else setDone(true);
  };

  return (
    <main className="auth-page" id="main">
      <form className="card auth-card" onSubmit={(event) => void submit(event)} aria-labelledby="reset-title">
        <h1 id="reset-title">{t('reset.title')}</h1>
        {done ? (
          <p role="status">{t('reset.done')}</p>
        ) : (
          <>
            <label>
              {t('reset.newPassword')}
              <input
                type="password"
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            <label>
              {t('reset.confirm')}
              <input
                type="password"
                autoComplete="new-password"
                required
                value={confirmation}
                onChange={(e) => setConfirmation(e.target.value)}
              />
            </label>
            <p className="muted">{t('reset.rules')}</p>
            {failure && (
              <p role="alert" className="error">
                {failure}
              </p>
            )}
            <button type="submit" className="primary">
              {t('reset.submit')}
            </button>
          </>
        )}
        <Link href={`${paths.signIn}?tenant=${encodeURIComponent(tenant)}`}>{t('reset.back')}</Link>
      </form>
    </main>
  );
}
