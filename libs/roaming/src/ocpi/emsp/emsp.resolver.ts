import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal, canOn } from '@csms/auth';
import { Connection, ConnectionArgs } from '@csms/common';
import { EventBus } from '@csms/events';
import {
  Args,
  ArgsType,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Subscription,
  registerEnumType,
} from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';
import { EmspCommandsService } from './emsp-commands.service';
import { PARTNER_EVSE_STATUS_CHANGED, PartnerEvseStatusChangedEvent } from './emsp-events';
import { EmspSyncService } from './emsp-sync.service';
import { EmspTokenPushes } from './emsp-token-pushes';
import {
  PartnerCdr,
  PartnerCdrConnection,
  PartnerCommand,
  PartnerLocation,
  PartnerLocationConnection,
  PartnerSession,
  PartnerSessionConnection,
} from './models/partner-objects.model';
import { presentCdr, presentLocation, presentSession } from './partner-object.presenter';
import { PartnerObject, PartnerObjectRepository } from './partner-object.repository';
import { OcpiPartnerService } from '../partners/ocpi-partner.service';

export enum PartnerModuleName {
  LOCATIONS = 'locations',
  TARIFFS = 'tariffs',
  SESSIONS = 'sessions',
  CDRS = 'cdrs',
}
registerEnumType(PartnerModuleName, { name: 'PartnerModule', description: "A CPO partner's module we pull" });

@ArgsType()
class PartnerObjectsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  partnerId?: string;
}

@InputType()
class StartPartnerSessionInput {
  @Field(() => ID)
  @IsString()
  @Length(1, 64)
  partnerId: string;

  @Field({ description: "The partner's location id" })
  @IsString()
  @Length(1, 39)
  locationId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 39)
  evseUid?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 36)
  connectorId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A badge of yours; without one your app account is the token',
  })
  @IsOptional()
  @IsString()
  @Length(1, 36)
  tagId?: string;
}

@ObjectType({ description: 'What a pull stored and what it skipped (invalid, or of another party)' })
class PartnerPullReport {
  @Field(() => Int)
  stored: number;

  @Field(() => Int)
  skipped: number;
}

@ObjectType({ description: "A partner EVSE's new status" })
class PartnerEvseStatus {
  @Field(() => ID)
  partnerId: string;

  @Field()
  locationId: string;

  @Field()
  evseUid: string;

  @Field()
  status: string;
}

function page<T>(
  connection: Connection<PartnerObject>,
  present: (object: PartnerObject) => T,
): Connection<T> {
  return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, node: present(edge.node) })) };
}

/** Roaming as an eMSP in GraphQL: partners' stations (read-only, live), our drivers' sessions and CDRs there, commands. */
@Resolver()
export class EmspResolver {
  constructor(
    private readonly objects: PartnerObjectRepository,
    private readonly sync: EmspSyncService,
    private readonly commands: EmspCommandsService,
    private readonly tokens: EmspTokenPushes,
    private readonly partners: OcpiPartnerService,
    private readonly events: EventBus,
  ) {}

  @Query(() => PartnerLocationConnection, { description: "CPO partners' charging locations (read-only)" })
  @CheckAbility('list', 'RoamingLocation')
  async partnerLocations(
    @CurrentPrincipal() principal: Principal,
    @Args() args: PartnerObjectsArgs,
  ): Promise<Connection<PartnerLocation>> {
    const filter = args.partnerId ? { partnerId: args.partnerId } : {};
    return page(await this.objects.page(principal.tenantId, 'locations', filter, args), presentLocation);
  }

  @Query(() => PartnerSessionConnection, {
    description: "Our drivers' sessions at partners' stations (yours only, unless admin)",
  })
  @CheckAbility('list', 'RoamingSession')
  async partnerSessions(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: PartnerObjectsArgs,
  ): Promise<Connection<PartnerSession>> {
    return page(
      await this.objects.page(principal.tenantId, 'sessions', this.visible(principal, ability, args), args),
      presentSession,
    );
  }

  @Query(() => PartnerCdrConnection, {
    description: "Charge detail records of our drivers' sessions at partners",
  })
  @CheckAbility('list', 'RoamingSession')
  async partnerCdrs(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: PartnerObjectsArgs,
  ): Promise<Connection<PartnerCdr>> {
    return page(
      await this.objects.page(principal.tenantId, 'cdrs', this.visible(principal, ability, args), args),
      presentCdr,
    );
  }

  @Query(() => PartnerCommand, { description: 'A command sent to a partner, with its result once it came' })
  @CheckAbility('command', 'RoamingLocation')
  partnerCommand(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PartnerCommand> {
    return this.commands.get(principal, ability, id);
  }

  @Mutation(() => PartnerCommand, {
    description:
      "Starts a session at a CPO partner's station (OCPI START_SESSION) with your badge or your app account",
  })
  @CheckAbility('command', 'RoamingLocation')
  startPartnerSession(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: StartPartnerSessionInput,
  ): Promise<PartnerCommand> {
    return this.commands.startSession(principal, ability, input);
  }

  @Mutation(() => PartnerCommand, {
    description: 'Stops a session at a partner (OCPI STOP_SESSION); the id is from partnerSessions',
  })
  @CheckAbility('stop', 'RoamingSession')
  stopPartnerSession(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PartnerCommand> {
    return this.commands.stopSession(principal, ability, id);
  }

  @Mutation(() => PartnerPullReport, {
    description: "Pulls a CPO partner's locations, tariffs, sessions or CDRs (its Sender interface)",
  })
  @CheckAbility('update', 'RoamingPartner')
  pullPartnerObjects(
    @CurrentPrincipal() principal: Principal,
    @Args('partnerId', { type: () => ID }) partnerId: string,
    @Args('module', { type: () => PartnerModuleName }) module: PartnerModuleName,
  ): Promise<PartnerPullReport> {
    return this.sync.pull(principal.tenantId, partnerId, module);
  }

  @Mutation(() => Int, {
    description: 'Pushes every badge of the tenant to a CPO partner (through the outbox); the count',
  })
  @CheckAbility('update', 'RoamingPartner')
  async pushOcpiTokens(
    @CurrentPrincipal() principal: Principal,
    @Args('partnerId', { type: () => ID }) partnerId: string,
  ): Promise<number> {
    return this.tokens.pushAll(await this.partners.get(principal.tenantId, partnerId));
  }

  @Subscription(() => PartnerEvseStatus, {
    description: "Status changes of CPO partners' EVSEs, live",
    resolve: (event: PartnerEvseStatusChangedEvent) => event.payload,
  })
  @CheckAbility('list', 'RoamingLocation')
  partnerEvseStatusChanged(
    @CurrentPrincipal() principal: Principal,
    @Args('partnerId', { type: () => ID, nullable: true }) partnerId?: string,
  ): AsyncIterableIterator<PartnerEvseStatusChangedEvent> {
    return this.events.iterate<PartnerEvseStatusChangedEvent>(
      [PARTNER_EVSE_STATUS_CHANGED],
      (event) =>
        event.tenantId === principal.tenantId && (!partnerId || event.payload.partnerId === partnerId),
    );
  }

  /** Drivers see their own sessions and CDRs; admins every one (or a partner's). */
  private visible(
    principal: Principal,
    ability: AppAbility,
    args: PartnerObjectsArgs,
  ): Record<string, unknown> {
    const filter: Record<string, unknown> = args.partnerId ? { partnerId: args.partnerId } : {};
    if (!canOn(ability, 'list', 'RoamingSession', { userId: '\u0000nobody' }))
      filter.userId = principal.userId;
    return filter;
  }
}
