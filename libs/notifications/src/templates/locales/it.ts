import { BillingRefusalReason, NotificationType } from '../../notification-type';
import { LocaleMessages, dateFormatter, moneyFormatter, numberFormatter } from '../template';

const statuses = {
  PENDING: 'in attesa',
  ACTIVE: 'attivo',
  INACTIVE: 'inattivo',
  BLOCKED: 'bloccato',
  LOCKED: 'sospeso',
};
const formatNumber = numberFormatter('it');
const formatDate = dateFormatter('it');
const formatMoney = moneyFormatter('it');
const refusalReasons: Record<BillingRefusalReason, string> = {
  NO_PAYMENT_METHOD: 'non hai alcun metodo di pagamento. Aggiungi una carta per ricaricare.',
  CARD_EXPIRED: 'la tua carta è scaduta. Aggiungi una carta valida per ricaricare.',
  BILLING_NOT_READY: "al momento non è possibile addebitare pagamenti. Contatta l'operatore.",
};

export const it: LocaleMessages = {
  greeting: (firstName) => (firstName ? `Ciao ${firstName},` : 'Ciao,'),
  signature: (tenantName) => `Il team ${tenantName}`,
  statuses,
  formatNumber,
  formatDate,
  [NotificationType.PASSWORD_RESET]: {
    subject: ({ tenantName }) => `${tenantName}: reimposta la tua password`,
    lines: ({ link, expiresInMinutes }) => [
      `È stata richiesta la reimpostazione della tua password. Scegline una nuova con questo link, valido per ${expiresInMinutes} minuti e utilizzabile una sola volta:`,
      link,
      'Se non hai fatto tu la richiesta, ignora questo messaggio: la tua password resta invariata.',
    ],
  },
  [NotificationType.EMAIL_VERIFICATION]: {
    subject: ({ tenantName }) => `${tenantName}: conferma il tuo indirizzo email`,
    lines: ({ link }) => ['Benvenuto! Conferma il tuo indirizzo email per attivare il tuo account:', link],
  },
  [NotificationType.ACCOUNT_STATUS_CHANGED]: {
    subject: ({ tenantName }) => `${tenantName}: lo stato del tuo account è cambiato`,
    lines: ({ status }) => [`Il tuo account è ora ${statuses[status]}.`],
  },
  [NotificationType.NEW_USER_REGISTERED]: {
    subject: ({ tenantName, newUserEmail }) => `${tenantName}: nuovo utente ${newUserEmail}`,
    lines: ({ newUserEmail, newUserName, link }) => [
      `${newUserName ?? newUserEmail} (${newUserEmail}) si è registrato.`,
      "Verifica l'account:",
      link,
    ],
  },
  [NotificationType.SESSION_STARTED]: {
    subject: ({ tenantName, chargingStationId }) => `${tenantName}: ricarica avviata su ${chargingStationId}`,
    lines: ({ chargingStationId, connectorId, startedAt, link }) => [
      `La tua sessione di ricarica è iniziata il ${formatDate(startedAt)} alla stazione ${chargingStationId}, connettore ${connectorId}.`,
      'Seguila in diretta:',
      link,
    ],
  },
  [NotificationType.SESSION_ENDED]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: sessione di ricarica su ${chargingStationId} terminata`,
    lines: ({ chargingStationId, connectorId, energyWh, durationMinutes, link }) => [
      `La tua sessione alla stazione ${chargingStationId}, connettore ${connectorId}, è terminata.`,
      `Energia erogata: ${formatNumber(energyWh / 1000)} kWh in ${formatNumber(durationMinutes)} minuti.`,
      'Dettagli:',
      link,
    ],
  },
  [NotificationType.END_OF_CHARGE]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: ricarica completata presso ${chargingStationId}`,
    lines: ({ chargingStationId, connectorId, energyWh, stateOfCharge, link }) => [
      `La ricarica alla stazione ${chargingStationId}, connettore ${connectorId}, è completata${stateOfCharge === undefined ? '' : ` (batteria al ${formatNumber(stateOfCharge)} %)`}.`,
      `Energia erogata: ${formatNumber(energyWh / 1000)} kWh. Scollegare il veicolo per liberare il caricatore.`,
      link,
    ],
  },
  [NotificationType.OPTIMAL_CHARGE_REACHED]: {
    subject: ({ tenantName, chargingStationId, stateOfCharge }) =>
      `${tenantName}: batteria al ${formatNumber(stateOfCharge)} % presso ${chargingStationId}`,
    lines: ({ chargingStationId, connectorId, stateOfCharge, energyWh, link }) => [
      `Il tuo veicolo alla stazione ${chargingStationId}, connettore ${connectorId}, è carico al ${formatNumber(stateOfCharge)} %: oltre questo livello la ricarica rallenta e usura di più la batteria.`,
      `Energia erogata: ${formatNumber(energyWh / 1000)} kWh. Scollega ora il veicolo se non ti serve la batteria piena e libera il caricatore.`,
      link,
    ],
  },
  [NotificationType.STATION_STATUS_ERROR]: {
    subject: ({ tenantName, chargingStationId, connectorId }) =>
      `${tenantName}: guasto su ${chargingStationId}, connettore ${connectorId}`,
    lines: ({ chargingStationId, connectorId, errorCode, link }) => [
      `Il connettore ${connectorId} della stazione ${chargingStationId} segnala un guasto: ${errorCode}.`,
      'Dettagli della stazione:',
      link,
    ],
  },
  [NotificationType.STATION_OFFLINE]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: la stazione ${chargingStationId} è offline`,
    lines: ({ chargingStationId, lastSeen, link }) => [
      lastSeen
        ? `La stazione ${chargingStationId} ha perso la connessione (vista l'ultima volta il ${formatDate(lastSeen)}).`
        : `La stazione ${chargingStationId} ha perso la connessione.`,
      link,
    ],
  },
  [NotificationType.UNKNOWN_TAG_USED]: {
    subject: ({ tenantName, chargingStationId, tagId }) =>
      `${tenantName}: badge sconosciuto ${tagId} presso ${chargingStationId}`,
    lines: ({ chargingStationId, tagId, presentedAt, link }) => [
      `Alla stazione ${chargingStationId} è stato presentato il badge ${tagId} il ${formatDate(presentedAt)}. Non è registrato ed è stato rifiutato.`,
      'Se appartiene a qualcuno, registralo. Dettagli della stazione:',
      link,
    ],
  },
  [NotificationType.SMART_CHARGING_STATION_EXCLUDED]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: stazione ${chargingStationId} esclusa dalla ricarica intelligente`,
    lines: ({ chargingStationId, reason, link }) => [
      `La stazione ${chargingStationId} non ha accettato i suoi profili di ricarica e non è più controllata dalla ricarica intelligente; conta come carico non controllato finché non si riavvia o non la includete di nuovo.`,
      `Motivo: ${reason}`,
      link,
    ],
  },
  [NotificationType.BILLING_SESSION_REFUSED]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: ricarica rifiutata a ${chargingStationId}`,
    lines: ({ chargingStationId, reason, link }) => [
      `La stazione ${chargingStationId} ha rifiutato il tuo badge: ${refusalReasons[reason]}`,
      'Gestisci i tuoi metodi di pagamento:',
      link,
    ],
  },
  [NotificationType.INVOICE_PAID]: {
    subject: ({ tenantName, invoiceNumber }) => `${tenantName}: fattura ${invoiceNumber ?? ''} pagata`,
    lines: ({ invoiceNumber, amount, currency, link }) => [
      `La tua fattura ${invoiceNumber ?? ''} di ${formatMoney(amount, currency)} è pagata. Grazie!`,
      'Consultala e scaricala:',
      link,
    ],
  },
  [NotificationType.INVOICE_PAYMENT_FAILED]: {
    subject: ({ tenantName, invoiceNumber }) =>
      `${tenantName}: pagamento della fattura ${invoiceNumber ?? ''} non riuscito`,
    lines: ({ invoiceNumber, amount, currency, link }) => [
      `Non siamo riusciti ad addebitare la tua fattura ${invoiceNumber ?? ''} di ${formatMoney(amount, currency)}. Resta aperta e sarà addebitata di nuovo.`,
      'Controlla il tuo metodo di pagamento o aggiungi un’altra carta:',
      link,
    ],
  },
  [NotificationType.API_KEY_EXPIRING]: {
    subject: ({ tenantName, keyName }) => `${tenantName}: la chiave API «${keyName}» scade a breve`,
    lines: ({ keyName, keyPrefix, expiresAt, link }) => [
      `La chiave API «${keyName}» (${keyPrefix}…) scade il ${formatDate(expiresAt)}; l'integrazione che la usa smetterà allora di funzionare.`,
      "Crei una nuova chiave e la consegni all'integrazione prima di tale data:",
      link,
    ],
  },
  [NotificationType.ROAMING_CERTIFICATE_EXPIRING]: {
    subject: ({ tenantName, platform }) =>
      `${tenantName}: il suo certificato client ${platform} scade a breve`,
    lines: ({ platform, subject, expiresAt, link }) => [
      `Il certificato client con cui ${platform} la riconosce (${subject}) scade il ${formatDate(expiresAt)}; il roaming tramite ${platform} si fermerà allora.`,
      'Richieda un nuovo certificato e lo carichi nelle impostazioni di roaming prima di tale data:',
      link,
    ],
  },
};
