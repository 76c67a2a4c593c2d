import { ConnectorType } from '@csms/stations';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { TariffLevel } from '../../graphql/pricing-enums';
import { TariffModel } from '../../tariffs/models/tariff.model';

@ObjectType('TariffAssignment')
export class TariffAssignmentModel {
  @Field(() => ID)
  id: string;

  tariffId: string;

  @Field(() => TariffModel)
  tariff?: TariffModel;

  @Field(() => TariffLevel)
  level: TariffLevel;

  @Field(() => ID, {
    nullable: true,
    description: 'Company, site, site area or station (the station for CONNECTOR)',
  })
  entityId?: string;

  @Field(() => Int, { nullable: true })
  connectorId?: number;

  @Field(() => ID, { nullable: true, description: 'Only for the users and badges of this group' })
  userGroupId?: string;

  @Field(() => ConnectorType, { nullable: true, description: 'Only for connectors of this type' })
  connectorType?: ConnectorType;

  @Field(() => Float, { nullable: true, description: 'Only for connectors of at least this power, W' })
  minPowerWatts?: number;

  @Field(() => Float, { nullable: true, description: 'Only for connectors of at most this power, W' })
  maxPowerWatts?: number;

  @Field(() => Date, { nullable: true })
  validFrom?: Date;

  @Field(() => Date, { nullable: true, description: 'Exclusive' })
  validTo?: Date;

  @Field(() => Date)
  createdAt: Date;
}
