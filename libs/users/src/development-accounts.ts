import { Role } from '@csms/auth';

/**
 * Accounts a development database (NODE_ENV=development, the default) gets beside the first super admin,
 * so the README's quick start leads to someone who can operate tenant `default` (the super admin manages
 * tenants, not their data) and the simulator's default badge charges. Never created in production or tests.
 */
export const DEVELOPMENT_ACCOUNTS = {
  tenantAdmin: {
    email: 'operator@example.com',
    password: 'Operator123!',
    role: Role.ADMIN,
    firstName: 'Development',
    lastName: 'Operator',
  },
  demoDriver: {
    email: 'driver@example.com',
    password: 'Driver123!',
    role: Role.BASIC,
    firstName: 'Demo',
    lastName: 'Driver',
  },
  /** The simulator's default idTag (`npm run simulate`), owned by the demo driver. */
  demoTagId: 'SIM-TAG',
} as const;
