import { BillingRefusalReason, NotificationType } from '../../notification-type';
import { LocaleMessages, dateFormatter, moneyFormatter, numberFormatter } from '../template';

const statuses = {
  PENDING: 'ausstehend',
  ACTIVE: 'aktiv',
  INACTIVE: 'inaktiv',
  BLOCKED: 'blockiert',
  LOCKED: 'gesperrt',
};
const formatNumber = numberFormatter('de');
const formatDate = dateFormatter('de');
const formatMoney = moneyFormatter('de');
const refusalReasons: Record<BillingRefusalReason, string> = {
  NO_PAYMENT_METHOD: 'Sie haben kein Zahlungsmittel hinterlegt. Fügen Sie eine Karte hinzu, um zu laden.',
  CARD_EXPIRED: 'Ihre Karte ist abgelaufen. Fügen Sie eine gültige Karte hinzu, um zu laden.',
  BILLING_NOT_READY: 'Zahlungen sind derzeit nicht möglich. Bitte wenden Sie sich an den Betreiber.',
};

export const de: LocaleMessages = {
  greeting: (firstName) => (firstName ? `Hallo ${firstName},` : 'Hallo,'),
  signature: (tenantName) => `Ihr ${tenantName}-Team`,
  statuses,
  formatNumber,
  formatDate,
  [NotificationType.PASSWORD_RESET]: {
    subject: ({ tenantName }) => `${tenantName}: Passwort zurücksetzen`,
    lines: ({ link, expiresInMinutes }) => [
      `Es wurde angefordert, Ihr Passwort zurückzusetzen. Wählen Sie mit diesem Link ein neues; er ist ${expiresInMinutes} Minuten gültig und nur einmal verwendbar:`,
      link,
      'Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.',
    ],
  },
  [NotificationType.EMAIL_VERIFICATION]: {
    subject: ({ tenantName }) => `${tenantName}: Bestätigen Sie Ihre E-Mail-Adresse`,
    lines: ({ link }) => [
      'Willkommen! Bestätigen Sie Ihre E-Mail-Adresse, um Ihr Konto zu aktivieren:',
      link,
    ],
  },
  [NotificationType.ACCOUNT_STATUS_CHANGED]: {
    subject: ({ tenantName }) => `${tenantName}: Der Status Ihres Kontos hat sich geändert`,
    lines: ({ status }) => [`Ihr Konto ist jetzt ${statuses[status]}.`],
  },
  [NotificationType.NEW_USER_REGISTERED]: {
    subject: ({ tenantName, newUserEmail }) => `${tenantName}: neuer Benutzer ${newUserEmail}`,
    lines: ({ newUserEmail, newUserName, link }) => [
      `${newUserName ?? newUserEmail} (${newUserEmail}) hat sich registriert.`,
      'Konto prüfen:',
      link,
    ],
  },
  [NotificationType.SESSION_STARTED]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: Ladevorgang an ${chargingStationId} gestartet`,
    lines: ({ chargingStationId, connectorId, startedAt, link }) => [
      `Ihr Ladevorgang hat am ${formatDate(startedAt)} an der Ladestation ${chargingStationId}, Anschluss ${connectorId}, begonnen.`,
      'Live verfolgen:',
      link,
    ],
  },
  [NotificationType.SESSION_ENDED]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: Ladevorgang an ${chargingStationId} beendet`,
    lines: ({ chargingStationId, connectorId, energyWh, durationMinutes, link }) => [
      `Ihr Ladevorgang an der Ladestation ${chargingStationId}, Anschluss ${connectorId}, ist beendet.`,
      `Geladene Energie: ${formatNumber(energyWh / 1000)} kWh in ${formatNumber(durationMinutes)} Minuten.`,
      'Details:',
      link,
    ],
  },
  [NotificationType.END_OF_CHARGE]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: Ladevorgang an ${chargingStationId} abgeschlossen`,
    lines: ({ chargingStationId, connectorId, energyWh, stateOfCharge, link }) => [
      `Das Laden an Station ${chargingStationId}, Anschluss ${connectorId}, ist abgeschlossen${stateOfCharge === undefined ? '' : ` (Akku bei ${formatNumber(stateOfCharge)} %)`}.`,
      `Geladene Energie: ${formatNumber(energyWh / 1000)} kWh. Bitte trennen Sie Ihr Fahrzeug, um die Ladestation freizugeben.`,
      link,
    ],
  },
  [NotificationType.OPTIMAL_CHARGE_REACHED]: {
    subject: ({ tenantName, chargingStationId, stateOfCharge }) =>
      `${tenantName}: Akku bei ${formatNumber(stateOfCharge)} % an ${chargingStationId}`,
    lines: ({ chargingStationId, connectorId, stateOfCharge, energyWh, link }) => [
      `Ihr Fahrzeug an Station ${chargingStationId}, Anschluss ${connectorId}, ist zu ${formatNumber(stateOfCharge)} % geladen: Darüber hinaus wird das Laden langsamer und belastet den Akku stärker.`,
      `Geladene Energie: ${formatNumber(energyWh / 1000)} kWh. Trennen Sie Ihr Fahrzeug jetzt, wenn Sie keinen vollen Akku brauchen, und geben Sie die Ladestation frei.`,
      link,
    ],
  },
  [NotificationType.STATION_STATUS_ERROR]: {
    subject: ({ tenantName, chargingStationId, connectorId }) =>
      `${tenantName}: Störung an ${chargingStationId}, Anschluss ${connectorId}`,
    lines: ({ chargingStationId, connectorId, errorCode, link }) => [
      `Anschluss ${connectorId} der Ladestation ${chargingStationId} meldet eine Störung: ${errorCode}.`,
      'Details der Ladestation:',
      link,
    ],
  },
  [NotificationType.STATION_OFFLINE]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: Ladestation ${chargingStationId} ist offline`,
    lines: ({ chargingStationId, lastSeen, link }) => [
      lastSeen
        ? `Die Ladestation ${chargingStationId} hat ihre Verbindung verloren (zuletzt gesehen am ${formatDate(lastSeen)}).`
        : `Die Ladestation ${chargingStationId} hat ihre Verbindung verloren.`,
      link,
    ],
  },
  [NotificationType.UNKNOWN_TAG_USED]: {
    subject: ({ tenantName, chargingStationId, tagId }) =>
      `${tenantName}: unbekannte Ladekarte ${tagId} an ${chargingStationId}`,
    lines: ({ chargingStationId, tagId, presentedAt, link }) => [
      `An der Ladestation ${chargingStationId} wurde am ${formatDate(presentedAt)} die Ladekarte ${tagId} vorgelegt. Sie ist nicht registriert und wurde abgelehnt.`,
      'Falls sie jemandem gehört, registrieren Sie sie. Details der Ladestation:',
      link,
    ],
  },
  [NotificationType.SMART_CHARGING_STATION_EXCLUDED]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: Ladestation ${chargingStationId} aus dem Lastmanagement genommen`,
    lines: ({ chargingStationId, reason, link }) => [
      `Die Ladestation ${chargingStationId} hat ihre Ladeprofile nicht angenommen und wird nicht mehr vom Lastmanagement gesteuert; sie zählt als ungesteuerte Last, bis sie neu startet oder Sie sie wieder aufnehmen.`,
      `Grund: ${reason}`,
      link,
    ],
  },
  [NotificationType.BILLING_SESSION_REFUSED]: {
    subject: ({ tenantName, chargingStationId }) => `${tenantName}: Laden an ${chargingStationId} abgelehnt`,
    lines: ({ chargingStationId, reason, link }) => [
      `Die Ladestation ${chargingStationId} hat Ihren Ausweis abgelehnt: ${refusalReasons[reason]}`,
      'Verwalten Sie Ihre Zahlungsmittel:',
      link,
    ],
  },
  [NotificationType.INVOICE_PAID]: {
    subject: ({ tenantName, invoiceNumber }) => `${tenantName}: Rechnung ${invoiceNumber ?? ''} bezahlt`,
    lines: ({ invoiceNumber, amount, currency, link }) => [
      `Ihre Rechnung ${invoiceNumber ?? ''} über ${formatMoney(amount, currency)} ist bezahlt. Vielen Dank!`,
      'Ansehen und herunterladen:',
      link,
    ],
  },
  [NotificationType.INVOICE_PAYMENT_FAILED]: {
    subject: ({ tenantName, invoiceNumber }) =>
      `${tenantName}: Zahlung der Rechnung ${invoiceNumber ?? ''} fehlgeschlagen`,
    lines: ({ invoiceNumber, amount, currency, link }) => [
      `Ihre Rechnung ${invoiceNumber ?? ''} über ${formatMoney(amount, currency)} konnte nicht belastet werden. Sie bleibt offen und wird erneut belastet.`,
      'Prüfen Sie Ihr Zahlungsmittel oder fügen Sie eine andere Karte hinzu:',
      link,
    ],
  },
  [NotificationType.API_KEY_EXPIRING]: {
    subject: ({ tenantName, keyName }) => `${tenantName}: API-Schlüssel „${keyName}“ läuft bald ab`,
    lines: ({ keyName, keyPrefix, expiresAt, link }) => [
      `Der API-Schlüssel „${keyName}“ (${keyPrefix}…) läuft am ${formatDate(expiresAt)} ab; die Integration, die ihn verwendet, funktioniert dann nicht mehr.`,
      'Erstellen Sie einen neuen Schlüssel und hinterlegen Sie ihn vor diesem Datum in der Integration:',
      link,
    ],
  },
  [NotificationType.ROAMING_CERTIFICATE_EXPIRING]: {
    subject: ({ tenantName, platform }) => `${tenantName}: Ihr ${platform}-Client-Zertifikat läuft bald ab`,
    lines: ({ platform, subject, expiresAt, link }) => [
      `Das Client-Zertifikat, mit dem ${platform} Sie erkennt (${subject}), läuft am ${formatDate(expiresAt)} ab; das Roaming über ${platform} endet dann.`,
      'Beantragen Sie ein neues Zertifikat und laden Sie es vor diesem Datum in den Roaming-Einstellungen hoch:',
      link,
    ],
  },
};
