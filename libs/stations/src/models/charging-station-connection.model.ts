import { ConnectionType } from '@csms/common';
import { ObjectType } from '@nestjs/graphql';
import { ChargingStation } from './charging-station.model';

@ObjectType()
export class ChargingStationConnection extends ConnectionType(ChargingStation) {}
