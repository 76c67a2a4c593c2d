import { AuditActor, AuditActorType } from '@csms/audit';
import { User } from './models/user.model';

/** A user as the actor of an audit entry the account flows record themselves. */
export function userActor(user: Pick<User, 'id' | 'email' | 'role'>): AuditActor {
  return { type: AuditActorType.USER, id: user.id, label: user.email, role: user.role };
}
