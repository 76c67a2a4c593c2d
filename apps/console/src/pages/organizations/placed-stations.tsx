import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import { QueryState } from '../../components/query-state';
import { OnlineBadge, StatusBadge } from '../../components/status-badge';
import { ChargingStationFilter, StationsDocument } from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { Link, paths } from '../../router/link';
import { useLiveStations } from '../stations/use-live-stations';

/** The stations of a site or site area, live. */
export function PlacedStations({ filter }: { filter: ChargingStationFilter }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: StationsDocument,
    variables: { first: 100, filter },
  });
  const page = useMemo(() => data?.chargingStations.edges.map((edge) => edge.node), [data]);
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const stations = useLiveStations(page, refetch, {
    pageFull: Boolean(data?.chargingStations.pageInfo.hasNextPage),
  });
  return (
    <section className="card" aria-labelledby="placed-stations-title">
      <h2 id="placed-stations-title">{t('stations.title')}</h2>
      <QueryState fetching={fetching && !data} error={error} />
      {stations.length === 0 && data ? (
        <p className="muted">{t('stations.none')}</p>
      ) : (
        <ul className="plain-list">
          {stations.map((station) => (
            <li key={station.id}>
              <Link href={paths.station(station.id)}>{station.id}</Link>{' '}
              <OnlineBadge online={station.online} />{' '}
              {station.connectors.map((connector) => (
                <StatusBadge
                  key={connector.connectorId}
                  status={connector.status}
                  label={`#${connector.connectorId}`}
                />
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
