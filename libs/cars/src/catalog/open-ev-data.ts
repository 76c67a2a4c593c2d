import { BadInputError } from '@csms/common';
import { z } from 'zod';
import { CarModelFields, CarModelSource } from './car-model';

const positive = z.number().positive();

/** One vehicle of an Open EV Data file, as far as the catalog reads it (other fields are ignored). */
const openEvVehicle = z.object({
  id: z.string().min(1).max(100),
  brand: z.string().min(1).max(100),
  model: z.string().min(1).max(200),
  variant: z.string().max(200).nullish(),
  release_year: z.number().int().nullish(),
  vehicle_type: z.string().max(50).nullish(),
  type: z.string().max(50).nullish(),
  usable_battery_size: positive.nullish(),
  ac_charger: z
    .object({
      usable_phases: z.number().int().min(1).max(3).nullish(),
      ports: z.array(z.string()).nullish(),
      max_power: positive.nullish(),
    })
    .nullish(),
  dc_charger: z
    .object({
      ports: z.array(z.string()).nullish(),
      max_power: positive.nullish(),
      charging_curve: z
        .array(z.object({ percentage: z.number().min(0).max(100), power: z.number().min(0) }))
        .nullish(),
    })
    .nullish(),
  energy_consumption: z.object({ average_consumption: positive.nullish() }).nullish(),
});

const openEvFile = z.object({ data: z.array(openEvVehicle).min(1) });

export type OpenEvVehicle = z.infer<typeof openEvVehicle>;

/** A catalog entry from an Open EV Data vehicle: its id is the file's (stable across versions). */
export function carModelOf(vehicle: OpenEvVehicle): { id: string; fields: CarModelFields } {
  return {
    id: vehicle.id,
    fields: {
      brand: vehicle.brand,
      model: vehicle.model,
      variant: vehicle.variant || undefined,
      releaseYear: vehicle.release_year ?? undefined,
      vehicleType: vehicle.vehicle_type ?? undefined,
      drivetrain: vehicle.type ?? undefined,
      batteryKwh: vehicle.usable_battery_size ?? undefined,
      acMaxKw: vehicle.ac_charger?.max_power ?? undefined,
      acPhases: vehicle.ac_charger?.usable_phases ?? undefined,
      acPorts: vehicle.ac_charger?.ports ?? [],
      dcMaxKw: vehicle.dc_charger?.max_power ?? undefined,
      dcPorts: vehicle.dc_charger?.ports ?? [],
      dcChargingCurve: (vehicle.dc_charger?.charging_curve ?? [])
        .map((point) => ({ soc: point.percentage, powerKw: point.power }))
        .sort((a, b) => a.soc - b.soc),
      averageConsumptionKwhPer100Km: vehicle.energy_consumption?.average_consumption ?? undefined,
      source: CarModelSource.OPEN_EV_DATA,
    },
  };
}

/** The catalog entries of an Open EV Data file (its text), or BAD_USER_INPUT naming what is wrong. */
export function parseOpenEvData(text: string): { id: string; fields: CarModelFields }[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BadInputError('The file is not JSON', { field: 'json' });
  }
  const parsed = openEvFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadInputError(`Not an Open EV Data file: ${issue.path.join('.')}: ${issue.message}`, {
      field: 'json',
    });
  }
  return parsed.data.data.map(carModelOf);
}
