import { ConnectionType } from '@csms/common';
import { ObjectType } from '@nestjs/graphql';
import { Tag } from './tag.model';

@ObjectType()
export class TagConnection extends ConnectionType(Tag) {}
