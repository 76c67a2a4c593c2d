import { formatVariableAddress, OCPP16_KEY_TO_VARIABLE, parseConfigurationKey } from './v201-variable-keys';

describe('parseConfigurationKey', () => {
  it('maps known OCPP 1.6 keys to their 2.0.1 variables', () => {
    expect(parseConfigurationKey('HeartbeatInterval')).toEqual({
      component: { name: 'OCPPCommCtrlr' },
      variable: { name: 'HeartbeatInterval' },
    });
    expect(parseConfigurationKey('MeterValueSampleInterval')).toEqual({
      component: { name: 'SampledDataCtrlr' },
      variable: { name: 'TxUpdatedInterval' },
    });
  });

  it('reads Component.Variable with optional instances', () => {
    expect(parseConfigurationKey('AuthCtrlr.Enabled')).toEqual({
      component: { name: 'AuthCtrlr' },
      variable: { name: 'Enabled' },
    });
    expect(parseConfigurationKey('OCPPCommCtrlr[main].MessageAttempts[TransactionEvent]')).toEqual({
      component: { name: 'OCPPCommCtrlr', instance: 'main' },
      variable: { name: 'MessageAttempts', instance: 'TransactionEvent' },
    });
  });

  it('refuses anything else', () => {
    for (const key of ['NoSuchKey', 'a.b.c', '.Enabled', 'AuthCtrlr.', 'no such key']) {
      expect(parseConfigurationKey(key)).toBeUndefined();
    }
  });

  it('formats every mapped address back to a key that parses to the same address', () => {
    for (const address of Object.values(OCPP16_KEY_TO_VARIABLE)) {
      expect(parseConfigurationKey(formatVariableAddress(address))).toEqual(address);
    }
  });
});
