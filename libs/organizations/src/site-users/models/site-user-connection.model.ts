import { ConnectionType } from '@csms/common';
import { ObjectType } from '@nestjs/graphql';
import { SiteUser } from './site-user.model';

@ObjectType()
export class SiteUserConnection extends ConnectionType(SiteUser) {}
