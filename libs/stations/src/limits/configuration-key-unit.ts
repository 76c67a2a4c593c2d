import { ChargingRateUnit } from '../commands/command-enums';

/** A key whose name ends in A, Amp(s), Ampere(s) or Current: its value is a current. */
const AMPERE_KEY = /(?:A|[Aa]mps?|[Aa]mperes?|[Cc]urrent)$/;

/**
 * The unit a static-limitation configuration key takes. Templates only name the key, so the name
 * decides: `MaxCurrentA`, `MaxStationAmps`, `ChargeCurrent` take amperes; anything else
 * (`MaxStationPowerW`, `PowerLimit`) takes watts. Values are whole numbers, as vendors' keys are.
 */
export function unitOfConfigurationKey(key: string): ChargingRateUnit {
  return AMPERE_KEY.test(key) ? ChargingRateUnit.A : ChargingRateUnit.W;
}
