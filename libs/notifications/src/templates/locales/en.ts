import { BillingRefusalReason, NotificationType } from '../../notification-type';
import { LocaleMessages, dateFormatter, moneyFormatter, numberFormatter } from '../template';

const statuses = {
  PENDING: 'pending',
  ACTIVE: 'active',
  INACTIVE: 'inactive',
  BLOCKED: 'blocked',
  LOCKED: 'locked',
};
const formatNumber = numberFormatter('en');
const formatDate = dateFormatter('en');
const formatMoney = moneyFormatter('en');
const refusalReasons: Record<BillingRefusalReason, string> = {
  NO_PAYMENT_METHOD: 'you have no payment method. Add a card to charge.',
  CARD_EXPIRED: 'your card has expired. Add a valid card to charge.',
  BILLING_NOT_READY: 'payments cannot be taken at the moment. Please contact the operator.',
};

export const en: LocaleMessages = {
  greeting: (firstName) => (firstName ? `Hello ${firstName},` : 'Hello,'),
  signature: (tenantName) => `The ${tenantName} team`,
  statuses,
  formatNumber,
  formatDate,
  [NotificationType.PASSWORD_RESET]: {
    subject: ({ tenantName }) => `${tenantName}: reset your password`,
    lines: ({ link, expiresInMinutes }) => [
      `Someone asked to reset your password. Choose a new one with this link, valid for ${expiresInMinutes} minutes and usable once:`,
      link,
      'If you did not ask for it, ignore this message: your password stays unchanged.',
    ],
  },
  [NotificationType.EMAIL_VERIFICATION]: {
    subject: ({ tenantName }) => `${tenantName}: confirm your email address`,
    lines: ({ link }) => ['Welcome! Confirm your email address to activate your account:', link],
  },
  [NotificationType.ACCOUNT_STATUS_CHANGED]: {
    subject: ({ tenantName }) => `${tenantName}: your account status changed`,
    lines: ({ status }) => [`Your account is now ${statuses[status]}.`],
  },
  [NotificationType.NEW_USER_REGISTERED]: {
    subject: ({ tenantName, newUserEmail }) => `${tenantName}: new user ${newUserEmail}`,
    lines: ({ newUserEmail, newUserName, link }) => [
      `${newUserName ?? newUserEmail} (${newUserEmail}) registered.`,
      'Review the account:',
      link,
    ],
  },
  [NotificationType.SESSION_STARTED]: {
    subject: ({ tenantName, chargingStationId }) => `${tenantName}: charging started at ${chargingStationId}`,
    lines: ({ chargingStationId, connectorId, startedAt, link }) => [
      `Your charging session started on ${formatDate(startedAt)} at station ${chargingStationId}, connector ${connectorId}.`,
      'Follow it live:',
      link,
    ],
  },
  [NotificationType.SESSION_ENDED]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: charging session at ${chargingStationId} ended`,
    lines: ({ chargingStationId, connectorId, energyWh, durationMinutes, link }) => [
      `Your session at station ${chargingStationId}, connector ${connectorId}, ended.`,
      `Energy delivered: ${formatNumber(energyWh / 1000)} kWh in ${formatNumber(durationMinutes)} minutes.`,
      'Details:',
      link,
    ],
  },
  [NotificationType.END_OF_CHARGE]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: charging complete at ${chargingStationId}`,
    lines: ({ chargingStationId, connectorId, energyWh, stateOfCharge, link }) => [
      `Charging at station ${chargingStationId}, connector ${connectorId}, is complete${stateOfCharge === undefined ? '' : ` (battery at ${formatNumber(stateOfCharge)} %)`}.`,
      `Energy delivered so far: ${formatNumber(energyWh / 1000)} kWh. Please unplug your vehicle to free the charger.`,
      link,
    ],
  },
  [NotificationType.OPTIMAL_CHARGE_REACHED]: {
    subject: ({ tenantName, chargingStationId, stateOfCharge }) =>
      `${tenantName}: battery at ${formatNumber(stateOfCharge)} % at ${chargingStationId}`,
    lines: ({ chargingStationId, connectorId, stateOfCharge, energyWh, link }) => [
      `Your vehicle at station ${chargingStationId}, connector ${connectorId}, is charged to ${formatNumber(stateOfCharge)} %: beyond this, charging slows down and wears the battery more.`,
      `Energy delivered so far: ${formatNumber(energyWh / 1000)} kWh. Unplug now if you do not need a full battery, and free the charger for others.`,
      link,
    ],
  },
  [NotificationType.STATION_STATUS_ERROR]: {
    subject: ({ tenantName, chargingStationId, connectorId }) =>
      `${tenantName}: fault on ${chargingStationId}, connector ${connectorId}`,
    lines: ({ chargingStationId, connectorId, errorCode, link }) => [
      `Connector ${connectorId} of station ${chargingStationId} reports a fault: ${errorCode}.`,
      'Station details:',
      link,
    ],
  },
  [NotificationType.STATION_OFFLINE]: {
    subject: ({ tenantName, chargingStationId }) => `${tenantName}: station ${chargingStationId} is offline`,
    lines: ({ chargingStationId, lastSeen, link }) => [
      lastSeen
        ? `Station ${chargingStationId} lost its connection (last seen ${formatDate(lastSeen)}).`
        : `Station ${chargingStationId} lost its connection.`,
      link,
    ],
  },
  [NotificationType.UNKNOWN_TAG_USED]: {
    subject: ({ tenantName, chargingStationId, tagId }) =>
      `${tenantName}: unknown badge ${tagId} at ${chargingStationId}`,
    lines: ({ chargingStationId, tagId, presentedAt, link }) => [
      `Station ${chargingStationId} was presented badge ${tagId} on ${formatDate(presentedAt)}. It is not registered and was refused.`,
      'If it belongs to someone, register it. Station details:',
      link,
    ],
  },
  [NotificationType.SMART_CHARGING_STATION_EXCLUDED]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: station ${chargingStationId} left out of smart charging`,
    lines: ({ chargingStationId, reason, link }) => [
      `Station ${chargingStationId} did not take its charging profiles and is no longer controlled by smart charging; it counts as an uncontrolled load until it reboots or you include it again.`,
      `Reason: ${reason}`,
      link,
    ],
  },
  [NotificationType.BILLING_SESSION_REFUSED]: {
    subject: ({ tenantName, chargingStationId }) => `${tenantName}: charging refused at ${chargingStationId}`,
    lines: ({ chargingStationId, reason, link }) => [
      `Station ${chargingStationId} refused your badge: ${refusalReasons[reason]}`,
      'Manage your payment methods:',
      link,
    ],
  },
  [NotificationType.INVOICE_PAID]: {
    subject: ({ tenantName, invoiceNumber }) => `${tenantName}: invoice ${invoiceNumber ?? ''} paid`,
    lines: ({ invoiceNumber, amount, currency, link }) => [
      `Your invoice ${invoiceNumber ?? ''} of ${formatMoney(amount, currency)} is paid. Thank you!`,
      'See it and download it:',
      link,
    ],
  },
  [NotificationType.INVOICE_PAYMENT_FAILED]: {
    subject: ({ tenantName, invoiceNumber }) =>
      `${tenantName}: payment of invoice ${invoiceNumber ?? ''} failed`,
    lines: ({ invoiceNumber, amount, currency, link }) => [
      `We could not charge your invoice ${invoiceNumber ?? ''} of ${formatMoney(amount, currency)}. It stays open and will be charged again.`,
      'Check your payment method, or add another card:',
      link,
    ],
  },
  [NotificationType.API_KEY_EXPIRING]: {
    subject: ({ tenantName, keyName }) => `${tenantName}: API key "${keyName}" expires soon`,
    lines: ({ keyName, keyPrefix, expiresAt, link }) => [
      `The API key "${keyName}" (${keyPrefix}…) expires on ${formatDate(expiresAt)}; the integration using it will stop working then.`,
      'Create a new key and hand it to the integration before that date:',
      link,
    ],
  },
  [NotificationType.ROAMING_CERTIFICATE_EXPIRING]: {
    subject: ({ tenantName, platform }) => `${tenantName}: your ${platform} client certificate expires soon`,
    lines: ({ platform, subject, expiresAt, link }) => [
      `The client certificate ${platform} knows you by (${subject}) expires on ${formatDate(expiresAt)}; roaming through ${platform} stops then.`,
      'Ask for a new certificate and upload it in the roaming settings before that date:',
      link,
    ],
  },
};
