import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RegistrationPolicy } from '../schemas/tenant.schema';
import { TenantComponents } from './tenant-components.model';

registerEnumType(RegistrationPolicy, {
  name: 'RegistrationPolicy',
  description: 'Whether unknown charging stations may register themselves',
});

@ObjectType()
export class Tenant {
  @Field(() => ID, { description: 'Used in OCPP URLs: /ocpp/{tenant}/{chargingStationId}' })
  id: string;

  @Field()
  name: string;

  @Field()
  active: boolean;

  @Field(() => RegistrationPolicy)
  registrationPolicy: RegistrationPolicy;

  @Field({ description: 'Whether people may create their own account (email verified)' })
  selfRegistration: boolean;

  @Field(() => [String])
  locales: string[];

  @Field(() => TenantComponents)
  components: TenantComponents;

  @Field({
    description: "IANA time zone of statistics' days and hours where a site gives none (UTC by default)",
  })
  timeZone: string;
}
