import { TenantId } from '@csms/common';
import { Recipient } from '@csms/notifications';
import { User } from './models/user.model';

export function recipientOf(user: User, tenantName: string): Recipient {
  return {
    tenantId: user.tenantId as TenantId,
    tenantName,
    email: user.email,
    locale: user.locale,
    firstName: user.firstName,
    disabled: user.disabledNotifications,
  };
}
