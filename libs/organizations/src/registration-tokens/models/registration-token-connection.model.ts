import { ConnectionType } from '@csms/common';
import { ObjectType } from '@nestjs/graphql';
import { RegistrationToken } from './registration-token.model';

@ObjectType()
export class RegistrationTokenConnection extends ConnectionType(RegistrationToken) {}
