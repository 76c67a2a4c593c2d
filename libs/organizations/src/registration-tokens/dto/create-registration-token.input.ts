import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, Length } from 'class-validator';

@InputType()
export class CreateRegistrationTokenInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  description?: string;

  @Field(() => Date, { nullable: true, description: 'In the future; default 30 days from now' })
  @IsOptional()
  @IsDate()
  expiresAt?: Date;

  @Field(() => ID, { nullable: true, description: 'Where the stations registering with it are placed' })
  @IsOptional()
  @IsString()
  siteAreaId?: string;
}
