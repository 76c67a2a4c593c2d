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

/**
 * A page of stations kept live by `chargingStationUpdated`: a station of the page is replaced by its
 * latest update (unless the page was fetched after it); a station the page does not show yet (a new
 * one booting) asks for a refetch.
 */
export function useLiveStations(
  page: readonly StationRowFragment[] | undefined,
  refetch: () => void,
): StationRowFragment[] {
  const fetched = useRef({ page, at: Date.now() });
  if (fetched.current.page !== page) fetched.current = { page, at: Date.now() };
  const pageFetchedAt = fetched.current.at;
  const known = useRef(new Set<string>());
  known.current = new Set(page?.map((station) => station.id));
  const refetchRef = useRef(refetch);
  refetchRef.current = refetch;
  const unknownSeen = useRef(false);

  const [result] = useSubscription<StationUpdatedSubscription, Map<string, Update>>(
    { query: StationUpdatedDocument, variables: {} },
    (updates = new Map(), event) => {
      const station = event.chargingStationUpdated;
      if (!known.current.has(station.id)) unknownSeen.current = true;
      return new Map(updates).set(station.id, { station, receivedAt: Date.now() });
    },
  );
  const updates = result.data;

  useEffect(() => {
    if (!unknownSeen.current) return;
    unknownSeen.current = false;
    refetchRef.current();
  }, [updates]);

  return useMemo(
    () =>
      (page ?? []).map((station) => {
        const update = updates?.get(station.id);
        return update && update.receivedAt >= pageFetchedAt ? update.station : station;
      }),
    [page, updates, pageFetchedAt],
  );
}
