import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import { PAGE_SIZE, Pager, usePaging } from '../../components/paging';
import { QueryState } from '../../components/query-state';
import { SessionRowFragment, SessionsDocument, TransactionFilter } from '../../graphql/generated';
import { formatDateTime, formatDuration, formatEnergy, formatMoney } from '../../format/format';
import { useI18n } from '../../i18n/i18n';
import { Link, paths } from '../../router/link';
import { setSearchParams, useLocation } from '../../router/router';
import { userName } from '../users/user-name';
import { useLiveSessions } from './use-live-sessions';

function filterOf(search: URLSearchParams): TransactionFilter {
  const state = search.get('state');
  const from = search.get('from');
  const to = search.get('to');
  return {
    active: state === 'active' ? true : state === 'stopped' ? false : undefined,
    chargingStationId: search.get('station') || undefined,
    from: from ? new Date(`${from}T00:00:00`).toISOString() : undefined,
    // The whole "to" day is included.
    to: to ? new Date(new Date(`${to}T00:00:00`).getTime() + 86_400_000).toISOString() : undefined,
  };
}

export function SessionsPage() {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const paging = usePaging();
  const filter = useMemo(() => filterOf(search), [search]);
  const [{ data, fetching, error }] = useQuery({
    query: SessionsDocument,
    variables: { first: PAGE_SIZE, after: paging.after, filter },
  });
  const queried = useMemo(() => data?.transactions.edges.map((edge) => edge.node), [data]);
  const keep = useCallback(
    (session: SessionRowFragment) => filter.active === undefined || session.active === filter.active,
    [filter.active],
  );
  // Only the first page of an unfiltered list grows with new sessions; other views stay as queried.
  const addNew =
    paging.page === 1 && !filter.chargingStationId && !filter.from && !filter.to && filter.active !== false;
  const sessions = useLiveSessions(queried, { keep, addNew });
  const change = (key: string, value: string) => {
    paging.reset();
    setSearchParams({ [key]: value });
  };

  return (
    <section aria-labelledby="sessions-title">
      <header className="page-header">
        <h1 id="sessions-title">{t('sessions.title')}</h1>
        <span className="muted">{t('sessions.count', { count: data?.transactions.totalCount ?? 0 })}</span>
      </header>
      <form
        className="filters"
        role="search"
        aria-label={t('sessions.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <label>
          {t('sessions.state')}
          <select value={search.get('state') ?? ''} onChange={(e) => change('state', e.target.value)}>
            <option value="">{t('common.all')}</option>
            <option value="active">{t('sessions.active')}</option>
            <option value="stopped">{t('sessions.stopped')}</option>
          </select>
        </label>
        <label>
          {t('sessions.station')}
          <input value={search.get('station') ?? ''} onChange={(e) => change('station', e.target.value)} />
        </label>
        <label>
          {t('sessions.from')}
          <input
            type="date"
            value={search.get('from') ?? ''}
            onChange={(e) => change('from', e.target.value)}
          />
        </label>
        <label>
          {t('sessions.to')}
          <input type="date" value={search.get('to') ?? ''} onChange={(e) => change('to', e.target.value)} />
        </label>
      </form>
      <QueryState fetching={fetching && !data} error={error} />
      <div className="table-wrap">
        <table className="data-table" aria-labelledby="sessions-title">
          <thead>
            <tr>
              <th scope="col">{t('sessions.session')}</th>
              <th scope="col">{t('sessions.station')}</th>
              <th scope="col">{t('sessions.started')}</th>
              <th scope="col">{t('sessions.duration')}</th>
              <th scope="col">{t('sessions.energy')}</th>
              <th scope="col">{t('curve.cost')}</th>
              <th scope="col">{t('sessions.driver')}</th>
              <th scope="col">{t('sessions.state')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id} data-session-id={session.id}>
                <th scope="row">
                  <Link href={paths.session(session.id)}>{session.ocppTransactionId}</Link>
                </th>
                <td>
                  <Link href={paths.station(session.chargingStationId)}>{session.chargingStationId}</Link> #
                  {session.connectorId}
                </td>
                <td>{formatDateTime(session.startedAt, locale)}</td>
                <td>{formatDuration(session.startedAt, session.stoppedAt)}</td>
                <td>{formatEnergy(session.energyWh, locale)}</td>
                <td>
                  {session.price
                    ? formatMoney(
                        session.price.inclVat ?? session.price.exclVat,
                        session.price.currency,
                        locale,
                      )
                    : '–'}
                </td>
                <td>{userName(session.user) ?? session.tagId ?? '–'}</td>
                <td>
                  {session.active ? (
                    <span className="badge badge-active">{t('sessions.active')}</span>
                  ) : (
                    <span className="badge badge-muted">{session.stopReason ?? t('sessions.stopped')}</span>
                  )}
                </td>
              </tr>
            ))}
            {data && sessions.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  {t('sessions.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager
        paging={paging}
        pageInfo={data?.transactions.pageInfo}
        totalCount={data?.transactions.totalCount}
        label={t('sessions.pages')}
      />
    </section>
  );
}
