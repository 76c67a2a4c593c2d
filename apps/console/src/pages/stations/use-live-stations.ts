import { useEffect, useMemo, useRef } from 'react';
import { useSubscription } from 'urql';
import {
  StationRowFragment,
  StationUpdatedDocument,
  StationUpdatedSubscription,
} from '../../graphql/generated';

interface Update {
  station: StationRowFragment;
  receivedAt: number;
}

/** A burst of new stations (a fleet booting) is one refetch, not one per station. */
const REFETCH_DELAY_MS = 1000;

/**
 * A page of stations kept live by `chargingStationUpdated`: a station of the page is replaced by its
 * latest update (unless the page was fetched after it). A station the page does not show asks for a
 * refetch only while the page has room for it; a full page of a large fleet ignores the others.
 */
export function useLiveStations(
  page: readonly StationRowFragment[] | undefined,
  refetch: () => void,
  options: { pageFull: boolean },
): StationRowFragment[] {
  const fetched = useRef({ page, at: Date.now() });
  if (fetched.current.page !== page) fetched.current = { page, at: Date.now() };
  const pageFetchedAt = fetched.current.at;
  const shown = useRef(new Set<string>());
  shown.current = new Set(page?.map((station) => station.id));
  const roomForMore = useRef(!options.pageFull);
  roomForMore.current = !options.pageFull;
  const refetchRef = useRef(refetch);
  refetchRef.current = refetch;
  const pendingRefetch = useRef<number>();

  useEffect(() => () => window.clearTimeout(pendingRefetch.current), []);

  const [result] = useSubscription<StationUpdatedSubscription, Map<string, Update>>(
    { query: StationUpdatedDocument, variables: {} },
    (updates = new Map(), event) => {
      const station = event.chargingStationUpdated;
      if (shown.current.has(station.id)) {
        return new Map(updates).set(station.id, { station, receivedAt: Date.now() });
      }
      if (roomForMore.current && pendingRefetch.current === undefined) {
        pendingRefetch.current = window.setTimeout(() => {
          pendingRefetch.current = undefined;
          refetchRef.current();
        }, REFETCH_DELAY_MS);
      }
      return updates;
    },
  );
  const updates = result.data;

  return useMemo(
    () =>
      (page ?? []).map((station) => {
        const update = updates?.get(station.id);
        return update && update.receivedAt >= pageFetchedAt ? update.station : station;
      }),
    [page, updates, pageFetchedAt],
  );
}
