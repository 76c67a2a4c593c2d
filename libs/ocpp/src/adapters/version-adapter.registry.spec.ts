import { VersionAdapter } from './version-adapter';
import { VersionAdapterRegistry } from './version-adapter.registry';

const adapter = (subprotocol: string): VersionAdapter => ({ subprotocol }) as VersionAdapter;

describe('VersionAdapterRegistry', () => {
  it('offers only the versions it has an adapter for', () => {
    const registry = new VersionAdapterRegistry([adapter('ocpp1.6')]);
    expect(registry.subprotocols).toEqual(['ocpp1.6']);
    expect(registry.negotiate(new Set(['ocpp2.0.1', 'ocpp1.6']))).toBe('ocpp1.6');
    expect(registry.negotiate(new Set(['ocpp2.0.1']))).toBeUndefined();
  });

  it('picks the highest version both sides speak once 2.0.1 has an adapter', () => {
    const registry = new VersionAdapterRegistry([adapter('ocpp1.6'), adapter('ocpp2.0.1')]);
    expect(registry.subprotocols).toEqual(['ocpp2.0.1', 'ocpp1.6']);
    expect(registry.negotiate(new Set(['ocpp1.6', 'ocpp2.0.1']))).toBe('ocpp2.0.1');
    expect(registry.negotiate(new Set(['ocpp1.6']))).toBe('ocpp1.6');
  });
});
