import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, Length } from 'class-validator';

@InputType({ description: 'Fields left out keep their value; null siteAreaId stops placing stations' })
export class UpdateRegistrationTokenInput {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  description?: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  expiresAt?: Date;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  siteAreaId?: string | null;
}
