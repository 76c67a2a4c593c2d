import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { Role } from '../../role';

export const DEFAULT_API_KEY_DAYS = 180;
export const MAX_API_KEY_DAYS = 730;
export const MAX_API_KEY_RATE_LIMIT = 100_000;
const MAX_SITES = 500;

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for, e.g. the integration using it' })
  @IsString()
  @Length(1, 100)
  name: string;

  @Field(() => Role, { description: 'No higher than your own' })
  @IsEnum(Role)
  role: Role;

  @Field(() => Int, {
    nullable: true,
    description: `Lifetime in days, 1..${MAX_API_KEY_DAYS} (default ${DEFAULT_API_KEY_DAYS})`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_API_KEY_DAYS)
  expiresInDays?: number;

  @Field(() => [ID], {
    nullable: true,
    description: 'Role BASIC only: sites it administers, as a site admin',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_SITES)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  siteAdminSiteIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Role BASIC only: sites it reads, as a site owner' })
  @IsOptional()
  @ArrayMaxSize(MAX_SITES)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  siteOwnerSiteIds?: string[];

  @Field(() => Int, {
    nullable: true,
    description: `Requests per minute, 1..${MAX_API_KEY_RATE_LIMIT} (default API_KEY_RATE_LIMIT_PER_MINUTE)`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_API_KEY_RATE_LIMIT)
  rateLimitPerMinute?: number;
}
