import { useEffect } from 'react';
import { useQuery } from 'urql';
import { QueryState } from '../../components/query-state';
import { LiveNowDocument } from '../../graphql/generated';
import { formatPower, formatTime } from '../../format/format';
import { useI18n } from '../../i18n/i18n';

/** The server answers `liveNow` from memory: polling it this often costs it next to nothing. */
export const LIVE_NOW_POLL_MS = 10_000;

/**
 * A site now: power drawn, sessions in progress, stations online and offline, connectors by status,
 * and the same per site area, refreshed every few seconds.
 */
export function LiveNowSection({ siteId }: { siteId: string }) {
  const { t, locale } = useI18n();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: LiveNowDocument, variables: { siteId } });
  useEffect(() => {
    const timer = setInterval(() => reexecute({ requestPolicy: 'network-only' }), LIVE_NOW_POLL_MS);
    return () => clearInterval(timer);
  }, [reexecute]);
  const live = data?.liveNow;
  const areas = live?.sites.flatMap((site) => site.siteAreas) ?? [];
  const count = (value: number) => new Intl.NumberFormat(locale).format(value);

  return (
    <section className="card" aria-labelledby="live-now-title">
      <h2 id="live-now-title">{t('liveNow.title')}</h2>
      <QueryState fetching={fetching && !data} error={error} />
      {live && (
        <>
          <dl className="facts">
            <dt>{t('liveNow.power')}</dt>
            <dd data-testid="live-power">{formatPower(live.powerWatts, locale)}</dd>
            <dt>{t('liveNow.sessions')}</dt>
            <dd data-testid="live-sessions">{count(live.sessionsInProgress)}</dd>
            <dt>{t('liveNow.stations')}</dt>
            <dd data-testid="live-stations">
              {t('liveNow.onlineOffline', {
                online: count(live.stationsOnline),
                offline: count(live.stationsOffline),
              })}
            </dd>
            <dt>{t('liveNow.connectors')}</dt>
            <dd data-testid="live-connectors">
              {live.connectorsByStatus.map(({ status, count: n }) => `${status} ${count(n)}`).join(' · ') ||
                '–'}
            </dd>
          </dl>
          {areas.length > 0 && (
            <table className="data-table" aria-label={t('liveNow.areas')}>
              <thead>
                <tr>
                  <th scope="col">{t('liveNow.area')}</th>
                  <th scope="col">{t('liveNow.power')}</th>
                  <th scope="col">{t('liveNow.sessions')}</th>
                  <th scope="col">{t('liveNow.stations')}</th>
                </tr>
              </thead>
              <tbody>
                {areas.map((area) => (
                  <tr key={area.siteAreaId ?? ''}>
                    <th scope="row">{area.name ?? t('liveNow.noArea')}</th>
                    <td>{formatPower(area.powerWatts, locale)}</td>
                    <td>{count(area.sessionsInProgress)}</td>
                    <td>
                      {t('liveNow.onlineOffline', {
                        online: count(area.stationsOnline),
                        offline: count(area.stationsOffline),
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="muted">{t('liveNow.at', { time: formatTime(live.at, locale) })}</p>
        </>
      )}
    </section>
  );
}
