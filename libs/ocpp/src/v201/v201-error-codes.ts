/**
 * The shared validator speaks OCPP 1.6's CALLERROR dialect (`FormationViolation`, the misspelt
 * `OccurenceConstraintViolation`); OCPP-J 2.0.1 spells them `FormatViolation` and
 * `OccurrenceConstraintViolation`. Every outbound 2.0.1 CALLERROR passes through here.
 */
const OCPP201_CODES: Record<string, string> = {
  FormationViolation: 'FormatViolation',
  OccurenceConstraintViolation: 'OccurrenceConstraintViolation',
};

const CALLERROR = 4;

/** Rewrites a serialized CALLERROR's code for OCPP 2.0.1; every other frame is returned untouched. */
export function toOcpp201Frame(frame: string): string {
  if (!frame.startsWith(`[${CALLERROR},`)) return frame;
  const message = JSON.parse(frame) as unknown[];
  const code = message[2];
  if (typeof code !== 'string' || !(code in OCPP201_CODES)) return frame;
  message[2] = OCPP201_CODES[code];
  return JSON.stringify(message);
}
