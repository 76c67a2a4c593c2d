import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  SUPER_ADMIN = 'SUPER_ADMIN',
  ADMIN = 'ADMIN',
  BASIC = 'BASIC',
  DEMO = 'DEMO',
}

registerEnumType(Role, { name: 'Role' });

const RANK: Record<Role, number> = {
  [Role.SUPER_ADMIN]: 3,
  [Role.ADMIN]: 2,
  [Role.BASIC]: 1,
  [Role.DEMO]: 1,
};

/** Whether `role` grants no more than `own`: what a caller may hand to an API key. */
export function isRoleWithin(role: Role, own: Role): boolean {
  return RANK[role] <= RANK[own];
}
