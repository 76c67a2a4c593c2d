import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connector } from './connector.model';

@ObjectType()
export class ChargingStation {
  @Field(() => ID, { description: 'The OCPP identity (chargeBoxId), unique in its tenant' })
  id: string;

  tenantId: string;

  @Field()
  online: boolean;

  @Field(() => Date, { nullable: true })
  lastSeen?: Date;

  @Field(() => String, { nullable: true, description: '"1.5", "1.6", "2.0.1"' })
  ocppVersion?: string;

  @Field(() => String, { nullable: true, description: '"json" or "soap"' })
  ocppProtocol?: string;

  @Field(() => String, {
    nullable: true,
    description: 'SOAP stations: the address central-system calls go to',
  })
  endpoint?: string;

  @Field(() => String, { nullable: true })
  vendor?: string;

  @Field(() => String, { nullable: true })
  model?: string;

  @Field(() => String, { nullable: true })
  serialNumber?: string;

  @Field(() => String, { nullable: true })
  chargeBoxSerialNumber?: string;

  @Field(() => String, { nullable: true })
  firmwareVersion?: string;

  @Field(() => String, { nullable: true })
  iccid?: string;

  @Field(() => String, { nullable: true })
  imsi?: string;

  @Field(() => String, { nullable: true })
  meterType?: string;

  @Field(() => String, { nullable: true })
  meterSerialNumber?: string;

  @Field(() => Int, { nullable: true, description: 'Heartbeat interval given at the last boot, in seconds' })
  heartbeatIntervalSeconds?: number;

  @Field(() => Date, { nullable: true })
  lastBootAt?: Date;

  @Field(() => String, { nullable: true, description: 'Status of connector 0: the station itself' })
  status?: string;

  @Field(() => String, { nullable: true, description: 'Error code of connector 0' })
  errorCode?: string;

  @Field(() => String, { nullable: true })
  firmwareStatus?: string;

  @Field(() => String, { nullable: true })
  diagnosticsStatus?: string;

  @Field({ description: 'Whether the station must authenticate with HTTP Basic auth' })
  hasPassword: boolean;

  @Field(() => [Connector], { description: 'Connectors 1..n sorted by id (connector 0 is `status`)' })
  connectors: Connector[];

  @Field(() => Date, { nullable: true })
  createdAt?: Date;
}
