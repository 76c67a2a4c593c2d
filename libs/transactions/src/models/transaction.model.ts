import { SessionPriceAmount, Tariff } from '@csms/pricing';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A charging session' })
export class Transaction {
  @Field(() => ID, { description: 'Unique in its tenant' })
  id: string;

  tenantId: string;

  @Field({ description: 'The id the station knows: for OCPP 1.x the integer the server assigned' })
  ocppTransactionId: string;

  @Field(() => ID)
  chargingStationId: string;

  @Field(() => Int)
  connectorId: number;

  /** Exposed through TransactionResolver.tagId, hidden from who may not see the driver. */
  tagId?: string;

  @Field(() => String, { nullable: true, description: 'OCPP parentIdTag of the tag at start' })
  parentTagId?: string;

  @Field(() => String, { nullable: true, description: 'What the tag check answered at start' })
  authorizationStatus?: string;

  userId?: string;

  @Field()
  active: boolean;

  @Field(() => Date)
  startedAt: Date;

  @Field(() => Date, { nullable: true })
  stoppedAt?: Date;

  @Field(() => Float)
  meterStartWh: number;

  @Field(() => Float, { nullable: true })
  meterStopWh?: number;

  @Field(() => Float, { description: 'Delivered so far, or in total once stopped' })
  energyWh: number;

  @Field(() => String, { nullable: true })
  stopReason?: string;

  @Field(() => ID, { nullable: true })
  stopTagId?: string;

  @Field(() => Int, { nullable: true })
  reservationId?: number;

  @Field(() => Date, { nullable: true })
  lastMeterValueAt?: Date;

  /** The whole tariff frozen at start (exposed by TransactionResolver.tariff); editing it later changes nothing here. */
  tariff?: Tariff;

  /** The clock the frozen tariff is read on (the site's time zone at start). */
  tariffTimeZone?: string;

  /** Live while active, final once stopped (exposed by TransactionResolver.price). */
  price?: SessionPriceAmount;

  createdAt?: Date;
}
