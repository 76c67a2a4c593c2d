import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import { PAGE_SIZE, Pager, usePaging } from '../../components/paging';
import { QueryState } from '../../components/query-state';
import { OnlineBadge, StatusBadge } from '../../components/status-badge';
import {
  ChargingStationFilter,
  StationFilterOptionsDocument,
  StationsDocument,
} from '../../graphql/generated';
import { formatAgo } from '../../format/format';
import { useI18n } from '../../i18n/i18n';
import { Link, paths } from '../../router/link';
import { setSearchParams, useLocation } from '../../router/router';
import { useLiveStations } from './use-live-stations';

export const CONNECTOR_STATUSES = [
  'Available',
  'Preparing',
  'Charging',
  'SuspendedEV',
  'SuspendedEVSE',
  'Finishing',
  'Reserved',
  'Unavailable',
  'Faulted',
];

/** The filters live in the URL, so a filtered list can be bookmarked and shared. */
function filterOf(search: URLSearchParams): ChargingStationFilter {
  const online = search.get('online');
  return {
    search: search.get('q') || undefined,
    siteId: search.get('site') || undefined,
    siteAreaId: search.get('area') || undefined,
    connectorStatus: search.get('status') || undefined,
    online: online === 'true' ? true : online === 'false' ? false : undefined,
  };
}

export function StationsPage() {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const paging = usePaging();
  const filter = useMemo(() => filterOf(search), [search]);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: StationsDocument,
    variables: { first: PAGE_SIZE, after: paging.after, filter },
  });
  const [options] = useQuery({ query: StationFilterOptionsDocument });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const page = useMemo(() => data?.chargingStations.edges.map((edge) => edge.node), [data]);
  const stations = useLiveStations(page, refetch, {
    pageFull: (page?.length ?? 0) >= PAGE_SIZE || Boolean(data?.chargingStations.pageInfo.hasNextPage),
  });
  const sites = options.data?.sites.edges.map((edge) => edge.node) ?? [];
  const areas = (options.data?.siteAreas.edges.map((edge) => edge.node) ?? []).filter(
    (area) => !filter.siteId || area.siteId === filter.siteId,
  );
  const change = (key: string, value: string) => {
    paging.reset();
    setSearchParams({ [key]: value, ...(key === 'site' ? { area: undefined } : {}) });
  };

  return (
    <section aria-labelledby="stations-title">
      <header className="page-header">
        <h1 id="stations-title">{t('stations.title')}</h1>
        <span className="muted" aria-live="polite">
          {t('stations.count', { count: data?.chargingStations.totalCount ?? 0 })}
        </span>
      </header>
      <form
        className="filters"
        role="search"
        aria-label={t('stations.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <label>
          {t('common.search')}
          <input
            type="search"
            value={search.get('q') ?? ''}
            placeholder={t('stations.searchHint')}
            onChange={(e) => change('q', e.target.value)}
          />
        </label>
        <label>
          {t('stations.site')}
          <select value={search.get('site') ?? ''} onChange={(e) => change('site', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('stations.siteArea')}
          <select value={search.get('area') ?? ''} onChange={(e) => change('area', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {areas.map((area) => (
              <option key={area.id} value={area.id}>
                {area.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('stations.status')}
          <select value={search.get('status') ?? ''} onChange={(e) => change('status', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {CONNECTOR_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('stations.connection')}
          <select value={search.get('online') ?? ''} onChange={(e) => change('online', e.target.value)}>
            <option value="">{t('common.all')}</option>
            <option value="true">{t('station.online')}</option>
            <option value="false">{t('station.offline')}</option>
          </select>
        </label>
      </form>
      <QueryState fetching={fetching && !data} error={error} />
      <div className="table-wrap">
        <table className="data-table" aria-labelledby="stations-title">
          <thead>
            <tr>
              <th scope="col">{t('stations.id')}</th>
              <th scope="col">{t('stations.connection')}</th>
              <th scope="col">{t('stations.status')}</th>
              <th scope="col">{t('stations.connectors')}</th>
              <th scope="col">{t('stations.lastHeartbeat')}</th>
              <th scope="col">{t('stations.model')}</th>
              <th scope="col">OCPP</th>
            </tr>
          </thead>
          <tbody>
            {stations.map((station) => (
              <tr key={station.id} data-station-id={station.id}>
                <th scope="row">
                  <Link href={paths.station(station.id)}>{station.id}</Link>
                </th>
                <td>
                  <OnlineBadge online={station.online} />
                </td>
                <td>
                  <StatusBadge status={station.status} />
                </td>
                <td className="connector-list">
                  {station.connectors.map((connector) => (
                    <StatusBadge
                      key={connector.connectorId}
                      status={connector.status}
                      label={`#${connector.connectorId}`}
                    />
                  ))}
                </td>
                <td>
                  <time dateTime={station.lastSeen ?? undefined}>{formatAgo(station.lastSeen, locale)}</time>
                </td>
                <td>{[station.vendor, station.model].filter(Boolean).join(' ') || '–'}</td>
                <td>
                  {station.ocppVersion ?? '–'}{' '}
                  {station.ocppProtocol === 'soap' ? 'SOAP' : station.ocppProtocol === 'json' ? 'JSON' : ''}
                </td>
              </tr>
            ))}
            {data && stations.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  {t('stations.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager
        paging={paging}
        pageInfo={data?.chargingStations.pageInfo}
        totalCount={data?.chargingStations.totalCount}
        label={t('stations.pages')}
      />
    </section>
  );
}
