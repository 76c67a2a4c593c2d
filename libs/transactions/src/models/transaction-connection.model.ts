import { ConnectionType } from '@csms/common';
import { ObjectType } from '@nestjs/graphql';
import { Transaction } from './transaction.model';

@ObjectType()
export class TransactionConnection extends ConnectionType(Transaction) {}
