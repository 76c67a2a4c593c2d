/** Published by the transactions domain when a station asks about a badge the tenant does not know. */
export const UNKNOWN_TAG_PRESENTED_EVENT = 'UnknownTagPresented';

export interface UnknownTagPresented {
  chargingStationId: string;
  tagId: string;
  presentedAt: Date;
}

export function readUnknownTag(payload: unknown, fallbackAt: Date): UnknownTagPresented | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const candidate = payload as Record<string, unknown>;
  if (typeof candidate.chargingStationId !== 'string' || typeof candidate.tagId !== 'string') return null;
  const at = candidate.presentedAt;
  const presentedAt = typeof at === 'string' || at instanceof Date ? new Date(at) : fallbackAt;
  return {
    chargingStationId: candidate.chargingStationId,
    tagId: candidate.tagId,
    presentedAt: Number.isNaN(presentedAt.getTime()) ? fallbackAt : presentedAt,
  };
}
