import { Role } from '../role';

/** What a JWT carries; `tv` (token version) lets a password change revoke older tokens. */
export interface TokenClaims {
  sub: string;
  tid: string;
  role: Role;
  tv: number;
}
