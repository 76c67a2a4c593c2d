import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'Where a new station connects with the token. OCPP-J URLs hold `{chargingStationId}`: put the ' +
    "station's identity there. A station that appends its identity to a base URL itself can instead " +
    'use `…/ocpp/{tenant}` with the token as its HTTP Basic-auth password, which it then keeps',
})
export class StationUrls {
  @Field({ description: 'OCPP 1.6-J (subprotocol ocpp1.6), ws:// or wss://' })
  ocpp16Json: string;

  @Field({ description: 'OCPP 2.0.1-J (subprotocol ocpp2.0.1); the same endpoint as 1.6-J' })
  ocpp201Json: string;

  @Field({ description: 'OCPP 1.5-S central system endpoint' })
  ocpp15Soap: string;

  @Field({ description: 'OCPP 1.6-S central system endpoint' })
  ocpp16Soap: string;
}
