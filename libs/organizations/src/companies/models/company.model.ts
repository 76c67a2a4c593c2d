import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Address } from '../../shared/address.model';

@ObjectType({ description: 'An operator owning sites' })
export class Company {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Address, { nullable: true })
  address?: Address;

  @Field(() => Date, { nullable: true })
  createdAt?: Date;
}
