import { Role } from '@csms/auth';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString } from 'class-validator';
import { UserStatus } from '../models/user-status';
import { UpdateMeInput } from './update-me.input';

/** An admin's changes to a user; every field is checked against the caller's ability, field by field. */
@InputType()
export class UpdateUserInput extends UpdateMeInput {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field(() => UserStatus, { nullable: true })
  @IsOptional()
  @IsEnum(UserStatus)
  status?: UserStatus;
}
