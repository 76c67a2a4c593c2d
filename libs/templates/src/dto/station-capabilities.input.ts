import { Field, InputType } from '@nestjs/graphql';
import { ChargingRateUnit } from '@csms/stations';
import { IsBoolean, IsEnum, IsOptional } from 'class-validator';

@InputType()
export class StationCapabilitiesInput {
  @Field({ defaultValue: false })
  @IsBoolean()
  staticLimitation: boolean;

  @Field({ defaultValue: false })
  @IsBoolean()
  chargingProfiles: boolean;

  @Field({ defaultValue: false })
  @IsBoolean()
  remoteStartStop: boolean;

  @Field({ defaultValue: false })
  @IsBoolean()
  unlock: boolean;

  @Field({ defaultValue: false })
  @IsBoolean()
  reservation: boolean;

  @Field({ defaultValue: false })
  @IsBoolean()
  rfid: boolean;

  @Field({ defaultValue: false })
  @IsBoolean()
  firmwareUpdate: boolean;

  @Field({
    defaultValue: false,
    description:
      'OCPP 1.6: the station shows California Pricing DataTransfers (SetUserPrice, RunningCost, FinalCost)',
  })
  @IsBoolean()
  californiaPricing: boolean;

  @Field(() => ChargingRateUnit, {
    nullable: true,
    description:
      'The unit smart charging gives the station its limits in (what its ChargingScheduleAllowedChargingRateUnit allows); unset: amperes for AC, watts for DC',
  })
  @IsOptional()
  @IsEnum(ChargingRateUnit)
  chargingRateUnit?: ChargingRateUnit;
}
