import { ConnectionType } from '@csms/common';
import { ObjectType } from '@nestjs/graphql';
import { CarModelOfUser } from './car.model';

@ObjectType('CarConnection')
export class CarConnection extends ConnectionType(CarModelOfUser, 'Car') {}
