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

/**
 * Records SOAP traffic in the OCPP message log with OCPP-J's words: a request is a CALL, its
 * answer a CALLRESULT, a Fault a CALLERROR (errorCode: the Fault's subcode), with the latency.
 * The writer belongs to the JSON edge's module; without it, nothing is recorded.
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

  received(
    { tenantId, stationId }: StationRef,
    action: string,
    messageId: string | undefined,
    xml: string,
  ): void {
    this.record(
      { tenantId, stationId, direction: OcppMessageDirection.IN, messageType: 'CALL', action, messageId },
      xml,
    );
  }

  answered(
    station: StationRef,
    action: string,
    messageId: string | undefined,
    xml: string,
    since: number,
  ): void {
    this.record(
      { ...station, direction: OcppMessageDirection.OUT, messageType: 'CALLRESULT', action, messageId },
      xml,
      since,
    );
  }

  faulted(
    station: StationRef,
    action: string | undefined,
    messageId: string | undefined,
    xml: string,
    since: number,
    errorCode: string,
  ): void {
    this.record(
      {
        ...station,
        direction: OcppMessageDirection.OUT,
        messageType: 'CALLERROR',
        action,
        messageId,
        errorCode,
      },
      xml,
      since,
    );
  }

  /** For calls we make: the direction of each half is the other way round. */
  sent(station: StationRef, action: string, messageId: string, xml: string): void {
    this.record(
      { ...station, direction: OcppMessageDirection.OUT, messageType: 'CALL', action, messageId },
      xml,
    );
  }

  reply(
    station: StationRef,
    action: string,
    messageId: string,
    xml: string,
    since: number,
    errorCode?: string,
  ): void {
    const messageType = errorCode ? 'CALLERROR' : 'CALLRESULT';
    this.record(
      { ...station, direction: OcppMessageDirection.IN, messageType, action, messageId, errorCode },
      xml,
      since,
    );
  }

  private record(
    entry: Omit<OcppMessageRecord, 'sizeBytes' | 'at' | 'latencyMs'>,
    xml: string,
    since?: number,
  ): void {
    if (!this.writer) return;
    const now = Date.now();
    this.writer.record({
      ...entry,
      sizeBytes: Buffer.byteLength(xml),
      at: new Date(now),
      ...(since === undefined ? {} : { latencyMs: now - since }),
    });
  }
}
