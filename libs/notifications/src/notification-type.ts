/** Every kind of message the CSMS sends; users switch the optional ones on or off. */
export enum NotificationType {
  PASSWORD_RESET = 'PASSWORD_RESET',
  EMAIL_VERIFICATION = 'EMAIL_VERIFICATION',
  ACCOUNT_STATUS_CHANGED = 'ACCOUNT_STATUS_CHANGED',
  NEW_USER_REGISTERED = 'NEW_USER_REGISTERED',
  SESSION_STARTED = 'SESSION_STARTED',
  SESSION_ENDED = 'SESSION_ENDED',
  /** Energy stopped flowing for a while, or the battery is full: time to unplug. */
  END_OF_CHARGE = 'END_OF_CHARGE',
  /** The battery rose to the optimal state of charge (OPTIMAL_CHARGE_PERCENT): unplug unless a full one is needed. */
  OPTIMAL_CHARGE_REACHED = 'OPTIMAL_CHARGE_REACHED',
  /** To admins: a connector reported a fault. */
  STATION_STATUS_ERROR = 'STATION_STATUS_ERROR',
  /** To admins: a station lost its connection. */
  STATION_OFFLINE = 'STATION_OFFLINE',
  /** To admins: a station was presented a badge the tenant does not know. */
  UNKNOWN_TAG_USED = 'UNKNOWN_TAG_USED',
  /** To admins: a station did not take its smart-charging profiles and was left out. */
  SMART_CHARGING_STATION_EXCLUDED = 'SMART_CHARGING_STATION_EXCLUDED',
  /** A station refused the driver's badge because they cannot pay (no card, an expired one). */
  BILLING_SESSION_REFUSED = 'BILLING_SESSION_REFUSED',
  /** An invoice was paid. */
  INVOICE_PAID = 'INVOICE_PAID',
  /** Charging an invoice failed: it stays open, to be charged again. */
  INVOICE_PAYMENT_FAILED = 'INVOICE_PAYMENT_FAILED',
  /** To admins and the key's creator: an API key expires within API_KEY_EXPIRY_REMINDER_DAYS. */
  API_KEY_EXPIRING = 'API_KEY_EXPIRING',
  /** To admins: the client certificate a roaming platform (Hubject) knows us by expires within 30 days. */
  ROAMING_CERTIFICATE_EXPIRING = 'ROAMING_CERTIFICATE_EXPIRING',
}

/** Why billing refused a session, as the driver is told. */
export type BillingRefusalReason = 'NO_PAYMENT_METHOD' | 'CARD_EXPIRED' | 'BILLING_NOT_READY';

/** Security messages go out whatever the user's preferences say. */
export const MANDATORY_NOTIFICATIONS: ReadonlySet<NotificationType> = new Set([
  NotificationType.PASSWORD_RESET,
  NotificationType.EMAIL_VERIFICATION,
  // An integration that stops working unannounced is worse than one more email.
  NotificationType.API_KEY_EXPIRING,
  NotificationType.ROAMING_CERTIFICATE_EXPIRING,
]);

export type AccountStatusName = 'PENDING' | 'ACTIVE' | 'INACTIVE' | 'BLOCKED' | 'LOCKED';

/** What each type's template needs, besides the recipient and the tenant. */
export interface NotificationData {
  [NotificationType.PASSWORD_RESET]: { link: string; expiresInMinutes: number };
  [NotificationType.EMAIL_VERIFICATION]: { link: string };
  [NotificationType.ACCOUNT_STATUS_CHANGED]: { status: AccountStatusName };
  [NotificationType.NEW_USER_REGISTERED]: { newUserEmail: string; newUserName?: string; link: string };
  [NotificationType.SESSION_STARTED]: {
    chargingStationId: string;
    connectorId: number;
    startedAt: Date;
    link: string;
  };
  [NotificationType.SESSION_ENDED]: {
    chargingStationId: string;
    connectorId: number;
    energyWh: number;
    durationMinutes: number;
    link: string;
  };
  [NotificationType.END_OF_CHARGE]: {
    chargingStationId: string;
    connectorId: number;
    energyWh: number;
    stateOfCharge?: number;
    link: string;
  };
  [NotificationType.OPTIMAL_CHARGE_REACHED]: {
    chargingStationId: string;
    connectorId: number;
    stateOfCharge: number;
    energyWh: number;
    link: string;
  };
  [NotificationType.STATION_STATUS_ERROR]: {
    chargingStationId: string;
    connectorId: number;
    errorCode: string;
    link: string;
  };
  [NotificationType.STATION_OFFLINE]: { chargingStationId: string; lastSeen?: Date; link: string };
  [NotificationType.UNKNOWN_TAG_USED]: {
    chargingStationId: string;
    tagId: string;
    presentedAt: Date;
    link: string;
  };
  [NotificationType.SMART_CHARGING_STATION_EXCLUDED]: {
    chargingStationId: string;
    reason: string;
    link: string;
  };
  [NotificationType.BILLING_SESSION_REFUSED]: {
    chargingStationId: string;
    reason: BillingRefusalReason;
    link: string;
  };
  [NotificationType.INVOICE_PAID]: { invoiceNumber?: string; amount: number; currency: string; link: string };
  [NotificationType.INVOICE_PAYMENT_FAILED]: {
    invoiceNumber?: string;
    amount: number;
    currency: string;
    link: string;
  };
  [NotificationType.API_KEY_EXPIRING]: { keyName: string; keyPrefix: string; expiresAt: Date; link: string };
  [NotificationType.ROAMING_CERTIFICATE_EXPIRING]: {
    platform: string;
    subject: string;
    expiresAt: Date;
    link: string;
  };
}
