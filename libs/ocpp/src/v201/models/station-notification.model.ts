import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('StationNotification', {
  description: 'A 2.0.1-only message a station sent (SecurityEventNotification, NotifyEvent, …), as sent',
})
export class StationNotificationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  chargingStationId: string;

  @Field({ description: 'The OCPP action, e.g. SecurityEventNotification' })
  action: string;

  @Field({ description: 'The request payload as JSON' })
  payload: string;

  @Field(() => Date, { nullable: true })
  receivedAt?: Date;
}
