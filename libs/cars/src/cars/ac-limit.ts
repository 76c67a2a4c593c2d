import { CarModel } from '../catalog/car-model';
import { AcConverter } from './car';

/** Mains voltage between a phase and neutral that per-phase currents are computed with. */
const PHASE_VOLTAGE = 230;

/**
 * The most a car draws on AC: its converter as entered, else its catalog model's on-board charger
 * (amps per phase from the power over the phases at 230 V). Null when neither says.
 */
export function acLimitOf(converter: AcConverter | undefined, model: CarModel | null): AcConverter | null {
  if (converter) return converter;
  if (!model?.acMaxKw) return null;
  const phases = model.acPhases ?? 1;
  return {
    powerKw: model.acMaxKw,
    phases,
    ampsPerPhase: Math.round(((model.acMaxKw * 1000) / (PHASE_VOLTAGE * phases)) * 10) / 10,
  };
}
