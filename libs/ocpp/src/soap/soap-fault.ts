/**
 * A SOAP 1.2 Fault to answer. `code` is the SOAP code (Sender: the message is wrong; Receiver: we
 * failed), `subcode` an OCPP-S word (FormationViolation, ProtocolError, NotSupported, SecurityError…).
 */
export class SoapFault extends Error {
  constructor(
    readonly code: 'Sender' | 'Receiver' | 'VersionMismatch',
    readonly subcode: string,
    reason: string,
  ) {
    super(reason);
  }

  /** SOAP 1.2 HTTP binding: a Sender fault is the client's error (400), anything else ours (500). */
  get httpStatus(): number {
    return this.code === 'Receiver' ? 500 : 400;
  }
}
