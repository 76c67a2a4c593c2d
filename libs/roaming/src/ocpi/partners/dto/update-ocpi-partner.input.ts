import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsEnum,
  IsIn,
  IsMongoId,
  IsOptional,
  IsUrl,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { PARTY_ROLES } from '../../../partners/roaming-partner';
import { OcpiAuthorizationHeader } from '../models/ocpi-enums';

@InputType()
export class OcpiPartyRoleInput {
  @Field({ description: 'CPO, EMSP, HUB, NSP, NAP, SCSP or OTHER' })
  @IsIn(PARTY_ROLES)
  role: string;

  @Field()
  @Matches(/^[A-Za-z]{2}$/, { message: 'countryCode must be two letters' })
  countryCode: string;

  @Field()
  @Matches(/^[A-Za-z0-9]{3}$/, { message: 'partyId must be three letters or digits' })
  partyId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  businessName?: string;
}

@InputType()
export class UpdateOcpiPartnerInput {
  @Field(() => ID)
  @IsMongoId()
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  name?: string;

  @Field(() => OcpiAuthorizationHeader, { nullable: true })
  @IsOptional()
  @IsEnum(OcpiAuthorizationHeader)
  authorizationHeader?: OcpiAuthorizationHeader;

  @Field(() => [OcpiPartyRoleInput], {
    nullable: true,
    description: 'The parties the partner speaks for; replaces those of the credentials exchange',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => OcpiPartyRoleInput)
  roles?: OcpiPartyRoleInput[];
}

@InputType()
export class RegisterOcpiPartnerInput {
  @Field(() => ID)
  @IsMongoId()
  id: string;

  @Field({ description: "The partner's versions endpoint" })
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'versionsUrl must be an http(s) URL' },
  )
  @Length(1, 255)
  versionsUrl: string;

  @Field({ description: "The partner's token A" })
  @Matches(/^[\x21-\x7e]{1,64}$/, { message: 'tokenA must be 1 to 64 printable characters without spaces' })
  tokenA: string;
}
