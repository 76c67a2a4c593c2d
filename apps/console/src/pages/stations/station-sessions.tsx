import { useMemo } from 'react';
import { useQuery } from 'urql';
import { QueryState } from '../../components/query-state';
import { SessionRowFragment, SessionsDocument } from '../../graphql/generated';
import { formatDateTime, formatDuration, formatEnergy } from '../../format/format';
import { useI18n } from '../../i18n/i18n';
import { Link, paths } from '../../router/link';
import { useLiveSessions } from '../sessions/use-live-sessions';
import { StopSessionButton } from '../sessions/stop-session-button';

const isActive = (session: SessionRowFragment) => session.active;

/** The station's sessions in progress, live. */
export function useStationSessions(stationId: string, enabled: boolean) {
  const [{ data, fetching, error }] = useQuery({
    query: SessionsDocument,
    variables: { first: 50, filter: { chargingStationId: stationId, active: true } },
    pause: !enabled,
  });
  const queried = useMemo(() => data?.transactions.edges.map((edge) => edge.node), [data]);
  const active = useLiveSessions(queried, {
    chargingStationId: stationId,
    keep: isActive,
    addNew: true,
    pause: !enabled,
  });
  return { enabled, active, fetching: fetching && !data, error };
}

export function StationSessions({ sessions }: { sessions: ReturnType<typeof useStationSessions> }) {
  const { t, locale } = useI18n();
  if (!sessions.enabled) return null;
  return (
    <section className="card" aria-labelledby="station-sessions-title">
      <h2 id="station-sessions-title">{t('station.currentSessions')}</h2>
      <QueryState fetching={sessions.fetching} error={sessions.error} />
      {sessions.active.length === 0 ? (
        <p className="muted">{t('station.noSessions')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('sessions.session')}</th>
              <th scope="col">{t('sessions.connector')}</th>
              <th scope="col">{t('sessions.started')}</th>
              <th scope="col">{t('sessions.duration')}</th>
              <th scope="col">{t('sessions.energy')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.active.map((session) => (
              <tr key={session.id}>
                <th scope="row">
                  <Link href={paths.session(session.id)}>{session.ocppTransactionId}</Link>
                </th>
                <td>#{session.connectorId}</td>
                <td>{formatDateTime(session.startedAt, locale)}</td>
                <td>{formatDuration(session.startedAt, session.stoppedAt)}</td>
                <td>{formatEnergy(session.energyWh, locale)}</td>
                <td>{session.canStop && <StopSessionButton sessionId={session.id} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
