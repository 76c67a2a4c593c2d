import { useMemo } from 'react';
import { useSubscription } from 'urql';
import {
  SessionRowFragment,
  SessionUpdatedDocument,
  SessionUpdatedSubscription,
} from '../../graphql/generated';

/**
 * Sessions of a query kept live by `transactionUpdated` (of one station, or all the caller may see):
 * every update replaces the session it names; `keep` decides which sessions the list shows (new
 * sessions that fit are added at the top).
 */
export function useLiveSessions(
  queried: readonly SessionRowFragment[] | undefined,
  options: {
    chargingStationId?: string;
    keep: (session: SessionRowFragment) => boolean;
    addNew: boolean;
    pause?: boolean;
  },
): SessionRowFragment[] {
  const [result] = useSubscription<SessionUpdatedSubscription, Map<string, SessionRowFragment>>(
    {
      query: SessionUpdatedDocument,
      variables: { chargingStationId: options.chargingStationId },
      pause: options.pause,
    },
    (updates = new Map(), event) =>
      new Map(updates).set(event.transactionUpdated.id, event.transactionUpdated),
  );
  const updates = result.data;
  const { keep, addNew } = options;
  return useMemo(() => {
    const base = queried ?? [];
    const shown = new Set(base.map((session) => session.id));
    const merged = base.map((session) => updates?.get(session.id) ?? session);
    const added = addNew
      ? [...(updates?.values() ?? [])].filter((session) => !shown.has(session.id)).reverse()
      : [];
    return [...added, ...merged].filter(keep);
  }, [queried, updates, keep, addNew]);
}
