import { Connection, ConnectionArgs, escapeRegExp, inRunsOf, TenantId } from '@csms/common';
import { Lean, newId, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { OcppMessage, OcppMessageDirection } from './models/ocpp-message.model';
import { OcppMessageDocument } from './schemas/ocpp-message.schema';

/**
 * A CALL with its answer (one record for both frames: half the writes of a record per frame), or a
 * frame that belongs to no CALL, as recorded on the hot path before it is stored.
 */
export interface OcppMessageRecord {
  tenantId: TenantId;
  stationId: string;
  /** Who sent the CALL, or the lone frame. */
  direction: OcppMessageDirection;
  /** CALL; or CALLRESULT, CALLERROR for an answer to no known CALL; or INVALID. */
  messageType: string;
  action?: string;
  messageId?: string;
  /** Of the CALL, or of the lone frame. */
  sizeBytes: number;
  /** When the CALL, or the lone frame, passed. */
  at: Date;
  /** CALLRESULT or CALLERROR; absent when no answer came. */
  answerType?: string;
  answerSizeBytes?: number;
  latencyMs?: number;
  errorCode?: string;
  /** Why the central system answered as it did (a badge refused, and why). */
  note?: string;
  /** A run of alike CALLs (see MessageRuns): how many, the last one's time, and every message id. */
  count?: number;
  lastAt?: Date;
  messageIds?: string[];
}

/**
 * Records per insert. When many wait at once (a backlog, or the runs of 500 stations before their
 * windows were drawn apart), one insert of 500 held the embedded database's only writer for 100 to
 * 190 ms, and the meter values of every station waited behind it.
 */
export const INSERT_CHUNK = 50;

@Injectable()
export class OcppMessageRepository extends TenantRepository<OcppMessageDocument, OcppMessage> {
  constructor(@InjectModel(OcppMessageDocument.name) model: Model<OcppMessageDocument>) {
    super(model);
  }

  /**
   * Unordered bulk inserts for a batch of frames, at most INSERT_CHUNK records each, one after the
   * other; each record carries its own tenant.
   */
  async insertBatch(records: readonly OcppMessageRecord[]): Promise<void> {
    for (const run of inRunsOf(records, INSERT_CHUNK)) {
      // Straight to the driver: mongoose's insertMany casts every record, which costs more than the
      // write itself on this path; the records are built by the recorder, already in shape.
      await this.model.collection.insertMany(run.map(toDocument), { ordered: false, ignoreUndefined: true });
    }
  }

  /** Retention: deletes the frames logged before `before`; returns how many. */
  async deleteBefore(tenantId: TenantId, before: Date): Promise<number> {
    return (await this.model.deleteMany(this.scope(tenantId, { at: { $lt: before } })).exec()).deletedCount;
  }

  /** A station's (or every) frame logged in [from, to), streamed (exports). */
  matching(tenantId: TenantId, filter: OcppMessageFilter): AsyncGenerator<OcppMessage> {
    return this.streamMatching(tenantId, messageFilter(filter));
  }

  countMatching(tenantId: TenantId, filter: OcppMessageFilter): Promise<number> {
    return this.count(tenantId, messageFilter(filter));
  }

  /** Newest first. */
  page(
    tenantId: TenantId,
    filter: { stationId?: string; messageId?: string },
    args: ConnectionArgs,
  ): Promise<Connection<OcppMessage>> {
    const { stationId, messageId } = filter;
    return this.findPage(
      tenantId,
      {
        ...(stationId && { stationId }),
        // A run holds its first id as `messageId` and all of them in its JSON list (or, written
        // before, in `messageIds`).
        ...(messageId && {
          $or: [
            { messageId },
            { messageIdsJson: { $regex: elementOfJsonList(messageId) } },
            { messageIds: messageId },
          ],
        }),
      },
      args,
      { field: 'at', direction: -1 },
    );
  }

  protected toEntity(doc: Lean<OcppMessageDocument>): OcppMessage {
    return {
      id: doc._id,
      chargingStationId: doc.stationId,
      direction: doc.direction as OcppMessageDirection,
      messageType: doc.messageType,
      action: doc.action,
      messageId: doc.messageId,
      sizeBytes: doc.sizeBytes,
      answerType: doc.answerType,
      answerSizeBytes: doc.answerSizeBytes,
      latencyMs: doc.latencyMs,
      errorCode: doc.errorCode,
      note: doc.note,
      timestamp: doc.at,
      count: doc.count ?? 1,
      lastTimestamp: doc.lastAt,
      messageIds: doc.messageIdsJson ? (JSON.parse(doc.messageIdsJson) as string[]) : doc.messageIds,
    };
  }
}

function toDocument(record: OcppMessageRecord): Omit<OcppMessageDocument, '_id'> & { _id: never } {
  const { messageIds, ...fields } = record;
  return {
    _id: newId() as never,
    ...fields,
    ...(messageIds && { messageIdsJson: JSON.stringify(messageIds) }),
  };
}

/**
 * Matches `messageId` as a whole element of a JSON list of strings: from the `[`, whole elements
 * (quoted, with escapes) each followed by a comma, then its JSON text, then `,` or `]`.
 */
function elementOfJsonList(messageId: string): RegExp {
  return new RegExp(`^\\[(?:"(?:[^"\\\\]|\\\\.)*",)*${escapeRegExp(JSON.stringify(messageId))}[,\\]]`);
}

export interface OcppMessageFilter {
  chargingStationId?: string;
  from?: Date;
  to?: Date;
}

function messageFilter(filter: OcppMessageFilter): FilterQuery<OcppMessageDocument> {
  const at = {
    ...(filter.from ? { $gte: new Date(filter.from) } : {}),
    ...(filter.to ? { $lt: new Date(filter.to) } : {}),
  };
  return {
    ...(filter.chargingStationId ? { stationId: filter.chargingStationId } : {}),
    ...(Object.keys(at).length ? { at } : {}),
  };
}
