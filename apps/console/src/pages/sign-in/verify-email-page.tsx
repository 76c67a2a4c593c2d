import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../components/query-state';
import { createAnonymousClient } from '../../graphql/client';
import { VerifyEmailDocument } from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { Link, paths } from '../../router/link';
import { useLocation } from '../../router/router';

/** The page the self-registration email links to: `/verify-email?tenant=…&token=…`. */
export function VerifyEmailPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const client = useMemo(createAnonymousClient, []);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const tenant = search.get('tenant') ?? 'default';
  const token = search.get('token') ?? '';

  useEffect(() => {
    void client
      .mutation(VerifyEmailDocument, { token, tenant })
      .toPromise()
      .then((result) =>
        setOutcome(
          result.error
            ? { ok: false, text: errorMessage(result.error) ?? '' }
            : { ok: true, text: t('verify.done') },
        ),
      );
  }, [client, token, tenant, t]);

  return (
    <main className="auth-page" id="main">
      <section className="card auth-card" aria-labelledby="verify-title">
        <h1 id="verify-title">{t('verify.title')}</h1>
        <p role="status" className={outcome && !outcome.ok ? 'error' : undefined}>
          {outcome?.text ?? t('common.loading')}
        </p>
        <Link href={`${paths.signIn}?tenant=${encodeURIComponent(tenant)}`}>{t('reset.back')}</Link>
      </section>
    </main>
  );
}
