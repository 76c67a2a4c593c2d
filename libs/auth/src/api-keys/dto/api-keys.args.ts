import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ApiKeyStatus } from '../models/api-key-status';
import { MAX_API_KEY_DAYS } from './create-api-key.input';

@ArgsType()
export class ApiKeysArgs {
  @Field(() => ApiKeyStatus, { nullable: true, description: 'Only keys in this status' })
  @IsOptional()
  @IsEnum(ApiKeyStatus)
  status?: ApiKeyStatus;

  @Field(() => Int, { nullable: true, description: 'Only active keys expiring within this many days' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_API_KEY_DAYS)
  expiringWithinDays?: number;
}
