import { withConnectorSpecs } from './connector-specs';
import { ChargingStation } from './models/charging-station.model';
import { ChargingStationDocument } from './schemas/charging-station.schema';

/** What station templates (libs/templates) and operators set on a station's configuration. */
export type StationConfiguration = Partial<
  Pick<
    ChargingStationDocument,
    | 'connectorSpecs'
    | 'chargePoints'
    | 'capabilities'
    | 'maximumPowerWatts'
    | 'voltage'
    | 'manualConfiguration'
    | 'templateId'
    | 'templateAppliedAt'
    | 'templateParameters'
    | 'templateResetSent'
    | 'securityProfile'
    | 'registrationStatus'
  >
>;

/** `station` with `configuration` set; its connector states (status, transaction) are kept. */
export function withConfiguration(
  station: ChargingStation,
  configuration: StationConfiguration,
): ChargingStation {
  const { connectorSpecs, ...fields } = configuration;
  return {
    ...station,
    ...fields,
    connectors: connectorSpecs ? withConnectorSpecs(station.connectors, connectorSpecs) : station.connectors,
  };
}
