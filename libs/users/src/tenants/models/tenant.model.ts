import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RegistrationPolicy } from '../schemas/tenant.schema';

registerEnumType(RegistrationPolicy, { name: 'RegistrationPolicy' });

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
}
