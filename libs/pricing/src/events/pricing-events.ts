import { DomainEvent } from '@csms/events';

export const TARIFFS_CHANGED = 'TariffsChanged';

/**
 * A tariff was edited or deleted, or where it applies changed (assigned, unassigned): which tariff
 * applies where may be different now (roaming republishes its tariffs and the connectors' tariff ids).
 */
export type TariffsChangedEvent = DomainEvent<
  typeof TARIFFS_CHANGED,
  { tariffId: string; change: 'updated' | 'deleted' | 'assigned' | 'unassigned' }
>;
