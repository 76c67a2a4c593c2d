import { ChargingProfilePurpose } from '@csms/stations';
import { Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, Min } from 'class-validator';
import { ChargingProfileCriterionType, ChargingProfilePurposeEnumType } from '../types/generated';

export enum ChargingLimitSource {
  EMS = 'EMS',
  Other = 'Other',
  SO = 'SO',
  CSO = 'CSO',
}
registerEnumType(ChargingLimitSource, {
  name: 'ChargingLimitSource',
  description:
    'OCPP 2.0.1: who set a charging limit (energy management system, system or charging station operator)',
});

@InputType({ description: 'OCPP 2.0.1 GetChargingProfiles filter; left out fields match every profile' })
export class ChargingProfileCriteriaInput {
  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  chargingProfileIds?: number[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  stackLevel?: number;

  @Field(() => ChargingProfilePurpose, { nullable: true })
  @IsOptional()
  @IsEnum(ChargingProfilePurpose)
  purpose?: ChargingProfilePurpose;

  @Field(() => [ChargingLimitSource], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsEnum(ChargingLimitSource, { each: true })
  limitSources?: ChargingLimitSource[];
}

const PURPOSES: Record<ChargingProfilePurpose, ChargingProfilePurposeEnumType> = {
  [ChargingProfilePurpose.ChargePointMaxProfile]: 'ChargingStationMaxProfile',
  [ChargingProfilePurpose.TxDefaultProfile]: 'TxDefaultProfile',
  [ChargingProfilePurpose.TxProfile]: 'TxProfile',
};

export function toProfileCriterion(
  criteria: ChargingProfileCriteriaInput | undefined,
): ChargingProfileCriterionType {
  if (!criteria) return {};
  return {
    ...(criteria.purpose ? { chargingProfilePurpose: PURPOSES[criteria.purpose] } : {}),
    ...(criteria.stackLevel === undefined || criteria.stackLevel === null
      ? {}
      : { stackLevel: criteria.stackLevel }),
    ...(criteria.chargingProfileIds?.length
      ? {
          chargingProfileId: criteria.chargingProfileIds as ChargingProfileCriterionType['chargingProfileId'],
        }
      : {}),
    ...(criteria.limitSources?.length
      ? { chargingLimitSource: criteria.limitSources as ChargingProfileCriterionType['chargingLimitSource'] }
      : {}),
  };
}
