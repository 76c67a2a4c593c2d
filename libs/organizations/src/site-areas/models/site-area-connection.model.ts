import { ConnectionType } from '@csms/common';
import { ObjectType } from '@nestjs/graphql';
import { SiteArea } from './site-area.model';

@ObjectType()
export class SiteAreaConnection extends ConnectionType(SiteArea) {}
