import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { BadInputError, Connection, ConnectionArgs } from '@csms/common';
import { Args, ArgsType, Field, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';
import { RoamingIdentityService } from '../../identity/roaming-identity.service';
import { partnerActsAs } from '../../partners/roaming-partner';
import { RoamingToken } from '../../tokens/roaming-token';
import { RoamingTokenRepository } from '../../tokens/roaming-token.repository';
import { OcpiPuller } from '../client/ocpi-puller';
import { OcpiPartnerService } from '../partners/ocpi-partner.service';
import { OcpiVersion, isOcpi22 } from '../protocol/ocpi-version';
import { validateOcpi } from '../schemas/ocpi-validator';
import { Token211Json, Token221Json, token211Schema, token221Schema } from '../schemas/token.schema';
import { OcpiToken, OcpiTokenConnection } from './models/ocpi-token.model';
import { tokenFromJson } from './ocpi-token.mapper';

@ArgsType()
class OcpiTokensArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  partnerId?: string;
}

@Resolver(() => OcpiToken)
export class OcpiTokenResolver {
  constructor(
    private readonly tokens: RoamingTokenRepository,
    private readonly partners: OcpiPartnerService,
    private readonly identities: RoamingIdentityService,
    private readonly puller: OcpiPuller,
  ) {}

  @Query(() => OcpiTokenConnection, { description: "eMSP partners' tokens we know (as their CPO)" })
  @CheckAbility('read', 'RoamingPartner')
  ocpiTokens(
    @CurrentPrincipal() principal: Principal,
    @Args() args: OcpiTokensArgs,
  ): Promise<Connection<RoamingToken>> {
    return this.tokens.page(principal.tenantId, args.partnerId, args);
  }

  @Mutation(() => Int, {
    description:
      'Pulls every token of an eMSP partner (GET on its tokens Sender interface) and stores them; the count',
  })
  @CheckAbility('update', 'RoamingPartner')
  async pullOcpiTokens(
    @CurrentPrincipal() principal: Principal,
    @Args('partnerId', { type: () => ID }) partnerId: string,
  ): Promise<number> {
    const partner = await this.partners.get(principal.tenantId, partnerId);
    if (partner.status !== 'REGISTERED' || !partnerActsAs(partner, 'EMSP')) {
      throw new BadInputError(`${partner.name} is not a registered eMSP partner`);
    }
    const identity = await this.identities.require(principal.tenantId);
    const version = partner.ocpi.version as OcpiVersion;
    const party = partner.roles.find((role) => role.role === 'EMSP') ?? partner.roles[0];
    return this.puller.pull(partner, identity, 'tokens', async (objects) => {
      for (const object of objects) {
        const json = isOcpi22(version)
          ? validateOcpi<Token221Json>(token221Schema, object, 'token')
          : validateOcpi<Token211Json>(token211Schema, object, 'token');
        await this.tokens.upsert(principal.tenantId, tokenFromJson(json, version, partner.id, party));
      }
    });
  }
}
