import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import { IsString } from 'class-validator';
import { CreateTariffInput } from './create-tariff.input';

@InputType({
  description: 'Fields left out keep their value. Sessions already started keep the tariff they froze.',
})
export class UpdateTariffInput extends PartialType(CreateTariffInput) {
  @Field(() => ID)
  @IsString()
  id: string;
}
