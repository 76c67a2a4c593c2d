import { changeStatusOf, planChanges, sameConfigurationValue } from './configuration-diff';

describe('sameConfigurationValue', () => {
  it.each([
    ['60', '60'],
    ['60', ' 60 '],
    ['60', '60.0'],
    ['true', 'True'],
    [
      'Energy.Active.Import.Register,Power.Active.Import',
      'Power.Active.Import, Energy.Active.Import.Register',
    ],
  ])('%j equals %j', (wanted, actual) => expect(sameConfigurationValue(wanted, actual)).toBe(true));

  it.each([
    ['60', '30'],
    ['true', 'false'],
    ['true', '1'],
    ['Energy.Active.Import.Register,Power.Active.Import', 'Energy.Active.Import.Register'],
    ['Accepted', 'accepted'],
    ['60', ''],
  ])('%j differs from %j', (wanted, actual) => expect(sameConfigurationValue(wanted, actual)).toBe(false));
});

describe('planChanges', () => {
  const wanted = [
    { key: 'HeartbeatInterval', value: '300' },
    { key: 'MeterValueSampleInterval', value: '60' },
    { key: 'VendorLimit', value: '16' },
    { key: 'AuthorizationKey', value: 'secret' },
  ];

  it('changes what differs or was not reported, leaves what is right, skips what the station does not know', () => {
    const plan = planChanges(wanted, {
      keys: [
        { key: 'heartbeatinterval', value: '300' },
        { key: 'MeterValueSampleInterval', value: '30', readonly: false },
      ],
      unknownKeys: ['VendorLimit'],
    });
    expect(plan).toEqual([
      { key: 'HeartbeatInterval', value: '300', previousValue: '300', action: 'unchanged' },
      { key: 'MeterValueSampleInterval', value: '60', previousValue: '30', action: 'change' },
      { key: 'VendorLimit', value: '16', action: 'unsupported' },
      { key: 'AuthorizationKey', value: 'secret', previousValue: undefined, action: 'change' },
    ]);
  });

  it('changes a key reported without a value', () => {
    const plan = planChanges([{ key: 'K', value: '' }], { keys: [{ key: 'K' }], unknownKeys: [] });
    expect(plan[0].action).toBe('change');
  });
});

describe('changeStatusOf', () => {
  it('keeps the 1.6 words and maps the 2.0.1 unknowns to NotSupported', () => {
    expect(['Accepted', 'Rejected', 'RebootRequired', 'NotSupported'].map(changeStatusOf)).toEqual([
      'Accepted',
      'Rejected',
      'RebootRequired',
      'NotSupported',
    ]);
    expect(['UnknownComponent', 'UnknownVariable', 'NotSupportedAttributeType'].map(changeStatusOf)).toEqual([
      'NotSupported',
      'NotSupported',
      'NotSupported',
    ]);
  });
});
