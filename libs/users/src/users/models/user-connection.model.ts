import { ConnectionType } from '@csms/common';
import { ObjectType } from '@nestjs/graphql';
import { User } from './user.model';

@ObjectType()
export class UserConnection extends ConnectionType(User) {}
