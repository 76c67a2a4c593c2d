import { AppAbility, Principal, canOn } from '@csms/auth';
import { BadInputError, NotFoundError } from '@csms/common';
import { ChargingStationService } from '@csms/stations';
import { TagService } from '@csms/users';
import { Injectable } from '@nestjs/common';
import { priceSession } from '../engine/price-session';
import { toSessionPrice } from '../engine/session-price';
import { presentSessionPrice } from '../graphql/session-price.presenter';
import { TariffResolutionResult } from '../resolution/tariff-resolution';
import { TariffResolutionService } from '../resolution/tariff-resolution.service';
import { PriceEstimateModel } from './models/price-estimate.model';

export interface EstimateRequest {
  chargingStationId: string;
  connectorId: number;
  tagId?: string;
  energyKWh: number;
  startAt: Date;
  durationMinutes: number;
}

/** Resolution and estimates as callers may ask for them: basic users only for their own badges. */
@Injectable()
export class PricingQueryService {
  constructor(
    private readonly resolution: TariffResolutionService,
    private readonly stations: ChargingStationService,
    private readonly tags: TagService,
  ) {}

  async resolve(
    principal: Principal,
    ability: AppAbility,
    query: { chargingStationId: string; connectorId?: number; tagId?: string; at?: Date },
  ): Promise<TariffResolutionResult> {
    if (query.tagId) {
      const tag = await this.tags.findByTagId(principal.tenantId, query.tagId);
      // Someone else's badge does not exist for a basic user (as in every other query).
      if (!tag || !canOn(ability, 'read', 'Tag', tag)) throw new NotFoundError('Tag', query.tagId);
    }
    return this.resolution.resolve(principal.tenantId, {
      chargingStationId: query.chargingStationId,
      connectorId: query.connectorId,
      tagId: query.tagId,
      userId: query.tagId ? undefined : principal.userId,
      at: query.at ?? new Date(),
    });
  }

  /**
   * The session assumed: charging at the connector's maximum power (evenly over the whole duration
   * when unknown or too slow) until the energy is delivered, then parked until the end.
   */
  async estimate(
    principal: Principal,
    ability: AppAbility,
    request: EstimateRequest,
  ): Promise<PriceEstimateModel> {
    if (!(request.energyKWh >= 0)) throw new BadInputError('energyKWh must be ≥ 0', { field: 'energyKWh' });
    if (!(request.durationMinutes > 0)) {
      throw new BadInputError('durationMinutes must be > 0', { field: 'durationMinutes' });
    }
    const resolution = await this.resolve(principal, ability, { ...request, at: request.startAt });
    if (!resolution.tariff) return { reason: resolution.reason };
    const station = await this.stations.get(principal.tenantId, request.chargingStationId);
    const power = station.connectors.find((c) => c.connectorId === request.connectorId)?.maxPowerWatts;
    const startMs = request.startAt.getTime();
    const endMs = startMs + request.durationMinutes * 60_000;
    const energyWh = request.energyKWh * 1000;
    const chargingMs = power ? Math.ceil((energyWh / power) * 3_600_000) : Infinity;
    const fullAt = Math.min(endMs, startMs + chargingMs);
    const points = [{ timestamp: new Date(fullAt), cumulatedWh: energyWh }];
    if (fullAt < endMs) points.push({ timestamp: new Date(endMs), cumulatedWh: energyWh });
    const { quote } = priceSession(resolution.tariff, {
      timeZone: resolution.timeZone,
      startedAt: request.startAt,
      points,
    });
    const assumption =
      fullAt < endMs
        ? `charging at ${power} W for ${Math.round((fullAt - startMs) / 60_000)} min, then parked`
        : 'energy delivered evenly over the whole duration';
    return {
      price: presentSessionPrice(toSessionPrice(quote)),
      tariff: resolution.tariff,
      reason: `${resolution.reason}. Assumed ${assumption}`,
    };
  }
}
