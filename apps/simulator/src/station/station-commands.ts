import { supplyMaxPowerW } from '../model/charge-curve';
import { ChargingProfile, ClearCriteria, CompositePeriod, RateUnit } from '../model/charging-profiles';
import { Connector, ConnectorStatus } from '../model/connector';
import type { SimulatedStation } from './simulated-station';

export type CommandStatus = 'Accepted' | 'Rejected' | 'Scheduled';
export type ReserveStatus = 'Accepted' | 'Faulted' | 'Occupied' | 'Rejected' | 'Unavailable';
export type ListUpdateStatus = 'Accepted' | 'Failed' | 'VersionMismatch';

/** What the CSMS can ask of a station, independent of the OCPP version that carried the request. */
export class StationCommands {
  constructor(private readonly station: SimulatedStation) {}

  remoteStart(
    connectorId: number | undefined,
    idTag: string,
    extras: { remoteStartId?: number; txProfile?: ChargingProfile } = {},
  ): boolean {
    const connector =
      connectorId !== undefined && connectorId > 0
        ? this.station.connector(connectorId)
        : this.station.connectors.find((c) => this.station.canStart(c, idTag));
    if (!connector || !this.station.canStart(connector, idTag)) return false;
    setTimeout(() => void this.station.runSession(connector, idTag, 'Remote', extras), 0);
    return true;
  }

  remoteStop(transactionId: string): boolean {
    const connector = this.station.connectors.find(
      (c) =>
        c.session &&
        !c.session.stopping &&
        (c.session.transactionId === transactionId || c.session.localId === transactionId),
    );
    if (!connector) return false;
    setTimeout(() => void this.station.stopSession(connector, 'Remote'), 0);
    return true;
  }

  changeAvailability(connectorId: number, operative: boolean): CommandStatus {
    const targets =
      connectorId === 0
        ? this.station.connectors
        : [this.station.connector(connectorId)].filter((c) => c !== undefined);
    if (!targets.length) return 'Rejected';
    let scheduled = false;
    for (const connector of targets) {
      if (connector.session) {
        connector.scheduledOperative = operative;
        scheduled = true;
        continue;
      }
      connector.operative = operative;
      const status: ConnectorStatus = operative
        ? connector.reservation
          ? 'Reserved'
          : 'Available'
        : 'Unavailable';
      if (connector.status !== status) setTimeout(() => this.station.setStatus(connector, status), 0);
    }
    return scheduled ? 'Scheduled' : 'Accepted';
  }

  reserve(connectorId: number, reservationId: number, idTag: string, expiresAt: Date): ReserveStatus {
    const existing = this.station.connectors.find((c) => c.reservation?.id === reservationId);
    const connector =
      existing ??
      (connectorId === 0
        ? this.station.connectors.find((c) => c.status === 'Available' && c.operative)
        : this.station.connector(connectorId));
    if (!connector) return connectorId === 0 ? 'Occupied' : 'Rejected';
    if (connector.status === 'Faulted') return 'Faulted';
    if (!connector.operative) return 'Unavailable';
    if (connector.session || (connector.status !== 'Available' && connector !== existing)) return 'Occupied';
    if (connector.reservation) clearTimeout(connector.reservation.timer);
    const timer = setTimeout(
      () => this.expireReservation(connector, reservationId),
      Math.max(0, expiresAt.getTime() - Date.now()),
    );
    timer.unref();
    connector.reservation = { id: reservationId, idTag, expiresAt, timer };
    setTimeout(() => this.station.setStatus(connector, 'Reserved'), 0);
    return 'Accepted';
  }

  cancelReservation(reservationId: number): boolean {
    const connector = this.station.connectors.find((c) => c.reservation?.id === reservationId);
    if (!connector) return false;
    this.expireReservation(connector, reservationId);
    return true;
  }

  private expireReservation(connector: Connector, reservationId: number): void {
    if (connector.reservation?.id !== reservationId) return;
    clearTimeout(connector.reservation.timer);
    connector.reservation = undefined;
    if (connector.status === 'Reserved') this.station.setStatus(connector, 'Available');
  }

  /** 'Unlocked', or 'Occupied' when a transaction runs and the protocol does not stop it. */
  unlock(connectorId: number, stopTransaction: boolean): 'Unlocked' | 'Occupied' | 'Unknown' {
    const connector = this.station.connector(connectorId);
    if (!connector) return 'Unknown';
    if (connector.session) {
      if (!stopTransaction) return 'Occupied';
      setTimeout(() => void this.station.stopSession(connector, 'UnlockCommand'), 0);
    }
    return 'Unlocked';
  }

  /** Validates and installs a profile; the new cap applies from the next meter value. */
  setChargingProfile(profile: ChargingProfile): boolean {
    const maxStack = this.station.config.getNumber(this.station.protocol.keys.maxStackLevel, 10);
    const maxProfiles = this.station.config.getNumber(this.station.protocol.keys.maxProfiles, 20);
    if (profile.stackLevel > maxStack || profile.schedule.periods.length === 0) return false;
    if (profile.connectorId !== 0 && !this.station.connector(profile.connectorId)) return false;
    if (profile.purpose === 'StationMax' && profile.connectorId !== 0) return false;
    // phaseToUse needs a station that can switch the car's phase (2.0.1 ACPhaseSwitchingSupported).
    if (
      !this.station.settings.phaseSwitching &&
      profile.schedule.periods.some((p) => p.phaseToUse !== undefined)
    )
      return false;
    if (profile.purpose === 'Tx') {
      const session = this.station.connector(profile.connectorId)?.session;
      if (!session) return false;
      if (
        profile.transactionId !== undefined &&
        profile.transactionId !== (session.transactionId ?? session.localId)
      )
        return false;
    }
    if (
      !this.station.profiles.list().some((p) => p.id === profile.id) &&
      this.station.profiles.size >= maxProfiles
    )
      return false;
    this.station.rebalance();
    this.station.profiles.set(profile);
    this.station.rebalance();
    return true;
  }

  clearChargingProfiles(criteria: ClearCriteria): number {
    this.station.rebalance();
    const removed = this.station.profiles.clear(criteria);
    this.station.rebalance();
    return removed;
  }

  compositeSchedule(connectorId: number, durationS: number, unit: RateUnit): CompositePeriod[] | undefined {
    const connector = connectorId === 0 ? undefined : this.station.connector(connectorId);
    if (connectorId !== 0 && !connector) return undefined;
    const session = connector?.session;
    const tx = session
      ? { transactionId: session.transactionId ?? session.localId, startedAt: session.startedAt }
      : undefined;
    return this.station.profiles.compositeSchedule(
      connectorId,
      new Date(),
      durationS,
      unit,
      this.station.supply,
      supplyMaxPowerW(this.station.supply),
      tx,
    );
  }

  updateLocalList(
    version: number,
    full: boolean,
    entries: readonly { idTag: string; accepted?: boolean }[],
  ): ListUpdateStatus {
    if (!full && version <= this.station.localList.version && this.station.localList.version !== 0)
      return 'VersionMismatch';
    if (full) this.station.localList.entries.clear();
    for (const entry of entries) {
      if (entry.accepted === undefined) this.station.localList.entries.delete(entry.idTag);
      else this.station.localList.entries.set(entry.idTag, entry.accepted);
    }
    this.station.localList.version = version;
    return 'Accepted';
  }
}
