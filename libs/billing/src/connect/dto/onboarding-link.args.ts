import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

@ArgsType()
export class OnboardingLinkArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  accountId: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where Stripe sends the holder when the link expired (default: the console’s Connect page)',
  })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'refreshUrl must be an http(s) URL' })
  @MaxLength(2000)
  refreshUrl?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where Stripe sends the holder when done (default: the console’s Connect page)',
  })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'returnUrl must be an http(s) URL' })
  @MaxLength(2000)
  returnUrl?: string;
}
