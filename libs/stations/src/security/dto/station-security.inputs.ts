import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUrl, Length, Matches, Max, Min } from 'class-validator';

@InputType({ description: 'Moves a station to another OCPP security profile' })
export class SecurityProfileInput {
  @Field(() => Int, {
    description: '1: Basic auth over ws, 2: Basic auth over TLS, 3: TLS with a client certificate',
  })
  @IsInt()
  @Min(1)
  @Max(3)
  securityProfile: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The OCPP-J URL the station connects to, without its identity (default: this server, PUBLIC_URL)',
  })
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['ws', 'wss'] })
  @Length(1, 512)
  csmsUrl?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'OCPP 2.0.1: the network configuration slot to write (default: one after those in use)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  configurationSlot?: number;
}

/** OCPP's passwordString: 16 to 40 printable ASCII characters. */
export const STATION_PASSWORD = /^[\x21-\x7e]{16,40}$/;

@InputType({ description: 'A new HTTP Basic password for a station' })
export class StationPasswordInput {
  @Field(() => String, {
    nullable: true,
    description:
      '16 to 40 printable ASCII characters; left out, one is generated and returned once in `data`',
  })
  @IsOptional()
  @Matches(STATION_PASSWORD, { message: 'password must be 16 to 40 printable ASCII characters' })
  password?: string;
}
