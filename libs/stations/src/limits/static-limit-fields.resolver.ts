import { CurrentPrincipal, Principal } from '@csms/auth';
import { Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { ChargingStation } from '../models/charging-station.model';
import { Connector } from '../models/connector.model';
import { StaticLimit } from './models/static-limit.model';
import { selectsField } from './selects-field';
import { StaticLimitLoaderFactory } from './static-limit.loader';

/** A connector as served under its station: with the station's limit for it, which it cannot look up. */
type ConnectorWithLimit = Connector & { staticLimit?: StaticLimit | null };

/** The static limits in force, as fields of the station (connector 0) and of its connectors. */
@Resolver(() => ChargingStation)
export class StationStaticLimitFieldsResolver {
  constructor(private readonly loaders: StaticLimitLoaderFactory) {}

  @ResolveField(() => StaticLimit, { nullable: true, description: 'The limit on the whole station, if any' })
  async staticLimit(
    @Parent() station: ChargingStation,
    @CurrentPrincipal() principal: Principal,
    @Context('req') request: object,
  ): Promise<StaticLimit | null> {
    const limits = await this.loaders.forRequest(request, principal.tenantId).load(station.id);
    return limits.find((limit) => limit.connectorId === 0) ?? null;
  }

  /**
   * The connectors as stored, each given its own limit here: a connector object does not know its
   * station, so Connector.staticLimit reads what this resolver attached. Limits are read only when
   * the query asks for them.
   */
  @ResolveField(() => [Connector], { description: 'Connectors 1..n sorted by id (connector 0 is `status`)' })
  async connectors(
    @Parent() station: ChargingStation,
    @CurrentPrincipal() principal: Principal,
    @Context('req') request: object,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectorWithLimit[]> {
    if (station.connectors.length === 0 || !selectsField(info, 'staticLimit')) return station.connectors;
    const limits = await this.loaders.forRequest(request, principal.tenantId).load(station.id);
    return station.connectors.map((connector) => ({
      ...connector,
      staticLimit: limits.find((limit) => limit.connectorId === connector.connectorId) ?? null,
    }));
  }
}

@Resolver(() => Connector)
export class ConnectorStaticLimitFieldResolver {
  @ResolveField(() => StaticLimit, {
    nullable: true,
    description: 'The limit on this connector alone, if any',
  })
  staticLimit(@Parent() connector: ConnectorWithLimit): StaticLimit | null {
    return connector.staticLimit ?? null;
  }
}
