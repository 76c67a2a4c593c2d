import { useMemo } from 'react';
import { useQuery, useSubscription } from 'urql';
import { QueryState } from '../../components/query-state';
import { OnlineBadge, StatusBadge } from '../../components/status-badge';
import {
  StationDocument,
  StationQuery,
  StationUpdatedDocument,
  StationUpdatedSubscription,
} from '../../graphql/generated';
import { formatAgo, formatDateTime, formatPower } from '../../format/format';
import { useI18n } from '../../i18n/i18n';
import { Link, paths } from '../../router/link';
import { isAdmin, maySeeSessions, useSession } from '../../session/session-store';
import { StationActions } from './station-actions';
import { StationConfiguration } from './station-configuration';
import { StationConnectors } from './station-connectors';
import { StationMessageLog } from './station-message-log';
import { StationSessions, useStationSessions } from './station-sessions';

export type StationDetail = NonNullable<StationQuery['chargingStation']>;

/** The station as last queried, with what `chargingStationUpdated` said since laid over it. */
function withUpdate(
  station: StationDetail,
  update: StationUpdatedSubscription['chargingStationUpdated'] | undefined,
): StationDetail {
  if (!update || update.id !== station.id) return station;
  const known = new Map(station.connectors.map((connector) => [connector.connectorId, connector]));
  return {
    ...station,
    ...update,
    connectors: update.connectors.map((connector) => ({
      type: null,
      maxPowerWatts: null,
      info: null,
      statusUpdatedAt: null,
      ...known.get(connector.connectorId),
      ...connector,
    })),
  };
}

export function StationPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const [{ data, fetching, error }] = useQuery({ query: StationDocument, variables: { id } });
  const [live] = useSubscription({ query: StationUpdatedDocument, variables: { id } });
  const sessions = useStationSessions(id, maySeeSessions(session));
  const station = useMemo(
    () =>
      data?.chargingStation ? withUpdate(data.chargingStation, live.data?.chargingStationUpdated) : undefined,
    [data, live.data],
  );

  if (!station) {
    return (
      <section>
        <QueryState fetching={fetching} error={error} />
        {data && !data.chargingStation && <p role="alert">{t('station.notFound', { id })}</p>}
      </section>
    );
  }

  return (
    <section aria-labelledby="station-title" className="stack">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link href={paths.stations}>{t('stations.title')}</Link>
      </nav>
      <header className="page-header">
        <h1 id="station-title">{station.id}</h1>
        <OnlineBadge online={station.online} />
        <StatusBadge status={station.status} />
      </header>
      <dl className="facts">
        <div>
          <dt>{t('stations.model')}</dt>
          <dd>{[station.vendor, station.model].filter(Boolean).join(' ') || '–'}</dd>
        </div>
        <div>
          <dt>OCPP</dt>
          <dd>
            {station.ocppVersion ?? '–'} {station.ocppProtocol?.toUpperCase() ?? ''}
          </dd>
        </div>
        <div>
          <dt>{t('station.firmware')}</dt>
          <dd>{station.firmwareVersion ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('station.serial')}</dt>
          <dd>{station.serialNumber ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('stations.lastHeartbeat')}</dt>
          <dd>
            <time dateTime={station.lastSeen ?? undefined} title={formatDateTime(station.lastSeen, locale)}>
              {formatAgo(station.lastSeen, locale)}
            </time>
          </dd>
        </div>
        <div>
          <dt>{t('station.lastBoot')}</dt>
          <dd>{formatDateTime(station.lastBootAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('station.maxPower')}</dt>
          <dd>{formatPower(station.maximumPowerWatts, locale)}</dd>
        </div>
        <div>
          <dt>{t('station.limit')}</dt>
          <dd>
            {station.staticLimit ? formatPower(station.staticLimit.watts, locale) : t('station.noLimit')}
          </dd>
        </div>
        <div>
          <dt>{t('stations.site')}</dt>
          <dd>{station.site ? <Link href={paths.site(station.site.id)}>{station.site.name}</Link> : '–'}</dd>
        </div>
        <div>
          <dt>{t('stations.siteArea')}</dt>
          <dd>
            {station.siteArea ? (
              <Link href={paths.siteArea(station.siteArea.id)}>{station.siteArea.name}</Link>
            ) : (
              '–'
            )}
          </dd>
        </div>
      </dl>
      {station.canCommand && <StationActions station={station} />}
      <StationConnectors station={station} sessions={sessions.active} />
      <StationSessions sessions={sessions} />
      {station.canCommand && <StationConfiguration stationId={station.id} />}
      {isAdmin(session) && <StationMessageLog stationId={station.id} />}
    </section>
  );
}
