import { withConnectorSpecs } from './connector-specs';
import { ConnectorType, CurrentType } from './models/connector-kinds';
import { withConfiguration } from './station-configuration';
import { ChargingStation } from './models/charging-station.model';

const SPECS = { type: ConnectorType.CCS, maxPowerWatts: 50000, currentType: CurrentType.DC };
const spec = (connectorId: number) => ({ connectorId, ...SPECS });

describe('withConnectorSpecs', () => {
  it('adds the template data to reported connectors and lists described ones not reported yet', () => {
    const connectors = withConnectorSpecs(
      [
        { connectorId: 0, status: 'Available' },
        { connectorId: 1, status: 'Charging', currentTransactionId: 't1' },
      ],
      { '2': spec(2), '1': spec(1) },
    );
    expect(connectors).toEqual([
      { connectorId: 1, status: 'Charging', currentTransactionId: 't1', ...SPECS },
      { connectorId: 2, status: 'Unknown', ...SPECS },
    ]);
  });

  it('takes the specs from the template only: stale copies written with a status are dropped', () => {
    const connectors = withConnectorSpecs(
      [{ connectorId: 1, status: 'Available', type: ConnectorType.Type2, amperage: 32 }],
      { '1': spec(1) },
    );
    expect(connectors).toEqual([{ connectorId: 1, status: 'Available', ...SPECS }]);
    expect(withConnectorSpecs([{ connectorId: 1, status: 'Available', amperage: 32 }], undefined)).toEqual([
      { connectorId: 1, status: 'Available' },
    ]);
  });
});

describe('withConfiguration', () => {
  it('sets the fields and keeps the connector states', () => {
    const station = {
      id: 'CS',
      connectors: [{ connectorId: 1, status: 'Charging' }],
      manualConfiguration: false,
    } as ChargingStation;
    const updated = withConfiguration(station, { templateId: 't', connectorSpecs: { '1': spec(1) } });
    expect(updated.templateId).toBe('t');
    expect(updated.connectors).toEqual([{ connectorId: 1, status: 'Charging', ...SPECS }]);
    expect(withConfiguration(station, { manualConfiguration: true }).connectors).toBe(station.connectors);
  });
});
