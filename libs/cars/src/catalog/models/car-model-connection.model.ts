import { ConnectionType } from '@csms/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CarModelModel } from './car-model.model';

@ObjectType('CarModelConnection')
export class CarModelConnection extends ConnectionType(CarModelModel, 'CarModel') {}

@ObjectType('CarModelImport', { description: 'What an import of an Open EV Data file changed' })
export class CarModelImport {
  @Field(() => Int)
  added: number;

  @Field(() => Int, {
    description: 'Models still as a file gave them, updated; hand-edited ones are left alone',
  })
  updated: number;
}
