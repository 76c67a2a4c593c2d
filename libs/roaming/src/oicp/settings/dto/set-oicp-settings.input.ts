import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUrl, Length, Matches } from 'class-validator';

@InputType()
export class SetOicpSettingsInput {
  @Field({
    description:
      'Whether the tenant roams with Hubject: EVSE data, status, sessions and CDRs flow while true',
  })
  @IsBoolean()
  enabled: boolean;

  @Field({ description: 'Your OperatorID at Hubject, e.g. "DE*VGC": EVSE ids (eMI3) are built from it' })
  @Matches(/^[A-Za-z]{2}\*?[A-Za-z0-9]{3}$/, {
    message:
      'operatorId must be an eMI3 operator id such as DE*VGC (country code, optional *, three letters or digits)',
  })
  operatorId: string;

  @Field()
  @Length(1, 100)
  operatorName: string;

  @Field({ description: 'The support line drivers call, in international form, e.g. "+4930123456"' })
  @Matches(/^\+[0-9]{5,15}$/, { message: 'hotlinePhoneNumber must be + and 5 to 15 digits' })
  hotlinePhoneNumber: string;

  @Field({
    description: "Hubject's base URL, e.g. https://service.hubject.com/api/oicp (https in production)",
  })
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'baseUrl must be an http(s) URL' },
  )
  @Length(1, 500)
  baseUrl: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Push your tariffs to Hubject as pricing products and each EVSE’s products (eRoamingPushPricingProductData, eRoamingPushEVSEPricing); needs a dynamic pricing offer at Hubject. Unchanged when left out (off at first)',
  })
  @IsOptional()
  @IsBoolean()
  dynamicPricing?: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The client certificate Hubject issued you (PEM); kept encrypted',
  })
  @IsOptional()
  @Length(1, 20_000)
  clientCertificatePem?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Its private key (PEM, unencrypted); kept encrypted, never returned',
  })
  @IsOptional()
  @Length(1, 20_000)
  clientKeyPem?: string;

  @Field(() => String, {
    nullable: true,
    description: "The CA Hubject's server certificate must chain to (PEM); without it, the system's roots",
  })
  @IsOptional()
  @Length(1, 20_000)
  caCertificatePem?: string;
}
