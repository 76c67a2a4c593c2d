import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

@InputType({ description: 'Absent fields keep their value; the client secret is write-only' })
export class RefundSettingsInput {
  @Field()
  @IsBoolean()
  enabled: boolean;

  @Field(() => String, { nullable: true, description: "The Concur app's OAuth2 client id" })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  clientId?: string;

  @Field(() => String, { nullable: true, description: "The Concur app's OAuth2 client secret" })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  clientSecret?: string;

  @Field(() => String, {
    nullable: true,
    description: "Concur's OAuth2 server, e.g. https://us.api.concursolutions.com (https in production)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  authenticationUrl?: string;

  @Field(() => String, {
    nullable: true,
    description: "Concur's API, used when a user's token names no geolocation of its own",
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  apiUrl?: string;

  @Field(() => String, { nullable: true, description: 'OAuth2 scopes asked for (default EXPRPT)' })
  @IsOptional()
  @Matches(/^[\w.:-]+( [\w.:-]+)*$/, { message: 'scope is a space-separated list of scope names' })
  @MaxLength(500)
  scope?: string;

  @Field(() => String, { nullable: true, description: 'The Concur expense type code of each entry' })
  @IsOptional()
  @Matches(/^[\w-]{1,64}$/, { message: 'expenseTypeCode is a Concur expense type code' })
  expenseTypeCode?: string;

  @Field(() => String, { nullable: true, description: 'The Concur payment type id of each entry' })
  @IsOptional()
  @Matches(/^[\w$-]{1,64}$/, { message: 'paymentTypeId is a Concur payment type id' })
  paymentTypeId?: string;

  @Field(() => String, { nullable: true, description: 'The Concur policy id of each report' })
  @IsOptional()
  @Matches(/^[\w$-]{1,64}$/, { message: 'policyId is a Concur policy id' })
  policyId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'The report name; {month} becomes the month (YYYY-MM)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  reportName?: string;
}
