import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Address } from '../../shared/address.model';
import { Coordinates } from '../../shared/coordinates.model';
import { OpeningPeriod } from './opening-period.model';

@ObjectType({ description: 'A place with charging stations, run by a company' })
export class Site {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  companyId: string;

  @Field()
  name: string;

  @Field(() => Address, { nullable: true })
  address?: Address;

  @Field(() => Coordinates, { nullable: true, description: 'Where its stations are found by position' })
  coordinates?: Coordinates;

  @Field(() => [OpeningPeriod], { description: 'Empty when no opening hours are given' })
  openingHours: OpeningPeriod[];

  @Field({ description: 'Shown to every user of the tenant (drivers looking for a station)' })
  public: boolean;

  @Field(() => String, { nullable: true, description: "IANA time zone; the tenant's when not given" })
  timeZone?: string;

  @Field(() => Date, { nullable: true })
  createdAt?: Date;
}
