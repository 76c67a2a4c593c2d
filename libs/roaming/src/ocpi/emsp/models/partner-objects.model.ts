import { ConnectionType } from '@csms/common';
import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "A connector at a partner's EVSE" })
export class PartnerConnector {
  @Field()
  id: string;

  @Field({ description: 'OCPI ConnectorType, e.g. IEC_62196_T2' })
  standard: string;

  @Field({ description: 'AC_1_PHASE, AC_3_PHASE, DC …' })
  powerType: string;

  @Field(() => Float, { nullable: true, description: 'W' })
  maxElectricPower?: number;

  @Field(() => [String])
  tariffIds: string[];
}

@ObjectType({ description: "A partner's EVSE (one charge at a time), its status live" })
export class PartnerEvse {
  @Field()
  uid: string;

  @Field(() => String, { nullable: true, description: 'eMI3 EVSE id' })
  evseId?: string;

  @Field({ description: 'AVAILABLE, CHARGING, OUTOFORDER, UNKNOWN …' })
  status: string;

  @Field(() => [PartnerConnector])
  connectors: PartnerConnector[];
}

@ObjectType({ description: "A CPO partner's charging location (read-only: the partner owns it)" })
export class PartnerLocation {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  partnerId: string;

  @Field()
  countryCode: string;

  @Field()
  partyId: string;

  @Field({ description: "The partner's location id" })
  locationId: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field()
  address: string;

  @Field()
  city: string;

  @Field({ description: 'ISO 3166-1 alpha-3' })
  country: string;

  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;

  @Field(() => [PartnerEvse])
  evses: PartnerEvse[];

  @Field()
  lastUpdated: Date;
}

@ObjectType({ description: "A session of one of our drivers at a partner's station" })
export class PartnerSession {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  partnerId: string;

  @Field({ description: "The partner's session id" })
  sessionId: string;

  @Field(() => ID, { nullable: true, description: 'Our user whose token it is' })
  userId?: string;

  @Field()
  status: string;

  @Field(() => Float)
  kwh: number;

  @Field(() => Date, { nullable: true })
  startedAt?: Date;

  @Field(() => Date, { nullable: true })
  endedAt?: Date;

  @Field(() => String, { nullable: true })
  locationId?: string;

  @Field(() => String, { nullable: true })
  evseUid?: string;

  @Field()
  currency: string;

  @Field(() => Float, { nullable: true, description: 'Excluding VAT' })
  totalCost?: number;

  @Field(() => Float, { nullable: true })
  totalCostInclVat?: number;

  @Field()
  lastUpdated: Date;
}

@ObjectType({ description: "The charge detail record of one of our drivers' sessions at a partner" })
export class PartnerCdr {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  partnerId: string;

  @Field({ description: "The partner's CDR id" })
  cdrId: string;

  @Field(() => String, { nullable: true })
  sessionId?: string;

  @Field(() => ID, { nullable: true })
  userId?: string;

  @Field(() => Date, { nullable: true })
  startedAt?: Date;

  @Field(() => Date, { nullable: true })
  endedAt?: Date;

  @Field(() => Float, { description: 'kWh' })
  totalEnergy: number;

  @Field(() => Float, { description: 'hours' })
  totalTime: number;

  @Field()
  currency: string;

  @Field(() => Float, { description: 'Excluding VAT' })
  totalCost: number;

  @Field(() => Float, { nullable: true })
  totalCostInclVat?: number;

  @Field()
  lastUpdated: Date;
}

@ObjectType({ description: 'A command sent to a CPO partner, with its answer and (later) its result' })
export class PartnerCommand {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  partnerId: string;

  @Field()
  command: string;

  @Field(() => String, {
    nullable: true,
    description: "The CPO's answer (ACCEPTED, REJECTED, NOT_SUPPORTED, UNKNOWN_SESSION), or UNREACHABLE",
  })
  response?: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The charge point's result (ACCEPTED, REJECTED, FAILED, TIMEOUT, EVSE_OCCUPIED …); TIMEOUT once the CPO's timeout passed without one",
  })
  result?: string;

  @Field(() => String, { nullable: true })
  message?: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  timeoutAt?: Date;

  @Field(() => Date, { nullable: true })
  resultAt?: Date;
}

export const PartnerLocationConnection = ConnectionType(PartnerLocation);
export const PartnerSessionConnection = ConnectionType(PartnerSession);
export const PartnerCdrConnection = ConnectionType(PartnerCdr);
