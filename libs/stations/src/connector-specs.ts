import { Connector } from './models/connector.model';
import { ConnectorSpec } from './schemas/station-technical-data';

const SPEC_KEYS = [
  'type',
  'maxPowerWatts',
  'amperage',
  'numberOfPhases',
  'currentType',
  'chargePointId',
] as const;

/** The status of a connector the template describes but the station has not reported yet. */
const NOT_REPORTED = 'Unknown';

function withoutSpecs(connector: Connector): Connector {
  const copy = { ...connector };
  for (const key of SPEC_KEYS) delete copy[key];
  return copy;
}

/**
 * The connectors as reported (status, transaction) combined with the template's technical data,
 * which alone decides the specs: a status write may carry stale copies of them. Sorted by id,
 * connector 0 (the station itself) left out.
 */
export function withConnectorSpecs(
  reported: Connector[],
  specs: Record<string, ConnectorSpec> | undefined,
): Connector[] {
  const byId = new Map<number, Connector>();
  for (const connector of reported) {
    if (connector.connectorId !== 0) byId.set(connector.connectorId, withoutSpecs(connector));
  }
  for (const spec of Object.values(specs ?? {})) {
    if (spec.connectorId === 0) continue;
    byId.set(spec.connectorId, { status: NOT_REPORTED, ...byId.get(spec.connectorId), ...spec });
  }
  return [...byId.values()].sort((a, b) => a.connectorId - b.connectorId);
}
