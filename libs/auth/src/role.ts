import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  SUPER_ADMIN = 'SUPER_ADMIN',
  ADMIN = 'ADMIN',
  BASIC = 'BASIC',
  DEMO = 'DEMO',
}

registerEnumType(Role, { name: 'Role' });
