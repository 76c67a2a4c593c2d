import { Field, ObjectType } from '@nestjs/graphql';
import { ChargingRateUnit } from '../commands/command-enums';

@ObjectType({ description: 'What the station can do, as its template says' })
export class StationCapabilities {
  @Field({ description: 'Power can be limited through a configuration key (no smart charging needed)' })
  staticLimitation: boolean;

  @Field({ description: 'Smart charging: SetChargingProfile and friends' })
  chargingProfiles: boolean;

  @Field()
  remoteStartStop: boolean;

  @Field()
  unlock: boolean;

  @Field()
  reservation: boolean;

  @Field()
  rfid: boolean;

  @Field()
  firmwareUpdate: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'OCPP 1.6: shows prices and costs sent as California Pricing DataTransfers (org.openchargealliance.costmsg)',
  })
  californiaPricing?: boolean;

  @Field(() => ChargingRateUnit, {
    nullable: true,
    description:
      'The unit smart charging gives this station its limits in; unset: amperes for AC, watts for DC',
  })
  chargingRateUnit?: ChargingRateUnit;
}
