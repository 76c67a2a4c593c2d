import { ConnectionType } from '@csms/common';
import { ObjectType } from '@nestjs/graphql';
import { TariffModel } from './tariff.model';

@ObjectType('TariffConnection')
export class TariffConnection extends ConnectionType(TariffModel, 'Tariff') {}
