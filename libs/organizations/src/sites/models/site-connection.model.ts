import { ConnectionType } from '@csms/common';
import { ObjectType } from '@nestjs/graphql';
import { Site } from './site.model';

@ObjectType()
export class SiteConnection extends ConnectionType(Site) {}
