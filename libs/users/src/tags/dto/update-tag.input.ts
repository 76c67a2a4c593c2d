import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsOptional, IsString, Length, Matches } from 'class-validator';

@InputType()
export class UpdateTagInput {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => ID, { nullable: true, description: 'New owner; null removes the owner' })
  @IsOptional()
  @IsString()
  userId?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => String, { nullable: true })
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

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  default?: boolean;
}
