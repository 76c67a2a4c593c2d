import { BadInputError, TenantId, noteOcppCall } from '@csms/common';
import { OcppProtocol, OcppVersion, StationLink } from '@csms/stations/ports/station-inbound.port';
import { StationOfflineError, StationTimeoutError } from '@csms/stations/ports/station-errors';
import { TimeoutError } from 'ocpp-rpc';
import { rpcErrorCodeOf, RpcConnection } from '../transport/rpc-connection';
import { SchemaValidator } from '../transport/ocpp-validation';
import { StationCallError } from './station-call.error';

/** Notes waiting for their answer to pass; a handler notes only refusals, so a few at most. */
const MAX_ANSWER_NOTES = 64;

/** One station connected to this instance over OCPP-J. */
export class StationSession {
  readonly connectedAt = new Date();
  readonly ocppProtocol: OcppProtocol = 'json';
  /** The answer to its last BootNotification on this connection (none yet: undefined). */
  bootStatus?: 'Accepted' | 'Pending' | 'Rejected';
  private readonly answerNotes = new Map<string, string>();
  /**
   * The message id ocpp-rpc chose for each payload we sent (it announces each CALL frame with a
   * `call` event just before sending it); the payload object tells one call from another.
   */
  private readonly sentMessageIds = new WeakMap<object, string>();

  constructor(
    readonly tenantId: TenantId,
    readonly stationId: string,
    readonly ocppVersion: OcppVersion,
    readonly connection: RpcConnection,
    private readonly validator: SchemaValidator,
  ) {
    // ocpp-rpc announces the station's CALLs too: only ours have a payload the audit log asks about.
    connection.on('call', ({ outbound, payload: frame }: { outbound: boolean; payload: unknown[] }) => {
      if (!outbound) return;
      if (typeof frame[1] === 'string' && typeof frame[3] === 'object' && frame[3] !== null) {
        this.sentMessageIds.set(frame[3], frame[1]);
      }
    });
  }

  get subprotocol(): string {
    return this.connection.protocol;
  }

  get link(): StationLink {
    return { ocppVersion: this.ocppVersion, ocppProtocol: this.ocppProtocol };
  }

  /**
   * Sends a CALL and resolves with the station's answer. Our own payload is checked first (a
   * refusal there is the caller's bad input, not the station's); a timeout or a connection lost
   * mid-call become the port's StationTimeoutError / StationOfflineError.
   */
  async call<TResponse>(action: string, payload: object): Promise<TResponse> {
    try {
      this.validator.check(action, 'req', payload);
    } catch (error) {
      throw new BadInputError(`Invalid ${action} request: ${(error as Error).message}`, { action });
    }
    try {
      return (await this.connection.call(action, payload)) as TResponse;
    } catch (error) {
      if (error instanceof TimeoutError) throw new StationTimeoutError(this.stationId, action);
      const code = rpcErrorCodeOf(error);
      if (code) throw new StationCallError(this.stationId, action, code, (error as Error).message);
      // ocpp-rpc rejects pending calls when the socket closes or is not open any more.
      throw new StationOfflineError(this.stationId);
    } finally {
      this.noteCall(action, payload);
    }
  }

  /** What the message log records beside our answer to the station's CALL `messageId` (why we refused). */
  noteAnswer(messageId: string, note: string): void {
    this.answerNotes.set(messageId, note);
    if (this.answerNotes.size > MAX_ANSWER_NOTES) {
      this.answerNotes.delete(this.answerNotes.keys().next().value as string);
    }
  }

  takeAnswerNote(messageId: string): string | undefined {
    const note = this.answerNotes.get(messageId);
    if (note !== undefined) this.answerNotes.delete(messageId);
    return note;
  }

  /** Notes the CALL's message id in the operation in progress (the audit log links to it). */
  private noteCall(action: string, payload: object): void {
    const messageId = this.sentMessageIds.get(payload);
    if (messageId) noteOcppCall({ chargingStationId: this.stationId, action, messageId });
  }

  close(reason: string): Promise<unknown> {
    return this.connection.close({ code: 1000, reason });
  }
}
