import { AppAbility, Principal, REQUIRED_ABILITY, RequiredAbility, canOn } from '@csms/auth';
import { ForbiddenError, NotFoundError } from '@csms/common';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ChargingStationService } from '../charging-station.service';

/**
 * Row-level check for resolvers taking a `chargingStationId`: the caller's ability must allow the
 * resolver's @CheckAbility action on that very station (site admins command the stations of their
 * sites only). Runs after the global guards, which built the ability. A station the caller may not
 * read is NOT_FOUND; an unknown one is left to the resolver, which answers NOT_FOUND itself.
 */
@Injectable()
export class StationAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly stations: ChargingStationService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.get<RequiredAbility | undefined>(REQUIRED_ABILITY, context.getHandler());
    if (required?.subject !== 'ChargingStation') return true;
    const graphql = GqlExecutionContext.create(context);
    const stationId = graphql.getArgs<{ chargingStationId?: unknown }>().chargingStationId;
    const { ability, user } = graphql.getContext<{ req: { ability?: AppAbility; user?: Principal } }>().req;
    if (typeof stationId !== 'string' || !user) return true;
    const station = await this.stations.find(user.tenantId, stationId);
    if (!station) return true;
    if (!canOn(ability, 'read', 'ChargingStation', station))
      throw new NotFoundError('ChargingStation', stationId);
    if (!canOn(ability, required.action, 'ChargingStation', station)) {
      throw new ForbiddenError(`You may not ${required.action} charging station ${stationId}`);
    }
    return true;
  }
}
