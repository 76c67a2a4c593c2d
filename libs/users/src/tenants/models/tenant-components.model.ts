import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { TENANT_COMPONENTS, TenantComponent } from '../schemas/tenant.schema';

@ObjectType()
export class TenantComponents {
  @Field()
  pricing: boolean;

  @Field()
  billing: boolean;

  @Field()
  roaming: boolean;

  @Field()
  smartCharging: boolean;

  @Field()
  assets: boolean;

  @Field()
  statistics: boolean;
}

@InputType()
export class TenantComponentsInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  pricing?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  billing?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  roaming?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  smartCharging?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  assets?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  statistics?: boolean;
}

export function componentsOf(enabled: readonly TenantComponent[]): TenantComponents {
  return Object.fromEntries(
    TENANT_COMPONENTS.map((name) => [name, enabled.includes(name)]),
  ) as unknown as TenantComponents;
}

export function applyComponents(
  enabled: readonly TenantComponent[],
  changes: TenantComponentsInput,
): TenantComponent[] {
  return TENANT_COMPONENTS.filter((name) => changes[name] ?? enabled.includes(name));
}
