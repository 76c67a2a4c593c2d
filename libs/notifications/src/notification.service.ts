import { resolveLocale } from '@csms/common';
import { Injectable } from '@nestjs/common';

import { MANDATORY_NOTIFICATIONS, NotificationData, NotificationType } from './notification-type';
import { NotificationQueue } from './queue/notification-queue';
import { Recipient } from './recipient';
import { renderNotification } from './templates/render-notification';

/** The one entry point for sending: renders in the recipient's language and queues; never waits for SMTP. */
@Injectable()
export class NotificationService {
  constructor(private readonly queue: NotificationQueue) {}

  /** Returns whether a message was queued (false when the recipient switched this type off). */
  notify<T extends NotificationType>(recipient: Recipient, type: T, data: NotificationData[T]): boolean {
    if (!MANDATORY_NOTIFICATIONS.has(type) && recipient.disabled?.includes(type)) return false;
    const message = renderNotification(type, resolveLocale(recipient.locale), {
      ...data,
      tenantName: recipient.tenantName,
      firstName: recipient.firstName,
    });
    this.queue.enqueue(recipient.tenantId, { to: recipient.email, ...message });
    return true;
  }
}
