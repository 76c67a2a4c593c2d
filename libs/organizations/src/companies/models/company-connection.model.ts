import { ConnectionType } from '@csms/common';
import { ObjectType } from '@nestjs/graphql';
import { Company } from './company.model';

@ObjectType()
export class CompanyConnection extends ConnectionType(Company) {}
