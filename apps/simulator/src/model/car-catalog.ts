import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CarModelFields } from '@csms/cars/catalog/car-model';
import { parseOpenEvData } from '@csms/cars/catalog/open-ev-data';
import { EvSpec } from './charge-curve';

/** The Open EV Data file the CSMS ships and loads into its car catalog. */
export const CATALOG_FILE = path.resolve(
  __dirname,
  '../../../../libs/cars/src/catalog/data/open-ev-data.json',
);

/** A car the simulator can plug in: its catalog name and how it charges. */
export interface CatalogCar {
  /** The catalog's id (Open EV Data's); none for generic cars. */
  id?: string;
  name: string;
  spec: EvSpec;
}

/** Where AC tapering starts: the catalog has no AC curve, and on-board chargers hold their power until about here. */
const AC_TAPER_FROM_SOC = 90;

/**
 * A catalog model as the simulator charges it: AC at its on-board charger's power on its phases, DC
 * along its charging curve (or its DC maximum, tapered, when it has no curve). Null for models the
 * catalog knows too little of (no battery or no AC charger) and for motorbikes.
 */
export function carOf(id: string, model: CarModelFields): CatalogCar | null {
  if (model.vehicleType && model.vehicleType !== 'car') return null;
  if (!model.batteryKwh || !model.acMaxKw) return null;
  const phases = model.acPhases === 1 || model.acPhases === 2 ? model.acPhases : 3;
  return {
    id,
    name: [model.brand, model.model, model.variant].filter(Boolean).join(' '),
    spec: {
      batteryWh: model.batteryKwh * 1000,
      maxPowerW: model.acMaxKw * 1000,
      phases,
      taperFromSoc: AC_TAPER_FROM_SOC,
      dcMaxPowerW: model.dcMaxKw ? model.dcMaxKw * 1000 : undefined,
      dcCurve: model.dcChargingCurve.length
        ? model.dcChargingCurve.map((point) => ({ soc: point.soc, powerW: point.powerKw * 1000 }))
        : undefined,
    },
  };
}

/** The cars of an Open EV Data file (its text). */
export function catalogCars(text: string): CatalogCar[] {
  return parseOpenEvData(text).flatMap(({ id, fields }) => carOf(id, fields) ?? []);
}

/** The cars of the catalog file the CSMS ships. */
export function loadCatalogCars(file = CATALOG_FILE): CatalogCar[] {
  return catalogCars(readFileSync(file, 'utf8'));
}
