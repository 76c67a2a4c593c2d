import { asTenantId } from '@csms/common';
import { NotificationType } from '@csms/notifications';
import { OicpSettings } from '../settings/oicp-settings';
import { OicpCertificateWatch, dueForWarning } from './oicp-certificate-watch';

const DAY = 86_400_000;
const now = new Date('2026-12-06T10:00:00Z');

function settingsExpiringIn(days: number, extra: Partial<OicpSettings> = {}): OicpSettings {
  return {
    enabled: true,
    operatorId: 'DE*VGC',
    operatorName: 'Voltgrid',
    hotlinePhoneNumber: '+4930123456',
    baseUrl: 'https://hubject.example/api/oicp',
    partnerId: 'p1',
    certificateSubject: 'CN=DE*VGC',
    certificateExpiresAt: new Date(now.getTime() + days * DAY),
    ...extra,
  };
}

describe('the OICP certificate watch', () => {
  it('is due within 30 days of the expiry, once per certificate', () => {
    expect(dueForWarning(settingsExpiringIn(31), now)).toBe(false);
    expect(dueForWarning(settingsExpiringIn(29), now)).toBe(true);
    expect(dueForWarning(settingsExpiringIn(-1), now)).toBe(true);
    expect(
      dueForWarning(settingsExpiringIn(29, { expiryWarnedAt: new Date(now.getTime() - DAY) }), now),
    ).toBe(false);
    // A warning about the previous certificate does not count for a new one.
    expect(
      dueForWarning(settingsExpiringIn(29, { expiryWarnedAt: new Date(now.getTime() - 60 * DAY) }), now),
    ).toBe(true);
    expect(dueForWarning(settingsExpiringIn(29, { enabled: false }), now)).toBe(false);
  });

  it('emails every admin of a due tenant and remembers it', async () => {
    const stored = new Map<string, OicpSettings>([
      ['due', settingsExpiringIn(10)],
      ['fine', settingsExpiringIn(200)],
    ]);
    const sent: { to: string; type: NotificationType; data: Record<string, unknown> }[] = [];
    const watch = new OicpCertificateWatch(
      {} as never,
      {
        list: async () => [
          { id: 'due', active: true },
          { id: 'fine', active: true },
          { id: 'off', active: false },
        ],
      } as never,
      {
        find: async (tenantId: string) => stored.get(tenantId) ?? null,
        markWarned: async (tenantId: string, at: Date) => {
          stored.set(tenantId, { ...stored.get(tenantId)!, expiryWarnedAt: at });
        },
      } as never,
      {
        findAdmins: async (tenantId: string) => [
          { email: `admin1@${tenantId}` },
          { email: `admin2@${tenantId}` },
        ],
      } as never,
      {
        notify: (to: { email: string }, type: NotificationType, data: Record<string, unknown>) => {
          sent.push({ to: to.email, type, data });
          return true;
        },
      } as never,
      { to: (tenantId: string, path: string) => `https://console/${tenantId}${path}` } as never,
      {} as never,
    );
    expect(await watch.check(now)).toBe(1);
    expect(sent).toEqual([
      expect.objectContaining({ to: 'admin1@due', type: NotificationType.ROAMING_CERTIFICATE_EXPIRING }),
      expect.objectContaining({ to: 'admin2@due', type: NotificationType.ROAMING_CERTIFICATE_EXPIRING }),
    ]);
    expect(sent[0].data).toMatchObject({
      platform: 'Hubject',
      subject: 'CN=DE*VGC',
      link: 'https://console/due/',
    });
    expect(stored.get(asTenantId('due'))!.expiryWarnedAt).toEqual(now);
    // The next hour: nothing new to say.
    expect(await watch.check(new Date(now.getTime() + 3_600_000))).toBe(0);
    expect(sent).toHaveLength(2);
  });
});
