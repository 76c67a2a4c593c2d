import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, Length } from 'class-validator';

@ObjectType()
export class Address {
  @Field(() => String, { nullable: true })
  street?: string;

  @Field(() => String, { nullable: true })
  postalCode?: string;

  @Field(() => String, { nullable: true })
  city?: string;

  @Field(() => String, { nullable: true, description: 'Country name or ISO 3166 code' })
  country?: string;
}

@InputType()
export class AddressInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  street?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 20)
  postalCode?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  city?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  country?: string;
}
