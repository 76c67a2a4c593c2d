import { ConnectorSpec, StationConfiguration } from '@csms/stations';
import { StationTemplate } from '../models/station-template.model';

/** What the template tells about the hardware, in the station's own fields. */
export function technicalConfigurationOf(template: StationTemplate): StationConfiguration {
  const { technical } = template;
  const connectorSpecs: Record<string, ConnectorSpec> = {};
  for (const connector of technical.connectors) {
    const { powerWatts, ...rest } = connector;
    connectorSpecs[String(connector.connectorId)] = { ...rest, maxPowerWatts: powerWatts };
  }
  return {
    templateId: template.id,
    connectorSpecs,
    chargePoints: technical.chargePoints.map((chargePoint) => ({ ...chargePoint })),
    capabilities: { ...template.capabilities },
    maximumPowerWatts: technical.maximumPowerWatts,
    voltage: technical.voltage,
  };
}
