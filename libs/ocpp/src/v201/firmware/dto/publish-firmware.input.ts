import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUrl, Length, Matches, Min } from 'class-validator';

@InputType({
  description: 'OCPP 2.0.1 PublishFirmware: a local controller serves this firmware to its stations',
})
export class PublishFirmwareInput {
  @Field({ description: 'Where the local controller downloads the firmware' })
  @IsUrl({ require_tld: false, protocols: ['ftp', 'ftps', 'http', 'https', 'sftp'] })
  @Length(1, 512)
  location: string;

  @Field({ description: 'MD5 of the firmware file, 32 hexadecimal digits' })
  @Matches(/^[0-9a-fA-F]{32}$/, { message: 'checksum must be an MD5 in 32 hexadecimal digits' })
  checksum: string;

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
