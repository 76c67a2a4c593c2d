import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Min,
} from 'class-validator';
import { ChargingProfilePurpose, ChargingRateUnit, LocalListUpdateType } from '../commands/command-enums';

/** How often, and how many seconds apart, a station retries an upload or download. */
@InputType({ isAbstract: true })
abstract class RetryPolicyInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  retries?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  retryInterval?: number;
}

@InputType()
export class DataTransferInput {
  @Field()
  @Length(1, 255)
  vendorId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50)
  messageId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  data?: string;
}

@InputType()
export class GetDiagnosticsInput extends RetryPolicyInput {
  @Field({ description: 'Where the station uploads the diagnostics file (ftp://, http(s)://)' })
  @IsUrl({ require_tld: false, protocols: ['ftp', 'ftps', 'http', 'https', 'sftp'] })
  location: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  startTime?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  stopTime?: Date;
}

@InputType()
export class UpdateFirmwareInput extends RetryPolicyInput {
  @Field({ description: 'Where the station downloads the firmware' })
  @IsUrl({ require_tld: false, protocols: ['ftp', 'ftps', 'http', 'https', 'sftp'] })
  location: string;

  @Field(() => Date)
  @IsDate()
  retrieveDate: Date;

  @Field(() => Date, { nullable: true, description: 'When to install (1.6-J security extension, 2.0.1)' })
  @IsOptional()
  @IsDate()
  installDate?: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Signed firmware: PEM of the certificate that signed it (1.6-J: SignedUpdateFirmware)',
  })
  @IsOptional()
  @Length(1, 5500)
  signingCertificate?: string;

  @Field(() => String, { nullable: true, description: 'Signed firmware: its Base64 signature' })
  @IsOptional()
  @Length(1, 800)
  signature?: string;
}

@InputType()
export class SendLocalListInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  listVersion: number;

  @Field(() => LocalListUpdateType)
  @IsEnum(LocalListUpdateType)
  updateType: LocalListUpdateType;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Tags to send. FULL without tagIds: every tag of the tenant. DIFFERENTIAL: tags to add or update; ids the tenant does not have are sent without idTagInfo, which removes them from the station',
  })
  @IsOptional()
  @ArrayMaxSize(10000)
  @IsString({ each: true })
  tagIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description: 'DIFFERENTIAL only: tags to remove from the station’s list (sent without idTagInfo)',
  })
  @IsOptional()
  @ArrayMaxSize(10000)
  @IsString({ each: true })
  removeTagIds?: string[];
}

@InputType()
export class ReserveNowInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  connectorId: number;

  @Field(() => Date)
  @IsDate()
  expiryDate: Date;

  @Field(() => ID)
  @Length(1, 20)
  tagId: string;

  @Field(() => Int)
  @IsInt()
  reservationId: number;

  @Field(() => String, {
    nullable: true,
    description: 'OCPP 2.0.1: reserve a connector of this type (cCCS2, cType2, sType2…) on any EVSE',
  })
  @IsOptional()
  @Length(1, 20)
  connectorType?: string;
}

@InputType()
export class ClearChargingProfileInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  id?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  connectorId?: number;

  @Field(() => ChargingProfilePurpose, { nullable: true })
  @IsOptional()
  @IsEnum(ChargingProfilePurpose)
  purpose?: ChargingProfilePurpose;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  stackLevel?: number;
}

@InputType()
export class GetCompositeScheduleInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  connectorId: number;

  @Field(() => Int, { description: 'Seconds' })
  @IsInt()
  @Min(1)
  duration: number;

  @Field(() => ChargingRateUnit, { nullable: true })
  @IsOptional()
  @IsEnum(ChargingRateUnit)
  rateUnit?: ChargingRateUnit;
}
