/**
 * OCPP 1.6-J's CALLERROR vocabulary differs from 2.0.1's: `FormationViolation` and the spelling
 * `OccurenceConstraintViolation` (both kept by the 1.6 errata as "known issues that will not be
 * fixed"); it has no `RpcFrameworkError` nor `MessageTypeNotSupported`. ocpp-rpc renames the
 * occurrence code to the 2.1 spelling and uses 2.0.1 framework codes, so every outbound 1.6
 * CALLERROR passes through here.
 */
const OCPP16_CODES: Record<string, string> = {
  FormatViolation: 'FormationViolation',
  OccurrenceConstraintViolation: 'OccurenceConstraintViolation',
  RpcFrameworkError: 'FormationViolation',
  MessageTypeNotSupported: 'FormationViolation',
};

const CALLERROR = 4;

/** Rewrites a serialized CALLERROR's code for OCPP 1.6; every other frame is returned untouched. */
export function toOcpp16Frame(frame: string): string {
  if (!frame.startsWith(`[${CALLERROR},`)) return frame;
  const message = JSON.parse(frame) as unknown[];
  const code = message[2];
  if (typeof code !== 'string' || !(code in OCPP16_CODES)) return frame;
  message[2] = OCPP16_CODES[code];
  return JSON.stringify(message);
}
