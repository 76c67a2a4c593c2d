import { Field, InputType, Int } from '@nestjs/graphql';
import { IsDate, IsEnum, IsInt, IsOptional, IsString, IsUrl, Length, Max, Min } from 'class-validator';
import { HashAlgorithm, LogType, OcppInterface } from './ocpp201-enums';

@InputType({ description: 'OCPP 2.0.1 SetNetworkProfile connectionData (OCPP 2.0.1 over JSON)' })
export class NetworkProfileInput {
  @Field(() => Int, { description: 'The slot of NetworkConfigurationPriority to write' })
  @IsInt()
  @Min(0)
  configurationSlot: number;

  @Field({ description: 'The CSMS URL the station connects to, without its own identity' })
  @IsUrl({ require_tld: false, protocols: ['ws', 'wss'] })
  @Length(1, 512)
  ocppCsmsUrl: string;

  @Field(() => Int, { description: 'Seconds before a message without answer times out' })
  @IsInt()
  @Min(1)
  messageTimeout: number;

  @Field(() => Int, { description: 'OCPP security profile 1, 2 or 3' })
  @IsInt()
  @Min(1)
  @Max(3)
  securityProfile: number;

  @Field(() => OcppInterface, { defaultValue: OcppInterface.Wired0 })
  @IsEnum(OcppInterface)
  ocppInterface: OcppInterface;
}

@InputType({ description: 'Identifies an installed certificate (DeleteCertificate)' })
export class CertificateHashDataInput {
  @Field(() => HashAlgorithm)
  @IsEnum(HashAlgorithm)
  hashAlgorithm: HashAlgorithm;

  @Field()
  @IsString()
  @Length(1, 128)
  issuerNameHash: string;

  @Field()
  @IsString()
  @Length(1, 128)
  issuerKeyHash: string;

  @Field()
  @IsString()
  @Length(1, 40)
  serialNumber: string;
}

@InputType()
export class VariableSelectorInput {
  @Field()
  @Length(1, 50)
  component: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50)
  componentInstance?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  evseId?: number;

  @Field()
  @Length(1, 50)
  variable: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50)
  variableInstance?: string;
}

@InputType({ description: 'OCPP 2.0.1 GetLog: which log, uploaded where' })
export class GetLogInput {
  @Field(() => LogType)
  @IsEnum(LogType)
  logType: LogType;

  @Field({ description: 'Where the station uploads the log (ftp://, http(s)://)' })
  @IsUrl({ require_tld: false, protocols: ['ftp', 'ftps', 'http', 'https', 'sftp'] })
  @Length(1, 512)
  remoteLocation: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  oldestTimestamp?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  latestTimestamp?: Date;
}
