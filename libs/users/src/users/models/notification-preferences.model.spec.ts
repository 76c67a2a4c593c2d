import { NotificationType } from '@csms/notifications';
import { applyPreferences, preferencesOf } from './notification-preferences.model';

describe('notification preferences', () => {
  it('are all on by default and map to the disabled types', () => {
    expect(preferencesOf([])).toEqual({
      sessionStarted: true,
      sessionEnded: true,
      endOfCharge: true,
      optimalChargeReached: true,
      accountStatusChanged: true,
      newUserRegistered: true,
      stationStatusError: true,
      stationOffline: true,
      unknownTagUsed: true,
    });
    expect(preferencesOf([NotificationType.SESSION_ENDED]).sessionEnded).toBe(false);
    expect(preferencesOf([NotificationType.END_OF_CHARGE]).endOfCharge).toBe(false);
    expect(preferencesOf([NotificationType.OPTIMAL_CHARGE_REACHED]).optimalChargeReached).toBe(false);
    expect(preferencesOf([NotificationType.UNKNOWN_TAG_USED]).unknownTagUsed).toBe(false);
  });

  it('change only the keys given', () => {
    const disabled = applyPreferences([NotificationType.SESSION_ENDED], { sessionStarted: false });
    expect(disabled.sort()).toEqual(
      [NotificationType.SESSION_ENDED, NotificationType.SESSION_STARTED].sort(),
    );
    expect(applyPreferences(disabled, { sessionEnded: true, sessionStarted: true })).toEqual([]);
  });
});
