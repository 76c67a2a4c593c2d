import { Role } from '@csms/auth';
import { NotificationType } from '@csms/notifications';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UserStatus } from './user-status';

@ObjectType()
export class User {
  @Field(() => ID)
  id: string;

  tenantId: string;

  @Field()
  email: string;

  @Field(() => Role)
  role: Role;

  @Field(() => String, { nullable: true })
  firstName?: string;

  @Field(() => String, { nullable: true })
  lastName?: string;

  @Field(() => String, { nullable: true })
  locale?: string;

  @Field(() => String, { nullable: true })
  phone?: string;

  @Field(() => UserStatus)
  status: UserStatus;

  @Field(() => Date, { nullable: true, description: 'Set while locked after too many wrong passwords' })
  lockedUntil?: Date;

  /** Exposed as `notificationPreferences`. */
  disabledNotifications: NotificationType[];

  failedLoginAttempts: number;

  tokenVersion: number;
}
