/** OICP status codes we answer with (CPO 2.3 StatusCodeType). */
export const OICP_CODES = {
  SUCCESS: ['000', 'Success.'],
  UNAUTHORIZED: ['017', 'Unauthorized Access.'],
  DATA_ERROR: ['022', 'Data error.'],
  SESSION_INVALID: ['400', 'Session is invalid.'],
  COMMUNICATION_FAILED: ['501', 'Communication to EVSE failed.'],
  EVSE_IN_USE: ['602', 'EVSE already in use/ wrong token.'],
  UNKNOWN_EVSE: ['603', 'Unknown EVSE ID.'],
  OUT_OF_SERVICE: ['700', 'EVSE out of service.'],
} as const;

export type OicpCode = keyof typeof OICP_CODES;

export interface OicpAcknowledgement {
  Result: boolean;
  StatusCode: { Code: string; Description: string; AdditionalInfo?: string };
  SessionID?: string;
  CPOPartnerSessionID?: string;
  EMPPartnerSessionID?: string;
}

/** An eRoamingAcknowledgement: the result, its code, and the session it is about. */
export function acknowledgement(
  code: OicpCode,
  additionalInfo?: string,
  session: { SessionID?: string; CPOPartnerSessionID?: string; EMPPartnerSessionID?: string } = {},
): OicpAcknowledgement {
  const [Code, Description] = OICP_CODES[code];
  return {
    Result: code === 'SUCCESS',
    StatusCode: {
      Code,
      Description,
      ...(additionalInfo ? { AdditionalInfo: additionalInfo.slice(0, 200) } : {}),
    },
    ...(session.SessionID ? { SessionID: session.SessionID } : {}),
    ...(session.CPOPartnerSessionID ? { CPOPartnerSessionID: session.CPOPartnerSessionID } : {}),
    ...(session.EMPPartnerSessionID ? { EMPPartnerSessionID: session.EMPPartnerSessionID } : {}),
  };
}

/** An answer that is not a 200: its HTTP status and the acknowledgement that explains it. */
export class OicpRefusal extends Error {
  constructor(
    readonly httpStatus: number,
    readonly answer: OicpAcknowledgement,
  ) {
    super(answer.StatusCode.AdditionalInfo ?? answer.StatusCode.Description);
  }
}
