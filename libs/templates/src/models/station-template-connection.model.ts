import { ConnectionType } from '@csms/common';
import { ObjectType } from '@nestjs/graphql';
import { StationTemplate } from './station-template.model';

@ObjectType()
export class StationTemplateConnection extends ConnectionType(StationTemplate) {}
