import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

@InputType({ description: 'A Stripe Connect account for a company or a site (name exactly one)' })
export class CreateConnectedAccountInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  companyId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  siteId?: string;

  @Field(() => String, { nullable: true, description: 'The account holder’s email (prefills onboarding)' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email?: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 (default: the platform’s)' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code in capitals' })
  country?: string;
}
