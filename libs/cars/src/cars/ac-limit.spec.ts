import { CarModel, CarModelSource } from '../catalog/car-model';
import { acLimitOf } from './ac-limit';

const model = (fields: Partial<CarModel>): CarModel => ({
  id: 'm',
  brand: 'B',
  model: 'M',
  acPorts: [],
  dcPorts: [],
  dcChargingCurve: [],
  source: CarModelSource.OPEN_EV_DATA,
  updatedAt: new Date(0),
  ...fields,
});

describe('acLimitOf', () => {
  it('takes the converter as entered over the model', () => {
    const converter = { powerKw: 7.4, phases: 1, ampsPerPhase: 32 };
    expect(acLimitOf(converter, model({ acMaxKw: 22, acPhases: 3 }))).toBe(converter);
  });

  it('derives amps per phase at 230 V from the model’s on-board charger', () => {
    expect(acLimitOf(undefined, model({ acMaxKw: 11, acPhases: 3 }))).toEqual({
      powerKw: 11,
      phases: 3,
      ampsPerPhase: 15.9,
    });
    expect(acLimitOf(undefined, model({ acMaxKw: 7.4 }))).toEqual({
      powerKw: 7.4,
      phases: 1,
      ampsPerPhase: 32.2,
    });
  });

  it('knows nothing without a converter or an AC power', () => {
    expect(acLimitOf(undefined, model({}))).toBeNull();
    expect(acLimitOf(undefined, null)).toBeNull();
  });
});
