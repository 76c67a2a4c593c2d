import { BadInputError } from '@csms/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CarModelSource } from './car-model';
import { parseOpenEvData } from './open-ev-data';

describe('Open EV Data files', () => {
  it('reads every vehicle of the shipped file, each with its id and a DC curve in ascending state of charge', () => {
    const models = parseOpenEvData(readFileSync(join(__dirname, 'data/open-ev-data.json'), 'utf8'));
    expect(models).toHaveLength(293);
    expect(new Set(models.map(({ id }) => id)).size).toBe(293);
    for (const { fields } of models) {
      expect(fields.source).toBe(CarModelSource.OPEN_EV_DATA);
      const socs = fields.dcChargingCurve.map((point) => point.soc);
      expect(socs).toEqual([...socs].sort((a, b) => a - b));
    }
    expect(models.filter(({ fields }) => fields.vehicleType === 'motorbike')).toHaveLength(35);
  });

  it('maps a vehicle’s fields, an empty variant and missing chargers to nothing', () => {
    const [{ id, fields }] = parseOpenEvData(
      JSON.stringify({
        data: [
          {
            id: 'x1',
            brand: 'B',
            model: 'M',
            variant: '',
            usable_battery_size: 50,
            dc_charger: {
              max_power: 100,
              charging_curve: [
                { percentage: 80, power: 40 },
                { percentage: 0, power: 100 },
              ],
            },
          },
        ],
      }),
    );
    expect(id).toBe('x1');
    expect(fields).toMatchObject({
      brand: 'B',
      model: 'M',
      variant: undefined,
      batteryKwh: 50,
      acMaxKw: undefined,
      acPorts: [],
      dcMaxKw: 100,
      dcChargingCurve: [
        { soc: 0, powerKw: 100 },
        { soc: 80, powerKw: 40 },
      ],
    });
  });

  it('refuses text that is not JSON, or not the shape of the file, naming what is wrong', () => {
    expect(() => parseOpenEvData('nope')).toThrow(BadInputError);
    expect(() => parseOpenEvData('{"data":[]}')).toThrow(BadInputError);
    expect(() =>
      parseOpenEvData('{"data":[{"id":"a","brand":"b","model":"m","usable_battery_size":-1}]}'),
    ).toThrow(/data\.0\.usable_battery_size/);
  });
});
