import { Principal, principalLabel } from '@csms/auth';
import { AuditActor, AuditActorType } from '../audit-entry';

/** The audit actor of an authenticated caller: a user, or an API key (a technical user). */
export function actorOf(principal: Principal): AuditActor {
  return {
    type: principal.apiKey ? AuditActorType.API_KEY : AuditActorType.USER,
    id: principal.apiKey?.id ?? principal.userId,
    label: principalLabel(principal),
    role: principal.role,
  };
}
