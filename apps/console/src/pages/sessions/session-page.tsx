import { useEffect, useMemo } from 'react';
import { useQuery, useSubscription } from 'urql';
import { ChargingCurveChart } from '../../charts/charging-curve-chart';
import { CurvePoint, uniqueByTime } from '../../charts/curve-data';
import { QueryState } from '../../components/query-state';
import {
  CurvePointAddedDocument,
  CurvePointAddedSubscription,
  SessionDocument,
  SessionRowFragment,
  SessionUpdatedDocument,
  SessionUpdatedSubscription,
} from '../../graphql/generated';
import {
  formatDateTime,
  formatDuration,
  formatEnergy,
  formatMoney,
  formatPercent,
  formatPower,
  formatTime,
} from '../../format/format';
import { useI18n } from '../../i18n/i18n';
import { Link, paths } from '../../router/link';
import { userName } from '../users/user-name';
import { StopSessionButton } from './stop-session-button';

/**
 * One session: its facts and its charging curve, which grows point by point from `consumptionAdded`
 * while the session runs; `transactionUpdated` keeps the totals and the state current.
 */
export function SessionPage({ id, theme }: { id: string; theme: string }) {
  const { t, locale } = useI18n();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: SessionDocument, variables: { id } });
  const queried = data?.transaction;
  const [added] = useSubscription<CurvePointAddedSubscription, CurvePoint[]>(
    { query: CurvePointAddedDocument, variables: { id }, pause: queried ? !queried.active : true },
    (points = [], event) => [...points, event.consumptionAdded],
  );
  // The station's other sessions update too: only this one's latest update is kept.
  const [updated] = useSubscription<SessionUpdatedSubscription, SessionRowFragment | undefined>(
    {
      query: SessionUpdatedDocument,
      variables: { chargingStationId: queried?.chargingStationId },
      pause: !queried,
    },
    (latest, event) => (event.transactionUpdated.id === id ? event.transactionUpdated : latest),
  );
  const update = updated.data;
  // Once the session stops, its stored totals are read again and win over the live updates, so the page
  // ends on the final figures whatever order the last updates arrived in.
  const stoppedLive = update?.active === false;
  useEffect(() => {
    if (stoppedLive) reexecute({ requestPolicy: 'network-only' });
  }, [stoppedLive, reexecute]);
  const session = queried ? (queried.active ? { ...queried, ...update } : queried) : undefined;
  const points = useMemo(
    () => uniqueByTime([...(queried?.consumptions ?? []), ...(added.data ?? [])]),
    [queried, added.data],
  );

  if (!session) {
    return (
      <section>
        <QueryState fetching={fetching} error={error} />
        {data && !data.transaction && <p role="alert">{t('session.notFound', { id })}</p>}
      </section>
    );
  }
  const last = points[points.length - 1];
  // The session's price (live while it runs) once pricing applies a tariff; else the curve's last amount.
  const cost = session.price
    ? (session.price.inclVat ?? session.price.exclVat)
    : (last?.cumulatedAmount ?? null);
  const currency = session.price?.currency ?? null;

  return (
    <section aria-labelledby="session-title" className="stack">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link href={paths.sessions}>{t('sessions.title')}</Link>
        <Link href={paths.station(session.chargingStationId)}>{session.chargingStationId}</Link>
      </nav>
      <header className="page-header">
        <h1 id="session-title">{t('session.title', { id: session.ocppTransactionId })}</h1>
        {session.active ? (
          <span className="badge badge-active">{t('sessions.active')}</span>
        ) : (
          <span className="badge badge-muted">{t('sessions.stopped')}</span>
        )}
        {session.canStop && session.active && <StopSessionButton sessionId={session.id} />}
      </header>
      <dl className="facts" aria-label={t('session.facts')}>
        <div>
          <dt>{t('sessions.station')}</dt>
          <dd>
            <Link href={paths.station(session.chargingStationId)}>{session.chargingStationId}</Link> #
            {session.connectorId}
          </dd>
        </div>
        <div>
          <dt>{t('sessions.started')}</dt>
          <dd>{formatDateTime(session.startedAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('session.stopped')}</dt>
          <dd>{formatDateTime(session.stoppedAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('sessions.duration')}</dt>
          <dd>{formatDuration(session.startedAt, session.stoppedAt)}</dd>
        </div>
        <div>
          <dt>{session.active ? t('session.energySoFar') : t('session.totalEnergy')}</dt>
          <dd data-testid="session-energy">{formatEnergy(session.energyWh, locale)}</dd>
        </div>
        <div>
          <dt>{t('curve.power')}</dt>
          <dd>{formatPower(last?.instantWatts, locale)}</dd>
        </div>
        <div>
          <dt>{t('curve.soc')}</dt>
          <dd>{formatPercent(last?.stateOfCharge, locale)}</dd>
        </div>
        {cost !== null && (
          <div>
            <dt>{session.active ? t('session.costSoFar') : t('curve.cost')}</dt>
            <dd data-testid="session-cost">{formatMoney(cost, currency, locale)}</dd>
          </div>
        )}
        {session.tariff && (
          <div>
            <dt>{t('session.tariff')}</dt>
            <dd>{session.tariff.name}</dd>
          </div>
        )}
        <div>
          <dt>{t('sessions.driver')}</dt>
          <dd>{userName(session.user) ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('session.badge')}</dt>
          <dd>{session.tagId ?? '–'}</dd>
        </div>
        {session.stopReason && (
          <div>
            <dt>{t('session.stopReason')}</dt>
            <dd>{session.stopReason}</dd>
          </div>
        )}
      </dl>
      <figure className="card" aria-labelledby="curve-title">
        <h2 id="curve-title">{t('session.curve')}</h2>
        <ChargingCurveChart points={points} currency={currency} theme={theme} />
        <figcaption className="muted" aria-live="polite" data-point-count={points.length}>
          {t('session.points', { count: points.length })}
          {last
            ? ` · ${formatTime(last.timestamp, locale)}: ${formatPower(last.instantWatts, locale)}, ${formatEnergy(last.cumulatedWh, locale)}`
            : ''}
        </figcaption>
      </figure>
    </section>
  );
}
