import { Field, ObjectType } from '@nestjs/graphql';
import { TariffAssignmentModel } from '../../assignments/models/tariff-assignment.model';
import { TariffModel } from '../../tariffs/models/tariff.model';

@ObjectType('TariffResolution', { description: 'The tariff a session would get, and why' })
export class TariffResolutionModel {
  @Field(() => TariffModel, {
    nullable: true,
    description: 'Null: no tariff applies (sessions are not priced)',
  })
  tariff?: TariffModel;

  @Field(() => TariffAssignmentModel, { nullable: true })
  assignment?: TariffAssignmentModel;

  @Field()
  reason: string;

  @Field({ description: 'The IANA time zone restrictions are read in (the site’s, else the tenant default)' })
  timeZone: string;
}
