import { DEFAULT_TENANT_ID } from '@csms/common';
import { OutgoingMail } from './mail/mail-sender';
import { NotificationType } from './notification-type';
import { NotificationService } from './notification.service';
import { NotificationQueue } from './queue/notification-queue';
import { Recipient } from './recipient';

describe('NotificationService', () => {
  const queued: OutgoingMail[] = [];
  const service = new NotificationService({
    enqueue: (_tenantId: unknown, mail: OutgoingMail) => queued.push(mail),
  } as unknown as NotificationQueue);
  const recipient: Recipient = {
    tenantId: DEFAULT_TENANT_ID,
    tenantName: 'Acme',
    email: 'ana@example.com',
    locale: 'it',
    firstName: 'Ana',
    disabled: [NotificationType.SESSION_STARTED, NotificationType.PASSWORD_RESET],
  };

  beforeEach(() => (queued.length = 0));

  it("renders in the recipient's language and queues", () => {
    expect(service.notify(recipient, NotificationType.ACCOUNT_STATUS_CHANGED, { status: 'ACTIVE' })).toBe(
      true,
    );
    expect(queued).toEqual([
      expect.objectContaining({
        to: 'ana@example.com',
        subject: 'Acme: lo stato del tuo account è cambiato',
      }),
    ]);
  });

  it('skips types the user switched off, but never security messages', () => {
    const session = {
      chargingStationId: 'CS',
      connectorId: 1,
      startedAt: new Date(),
      link: 'https://x.test/s',
    };
    expect(service.notify(recipient, NotificationType.SESSION_STARTED, session)).toBe(false);
    expect(
      service.notify(recipient, NotificationType.PASSWORD_RESET, {
        link: 'https://x.test/r',
        expiresInMinutes: 5,
      }),
    ).toBe(true);
    expect(queued.map((mail) => mail.subject)).toEqual(['Acme: reimposta la tua password']);
  });
});
