import {
  MatchableTemplate,
  bestTemplate,
  parametersFor,
  specificity,
  templateMatches,
} from './template-matcher';

const template = (id: string, fields: Partial<MatchableTemplate> = {}): MatchableTemplate => ({
  id,
  ocppVersions: [],
  ...fields,
});

const station = {
  vendor: 'ACME',
  model: 'Wallbox 22 Dual',
  serialNumber: 'SN-0042',
  chargeBoxSerialNumber: 'CB-7',
  firmwareVersion: '1.4.2',
  ocppVersion: '1.6',
};

describe('template matching', () => {
  it('accepts a template without constraints and one whose every pattern is found', () => {
    expect(templateMatches(template('any'), station)).toBe(true);
    expect(
      templateMatches(
        template('all', {
          vendorPattern: '^ACME$',
          modelPattern: 'Wallbox 22',
          serialNumberPattern: '^SN-00',
          firmwareVersionPattern: '^1\\.4\\.',
          ocppVersions: ['1.5', '1.6'],
        }),
        station,
      ),
    ).toBe(true);
  });

  it('refuses a template when one pattern or the OCPP version does not fit', () => {
    expect(templateMatches(template('vendor', { vendorPattern: '^ACM$' }), station)).toBe(false);
    expect(templateMatches(template('firmware', { firmwareVersionPattern: '^2\\.' }), station)).toBe(false);
    expect(templateMatches(template('ocpp', { ocppVersions: ['2.0.1'] }), station)).toBe(false);
    expect(
      templateMatches(template('ocpp', { ocppVersions: ['1.6'] }), { ...station, ocppVersion: undefined }),
    ).toBe(false);
  });

  it('searches patterns (anchors are the author’s choice) and is case-sensitive', () => {
    expect(templateMatches(template('t', { vendorPattern: 'CM' }), station)).toBe(true);
    expect(templateMatches(template('t', { vendorPattern: '^acme$' }), station)).toBe(false);
    expect(templateMatches(template('t', { vendorPattern: '(?:^acme$)|^ACME' }), station)).toBe(true);
  });

  it('needs the station to have the value a pattern constrains', () => {
    expect(templateMatches(template('t', { firmwareVersionPattern: '.*' }), { vendor: 'ACME' })).toBe(false);
  });

  it('matches the serial number against the charge point, else the charge box serial number', () => {
    expect(templateMatches(template('t', { serialNumberPattern: '^CB-7$' }), station)).toBe(true);
    expect(templateMatches(template('t', { serialNumberPattern: '^XX' }), station)).toBe(false);
  });

  it('never matches with a pattern that does not compile', () => {
    expect(templateMatches(template('broken', { vendorPattern: '([' }), station)).toBe(false);
  });
});

describe('the most specific template wins', () => {
  const vendorOnly = template('a-vendor', { vendorPattern: '^ACME$' });
  const vendorModel = template('b-vendor-model', { vendorPattern: '^ACME$', modelPattern: '^Wallbox' });
  const modelFirmware = template('c-model-firmware', {
    modelPattern: '^Wallbox',
    firmwareVersionPattern: '^1\\.',
  });
  const serial = template('d-serial', { serialNumberPattern: '^SN-0042$' });

  it('counts constraints first', () => {
    expect(bestTemplate([template('generic'), vendorOnly, vendorModel], station)?.id).toBe('b-vendor-model');
    expect(specificity(vendorModel)).toEqual([2, 10]);
  });

  it('weighs constraints among templates with as many: serial > model > firmware > vendor > OCPP version', () => {
    expect(bestTemplate([vendorModel, modelFirmware], station)?.id).toBe('c-model-firmware');
    expect(bestTemplate([vendorOnly, serial], station)?.id).toBe('d-serial');
    expect(bestTemplate([template('ocpp', { ocppVersions: ['1.6'] }), vendorOnly], station)?.id).toBe(
      'a-vendor',
    );
  });

  it('breaks a full tie by the smaller id, whatever the order they come in', () => {
    const twin1 = template('twin-1', { vendorPattern: 'AC' });
    const twin2 = template('twin-2', { vendorPattern: 'ME' });
    expect(bestTemplate([twin2, twin1], station)?.id).toBe('twin-1');
    expect(bestTemplate([twin1, twin2], station)?.id).toBe('twin-1');
  });

  it('ignores a more specific template that does not match', () => {
    const otherFirmware = template('z', {
      vendorPattern: '^ACME$',
      modelPattern: 'x',
      firmwareVersionPattern: '^9',
    });
    expect(bestTemplate([otherFirmware, vendorOnly], station)?.id).toBe('a-vendor');
    expect(bestTemplate([otherFirmware], station)).toBeUndefined();
  });
});

describe('parameter blocks', () => {
  const blocks = {
    parameterBlocks: [
      {
        ocppVersions: ['1.6'],
        parameters: [
          { key: 'HeartbeatInterval', value: '300' },
          { key: 'MeterValueSampleInterval', value: '60' },
        ],
      },
      {
        firmwareVersionPattern: '^1\\.4\\.',
        ocppVersions: [],
        parameters: [{ key: 'HeartbeatInterval', value: '600' }],
      },
      { firmwareVersionPattern: '^2\\.', ocppVersions: ['1.6'], parameters: [{ key: 'NewKey', value: 'x' }] },
      { ocppVersions: ['2.0.1'], parameters: [{ key: 'OCPPCommCtrlr.HeartbeatInterval', value: '300' }] },
    ],
  };

  it('takes the blocks whose firmware pattern and OCPP versions fit; a later block overrides a key', () => {
    expect(parametersFor(blocks, station)).toEqual([
      { key: 'HeartbeatInterval', value: '600' },
      { key: 'MeterValueSampleInterval', value: '60' },
    ]);
  });

  it('gives a 2.0.1 station its own block only', () => {
    expect(parametersFor(blocks, { ...station, ocppVersion: '2.0.1', firmwareVersion: '3.0' })).toEqual([
      { key: 'OCPPCommCtrlr.HeartbeatInterval', value: '300' },
    ]);
  });

  it('leaves firmware-limited blocks out when the station did not tell its firmware', () => {
    expect(parametersFor(blocks, { ocppVersion: '1.6' })).toEqual([
      { key: 'HeartbeatInterval', value: '300' },
      { key: 'MeterValueSampleInterval', value: '60' },
    ]);
  });
});
