import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('OicpSettings', {
  description: "Your tenant's Hubject (OICP 2.3) connection, as a CPO; the key never leaves the server",
})
export class OicpSettingsModel {
  @Field()
  enabled: boolean;

  @Field()
  operatorId: string;

  @Field()
  operatorName: string;

  @Field()
  hotlinePhoneNumber: string;

  @Field()
  baseUrl: string;

  @Field({
    description:
      'Whether your tariffs are pushed to Hubject as pricing products, with the products of each EVSE (dynamic pricing)',
  })
  dynamicPricing: boolean;

  @Field({ description: 'Whether a client certificate and key are stored (encrypted)' })
  hasClientCertificate: boolean;

  @Field(() => String, { nullable: true })
  certificateSubject?: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When the client certificate expires: Hubject refuses it after',
  })
  certificateExpiresAt?: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'Whole days left until the client certificate expires (negative once expired)',
  })
  certificateExpiresInDays?: number;

  @Field({ description: 'True within 30 days of the client certificate’s expiry (admins are warned then)' })
  certificateExpiresSoon: boolean;

  @Field({
    description: 'Whether a Hubject CA certificate is set (otherwise the system roots verify Hubject)',
  })
  hasCaCertificate: boolean;
}
