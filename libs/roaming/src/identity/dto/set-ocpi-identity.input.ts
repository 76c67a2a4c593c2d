import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsUrl, Length, Matches } from 'class-validator';

@InputType()
export class SetOcpiIdentityInput {
  @Field({ description: 'ISO 3166-1 alpha-2, upper case' })
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be two upper-case letters (ISO 3166-1 alpha-2)' })
  countryCode: string;

  @Field({ description: 'Three upper-case letters or digits' })
  @Matches(/^[A-Z0-9]{3}$/, { message: 'partyId must be three upper-case letters or digits' })
  partyId: string;

  @Field()
  @Length(1, 100)
  businessName: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_tld: false }, { message: 'website must be a URL' })
  @Length(1, 255)
  website?: string;
}
