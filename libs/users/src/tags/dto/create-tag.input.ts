import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsOptional, IsString, Length, Matches } from 'class-validator';

@InputType()
export class CreateTagInput {
  @Field(() => ID, { description: 'The idTag: 1 to 20 printable characters (OCPP 1.6 CiString20)' })
  @Matches(/^[\x21-\x7e]{1,20}$/, { message: 'id must be 1 to 20 printable ASCII characters without spaces' })
  id: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  userId?: string;

  @Field({ nullable: true, defaultValue: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @Length(0, 200)
  description?: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  expiresAt?: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[\x21-\x7e]{1,20}$/, { message: 'parentTagId must be 1 to 20 printable ASCII characters' })
  parentTagId?: string;

  @Field({ nullable: true, defaultValue: false, description: "Makes it its owner's default badge" })
  @IsOptional()
  @IsBoolean()
  default?: boolean;
}
