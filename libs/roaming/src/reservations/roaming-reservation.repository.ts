import { TenantId } from '@csms/common';
import { Lean, TenantRepository, isDuplicateKeyError } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { randomInt } from 'node:crypto';
import { RoamingReservationDocument } from './schemas/roaming-reservation.schema';

export interface RoamingReservation {
  partnerId: string;
  partnerReservationId: string;
  ocppReservationId: number;
  stationId: string;
  connectorId: number;
  expiresAt: Date;
}

@Injectable()
export class RoamingReservationRepository extends TenantRepository<
  RoamingReservationDocument,
  RoamingReservation
> {
  constructor(@InjectModel(RoamingReservationDocument.name) model: Model<RoamingReservationDocument>) {
    super(model);
  }

  find(
    tenantId: TenantId,
    partnerId: string,
    partnerReservationId: string,
  ): Promise<RoamingReservation | null> {
    return this.findOne(tenantId, { partnerId, partnerReservationId });
  }

  /**
   * The partner's reservation (a RESERVE_NOW with the same id replaces it, keeping its OCPP id), or a
   * new one with a fresh OCPP reservation id.
   */
  async reserve(
    tenantId: TenantId,
    reservation: Omit<RoamingReservation, 'ocppReservationId'>,
  ): Promise<RoamingReservation> {
    const existing = await this.find(tenantId, reservation.partnerId, reservation.partnerReservationId);
    if (existing) {
      const { stationId, connectorId, expiresAt } = reservation;
      return (await this.updateOne(
        tenantId,
        { partnerId: reservation.partnerId, partnerReservationId: reservation.partnerReservationId },
        { $set: { stationId, connectorId, expiresAt } },
      ))!;
    }
    // A random 31-bit id taken by another reservation (or a concurrent RESERVE_NOW) is drawn again.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.insert(tenantId, { ...reservation, ocppReservationId: randomInt(1, 2 ** 31 - 1) });
      } catch (error) {
        if (!isDuplicateKeyError(error) || attempt >= 5) throw error;
      }
    }
  }

  protected toEntity(doc: Lean<RoamingReservationDocument>): RoamingReservation {
    return {
      partnerId: doc.partnerId,
      partnerReservationId: doc.partnerReservationId,
      ocppReservationId: doc.ocppReservationId,
      stationId: doc.stationId,
      connectorId: doc.connectorId,
      expiresAt: doc.expiresAt,
    };
  }
}
