import { ConfigStore } from './config-store';

function store(): ConfigStore {
  return new ConfigStore([
    { key: 'HeartbeatInterval', value: '300', type: 'number', min: 0 },
    { key: 'NumberOfConnectors', value: '2', type: 'number', readonly: true },
    { key: 'LocalPreAuthorize', value: 'false', type: 'bool' },
    {
      key: 'MeterValuesSampledData',
      value: 'Energy.Active.Import.Register',
      type: 'list',
      allowed: ['Energy.Active.Import.Register', 'SoC'],
    },
    { key: 'WebSocketPingInterval', value: '30', type: 'number', rebootRequired: true },
  ]);
}

describe('ConfigStore', () => {
  it('reads all keys or the requested ones, reporting unknown keys and read-only flags', () => {
    const config = store();
    expect(config.read().entries).toHaveLength(5);
    const { entries, unknown } = config.read(['NumberOfConnectors', 'Nope']);
    expect(entries).toEqual([{ key: 'NumberOfConnectors', value: '2', readonly: true }]);
    expect(unknown).toEqual(['Nope']);
  });

  it('accepts valid changes and notifies listeners', () => {
    const config = store();
    const seen: string[] = [];
    config.onChange((key, value) => seen.push(`${key}=${value}`));
    expect(config.change('HeartbeatInterval', '60')).toBe('Accepted');
    expect(config.getNumber('HeartbeatInterval', 0)).toBe(60);
    expect(config.change('LocalPreAuthorize', 'TRUE')).toBe('Accepted');
    expect(config.getBoolean('LocalPreAuthorize')).toBe(true);
    expect(config.change('MeterValuesSampledData', 'Energy.Active.Import.Register,SoC')).toBe('Accepted');
    expect(config.getList('MeterValuesSampledData')).toEqual(['Energy.Active.Import.Register', 'SoC']);
    expect(seen).toEqual([
      'HeartbeatInterval=60',
      'LocalPreAuthorize=true',
      'MeterValuesSampledData=Energy.Active.Import.Register,SoC',
    ]);
  });

  it('rejects read-only keys and invalid values, and does not know unknown keys', () => {
    const config = store();
    expect(config.change('NumberOfConnectors', '4')).toBe('Rejected');
    expect(config.change('HeartbeatInterval', 'soon')).toBe('Rejected');
    expect(config.change('HeartbeatInterval', '-5')).toBe('Rejected');
    expect(config.change('LocalPreAuthorize', 'yes')).toBe('Rejected');
    expect(config.change('MeterValuesSampledData', 'Temperature')).toBe('Rejected');
    expect(config.change('Unknown', '1')).toBe('NotSupported');
    expect(config.get('HeartbeatInterval')).toBe('300');
  });

  it('answers RebootRequired for keys applied after a reboot', () => {
    const config = store();
    expect(config.change('WebSocketPingInterval', '60')).toBe('RebootRequired');
    expect(config.get('WebSocketPingInterval')).toBe('60');
  });
});
