import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUrl, Length, Matches, ValidateIf } from 'class-validator';
import { OcpiAuthorizationHeader, OcpiRole } from '../models/ocpi-enums';

@InputType({
  description:
    'With versionsUrl and tokenA (the partner gave us both), we register with the partner; without them, the partner registers with us using the token A returned',
})
export class CreateOcpiPartnerInput {
  @Field()
  @Length(1, 100)
  name: string;

  @Field(() => OcpiRole)
  @IsEnum(OcpiRole)
  role: OcpiRole;

  @Field(() => String, { nullable: true, description: "The partner's versions endpoint" })
  @ValidateIf(
    (input: CreateOcpiPartnerInput) => input.versionsUrl !== undefined || input.tokenA !== undefined,
  )
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'versionsUrl must be an http(s) URL (required with tokenA)' },
  )
  @Length(1, 255)
  versionsUrl?: string;

  @Field(() => String, { nullable: true, description: "The partner's token A" })
  @ValidateIf(
    (input: CreateOcpiPartnerInput) => input.versionsUrl !== undefined || input.tokenA !== undefined,
  )
  @Matches(/^[\x21-\x7e]{1,64}$/, {
    message: 'tokenA must be 1 to 64 printable characters without spaces (required with versionsUrl)',
  })
  tokenA?: string;

  @Field(() => OcpiAuthorizationHeader, { nullable: true, description: 'Default AUTO' })
  @IsOptional()
  @IsEnum(OcpiAuthorizationHeader)
  authorizationHeader?: OcpiAuthorizationHeader;
}
