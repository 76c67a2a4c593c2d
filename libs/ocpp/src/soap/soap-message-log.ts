import { TenantId } from '@csms/common';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { OcppMessageDirection } from '../message-log/models/ocpp-message.model';
import { OcppMessageLogWriter } from '../message-log/ocpp-message-log.writer';
import { OcppMessageRecord } from '../message-log/ocpp-message.repository';

interface StationRef {
  tenantId: TenantId;
  stationId: string;
}

/** A SOAP answer: a Fault is a CALLERROR whose code is the Fault's subcode. */
export interface SoapAnswer {
  xml: string;
  errorCode?: string;
  /** Why we answered as we did (a badge refused, and why). */
  note?: string;
}

/**
 * Records SOAP traffic in the OCPP message log with OCPP-J's words: a request is a CALL, recorded
 * with its answer (CALLRESULT, or CALLERROR for a Fault) and the latency. The writer belongs to the
 * JSON edge's module; without it, nothing is recorded.
 */
@Injectable()
export class SoapMessageLog implements OnModuleInit {
  private writer: OcppMessageLogWriter | undefined;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    try {
      this.writer = this.moduleRef.get(OcppMessageLogWriter, { strict: false });
    } catch {
      this.writer = undefined;
    }
  }

  /** A station's request, received at `since`, and our answer. */
  handled(
    station: StationRef,
    action: string | undefined,
    messageId: string | undefined,
    requestXml: string,
    since: number,
    answer: SoapAnswer,
  ): void {
    this.record(OcppMessageDirection.IN, station, action, messageId, requestXml, since, answer);
  }

  /** Our request, sent at `since`, and the station's answer: none when it did not come. */
  called(
    station: StationRef,
    action: string,
    messageId: string,
    requestXml: string,
    since: number,
    answer?: SoapAnswer,
  ): void {
    this.record(OcppMessageDirection.OUT, station, action, messageId, requestXml, since, answer);
  }

  private record(
    direction: OcppMessageDirection,
    { tenantId, stationId }: StationRef,
    action: string | undefined,
    messageId: string | undefined,
    requestXml: string,
    since: number,
    answer: SoapAnswer | undefined,
  ): void {
    if (!this.writer) return;
    const call: OcppMessageRecord = {
      tenantId,
      stationId,
      direction,
      messageType: 'CALL',
      action,
      messageId,
      sizeBytes: Buffer.byteLength(requestXml),
      at: new Date(since),
    };
    this.writer.record(
      answer
        ? {
            ...call,
            answerType: answer.errorCode ? 'CALLERROR' : 'CALLRESULT',
            answerSizeBytes: Buffer.byteLength(answer.xml),
            latencyMs: Date.now() - since,
            errorCode: answer.errorCode,
            ...(answer.note ? { note: answer.note } : {}),
          }
        : call,
    );
  }
}
