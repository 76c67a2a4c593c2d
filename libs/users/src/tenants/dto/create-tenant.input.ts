import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsString, Length, Matches } from 'class-validator';

@InputType()
export class CreateTenantInput {
  @Field(() => ID, { description: 'Lowercase letters, digits and dashes; appears in OCPP URLs' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, {
    message: 'id must be lowercase letters, digits and dashes (max 63)',
  })
  id: string;

  @Field()
  @IsString()
  @Length(1, 200)
  name: string;

  @Field()
  @IsEmail({}, { message: 'adminEmail must be an email address' })
  adminEmail: string;

  @Field()
  @IsString()
  adminPassword: string;
}
