import { ConnectionArgs } from '@csms/common';
import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, Length } from 'class-validator';

@ArgsType()
export class CarModelsArgs extends ConnectionArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Words that must each appear in brand, model or variant',
  })
  @IsOptional()
  @Length(1, 100)
  search?: string;

  @Field(() => String, { nullable: true, description: 'Only this brand (as `carBrands` spells it)' })
  @IsOptional()
  @Length(1, 100)
  brand?: string;
}
