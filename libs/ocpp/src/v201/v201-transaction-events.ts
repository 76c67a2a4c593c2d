import { TenantId } from '@csms/common';
import {
  IdTagInfo,
  MeterValue,
  SessionCost,
  TransactionInbound,
} from '@csms/transactions/ports/transaction-inbound.port';
import { Injectable, Logger } from '@nestjs/common';
import { IdTokenType, TransactionEventRequest, TransactionEventResponse } from './types/generated';
import { encodeIdTokenInfo, energyRegisterWh, toDate, toMeterValues } from './v201-inbound.mapper';
import { TrackedTransaction, V201TransactionTracker } from './v201-transaction.tracker';

/** Who a station reports for a transaction it started without any authorization. */
const NO_AUTHORIZATION = 'NoAuthorization';

/** 2.0.1's default stoppedReason: "Local" when the station leaves it out. */
const DEFAULT_STOPPED_REASON = 'Local';

/**
 * OCPP 2.0.1 TransactionEvent → the version-neutral TransactionInbound port:
 * - the domain hears of the transaction at the first event carrying an idToken (Started, or an
 *   Updated with triggerReason Authorized when the cable came first), with the station's own
 *   transaction id, the EVSE as connector and the event's timestamp (offline replays keep theirs);
 *   meter values sent before that are handed over right after;
 * - Updated → meterValues; Ended → stop with its stoppedReason and its meter values as
 *   transactionData;
 * - seqNo: a repeated event gets the first answer again and changes nothing; gaps are logged and
 *   tolerated (the events may come later, offline, or never).
 */
@Injectable()
export class V201TransactionEvents {
  private readonly logger = new Logger(V201TransactionEvents.name);

  constructor(
    private readonly transactions: TransactionInbound,
    private readonly tracker: V201TransactionTracker,
  ) {}

  /** `note` receives why an idToken was refused, for the message log. */
  async handle(
    tenantId: TenantId,
    stationId: string,
    request: TransactionEventRequest,
    note: (text: string | undefined) => void = () => undefined,
  ): Promise<TransactionEventResponse> {
    const ocppTransactionId = request.transactionInfo.transactionId;
    const known = this.tracker.get(tenantId, stationId, ocppTransactionId);
    const repeated = known?.answers.get(request.seqNo);
    if (repeated) return repeated;
    const tracked =
      known ??
      this.tracker.track(tenantId, stationId, {
        ocppTransactionId,
        connectorId: request.evse?.id ?? 0,
        startedAt: toDate(request.timestamp),
        // First seen after Started (e.g. after our restart): the domain already has it, or will
        // keep what it cannot attach as station meter values.
        started: request.eventType !== 'Started',
      });
    this.noteSequence(stationId, tracked, request.seqNo);
    const evseId = request.evse?.id;
    // Authorized before the cable (E04, J08): the EVSE comes with a later event.
    const learnsEvse = Boolean(evseId) && tracked.started && tracked.connectorId === 0;
    if (evseId && (!tracked.started || learnsEvse)) tracked.connectorId = evseId;
    if (learnsEvse) {
      await this.transactions.assignConnector(tenantId, stationId, ocppTransactionId, tracked.connectorId);
    }

    const values = toMeterValues(request.meterValue);
    const registerWh = energyRegisterWh(values, 'last');
    if (registerWh !== undefined) tracked.lastRegisterWh = registerWh;

    let idTagInfo: IdTagInfo | undefined;
    if (!tracked.started && (request.idToken || request.eventType === 'Ended')) {
      idTagInfo = await this.start(tenantId, stationId, tracked, request, values);
    } else if (request.idToken) {
      idTagInfo = await this.authorize(tenantId, stationId, request.idToken);
    }

    note(idTagInfo?.reason);
    let totalCost: number | undefined;
    if (!tracked.started) {
      tracked.pending.push(...values);
    } else if (request.eventType === 'Ended') {
      await this.flushPending(tenantId, stationId, tracked);
      totalCost = (await this.stop(tenantId, stationId, tracked, request, values))?.totalCost;
    } else {
      tracked.pending.push(...values);
      await this.flushPending(tenantId, stationId, tracked);
      // E01/I02: the running cost so far (from memory; a priced session only).
      if (request.eventType === 'Updated') {
        totalCost = this.transactions.runningCost(tenantId, stationId, ocppTransactionId)?.totalCost;
      }
    }

    const answer: TransactionEventResponse = {
      ...(idTagInfo ? { idTokenInfo: encodeIdTokenInfo(idTagInfo) } : {}),
      ...(totalCost === undefined ? {} : { totalCost }),
    };
    tracked.answers.set(request.seqNo, answer);
    return answer;
  }

  private noteSequence(stationId: string, tracked: TrackedTransaction, seqNo: number): void {
    if (tracked.lastSeqNo >= 0 && seqNo > tracked.lastSeqNo + 1) {
      this.logger.warn(
        { stationId, ocppTransactionId: tracked.ocppTransactionId, expected: tracked.lastSeqNo + 1, seqNo },
        'TransactionEvent seqNo gap: earlier events are missing or will come later',
      );
    }
    tracked.lastSeqNo = Math.max(tracked.lastSeqNo, seqNo);
  }

  /**
   * Reports the transaction to the domain; its meter start is the first register reading sent so
   * far. An Ended without any idToken is a session nobody authorized: started as such so its
   * energy is not lost.
   */
  private async start(
    tenantId: TenantId,
    stationId: string,
    tracked: TrackedTransaction,
    request: TransactionEventRequest,
    values: MeterValue[],
  ): Promise<IdTagInfo | undefined> {
    const idToken = request.idToken;
    const result = await this.transactions.start(tenantId, stationId, {
      connectorId: tracked.connectorId,
      idTag: idToken?.idToken ?? '',
      meterStartWh: energyRegisterWh([...tracked.pending, ...values], 'first') ?? 0,
      timestamp: tracked.startedAt,
      reservationId: request.reservationId,
      stationTransactionId: tracked.ocppTransactionId,
    });
    tracked.started = true;
    if (!idToken) return undefined;
    return idToken.type === NO_AUTHORIZATION ? { status: 'Accepted' } : result.idTagInfo;
  }

  /**
   * Hands the values held so far to the domain. Kept until it took them: a station repeating the
   * event after a failure sends them again, and the domain skips points it already has.
   */
  private async flushPending(
    tenantId: TenantId,
    stationId: string,
    tracked: TrackedTransaction,
  ): Promise<void> {
    if (!tracked.pending.length) return;
    await this.transactions.meterValues(
      tenantId,
      stationId,
      tracked.connectorId,
      tracked.ocppTransactionId,
      tracked.pending,
    );
    tracked.pending = [];
  }

  private async authorize(tenantId: TenantId, stationId: string, idToken: IdTokenType): Promise<IdTagInfo> {
    if (idToken.type === NO_AUTHORIZATION) return { status: 'Accepted' };
    return this.transactions.authorize(tenantId, stationId, idToken.idToken);
  }

  private async stop(
    tenantId: TenantId,
    stationId: string,
    tracked: TrackedTransaction,
    request: TransactionEventRequest,
    values: MeterValue[],
  ): Promise<SessionCost | undefined> {
    const meterStopWh = energyRegisterWh(values, 'last') ?? tracked.lastRegisterWh;
    if (meterStopWh === undefined) {
      this.logger.warn(
        { stationId, ocppTransactionId: tracked.ocppTransactionId },
        'TransactionEvent Ended without any energy register reading: meter stop taken as 0',
      );
    }
    const { cost } = await this.transactions.stop(tenantId, stationId, {
      ocppTransactionId: tracked.ocppTransactionId,
      meterStopWh: meterStopWh ?? 0,
      timestamp: toDate(request.timestamp),
      idTag:
        request.idToken && request.idToken.type !== NO_AUTHORIZATION ? request.idToken.idToken : undefined,
      reason: request.transactionInfo.stoppedReason ?? DEFAULT_STOPPED_REASON,
      transactionData: values.length ? values : undefined,
    });
    tracked.ended = true;
    return cost;
  }
}
