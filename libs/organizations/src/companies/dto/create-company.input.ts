import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, Length, ValidateNested } from 'class-validator';
import { AddressInput } from '../../shared/address.model';

@InputType()
export class CreateCompanyInput {
  @Field()
  @Length(1, 100)
  name: string;

  @Field(() => AddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressInput)
  address?: AddressInput;
}
