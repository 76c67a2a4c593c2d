import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ChargePoint } from './charge-point.model';
import { Connector } from './connector.model';
import { StationCapabilities } from './station-capabilities.model';
import { TemplateParameterResult } from './template-parameter-result.model';

/** What a station's BootNotification is answered (OCPP RegistrationStatus). */
export enum RegistrationStatus {
  ACCEPTED = 'Accepted',
  PENDING = 'Pending',
  REJECTED = 'Rejected',
}
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'The answer to a BootNotification: PENDING holds a station back until accepted',
});

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

  @Field(() => Int, {
    nullable: true,
    description: 'The lowest OCPP security profile the station may connect with (3: client certificate only)',
  })
  securityProfile?: number;

  @Field(() => RegistrationStatus, {
    nullable: true,
    description: 'What its BootNotification is answered (unset: ACCEPTED)',
  })
  registrationStatus?: RegistrationStatus;

  @Field(() => ID, { nullable: true, description: 'The site area the station stands in' })
  siteAreaId?: string;

  @Field(() => ID, { nullable: true, description: 'The site of its site area' })
  siteId?: string;

  @Field(() => [Connector], { description: 'Connectors 1..n sorted by id (connector 0 is `status`)' })
  connectors: Connector[];

  @Field(() => [ChargePoint], { nullable: true, description: 'From the station template' })
  chargePoints?: ChargePoint[];

  @Field(() => StationCapabilities, { nullable: true, description: 'From the station template' })
  capabilities?: StationCapabilities;

  @Field(() => Float, { nullable: true, description: 'From the station template' })
  maximumPowerWatts?: number;

  @Field(() => Float, { nullable: true, description: 'Nominal voltage, from the station template' })
  voltage?: number;

  @Field(() => Boolean, {
    description: 'Configured by hand: station templates leave it alone',
  })
  manualConfiguration: boolean;

  @Field(() => ID, { nullable: true, description: 'The station template applied last' })
  templateId?: string;

  @Field(() => Date, { nullable: true })
  templateAppliedAt?: Date;

  @Field(() => [TemplateParameterResult], {
    nullable: true,
    description: 'Per configuration key, what the last template application did',
  })
  templateParameters?: TemplateParameterResult[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the last template application reset the station (a key needed a reboot)',
  })
  templateResetSent?: boolean;

  @Field(() => Date, { nullable: true })
  createdAt?: Date;
}
