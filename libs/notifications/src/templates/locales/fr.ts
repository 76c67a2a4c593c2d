import { BillingRefusalReason, NotificationType } from '../../notification-type';
import { LocaleMessages, dateFormatter, moneyFormatter, numberFormatter } from '../template';

const statuses = {
  PENDING: 'en attente',
  ACTIVE: 'actif',
  INACTIVE: 'inactif',
  BLOCKED: 'bloqué',
  LOCKED: 'verrouillé',
};
const formatNumber = numberFormatter('fr');
const formatDate = dateFormatter('fr');
const formatMoney = moneyFormatter('fr');
const refusalReasons: Record<BillingRefusalReason, string> = {
  NO_PAYMENT_METHOD: "vous n'avez aucun moyen de paiement. Ajoutez une carte pour recharger.",
  CARD_EXPIRED: 'votre carte a expiré. Ajoutez une carte valide pour recharger.',
  BILLING_NOT_READY: "le paiement est impossible pour l'instant. Contactez l'opérateur.",
};

export const fr: LocaleMessages = {
  greeting: (firstName) => (firstName ? `Bonjour ${firstName},` : 'Bonjour,'),
  signature: (tenantName) => `L'équipe ${tenantName}`,
  statuses,
  formatNumber,
  formatDate,
  [NotificationType.PASSWORD_RESET]: {
    subject: ({ tenantName }) => `${tenantName} : réinitialisez votre mot de passe`,
    lines: ({ link, expiresInMinutes }) => [
      `Une réinitialisation de votre mot de passe a été demandée. Choisissez-en un nouveau avec ce lien, valable ${expiresInMinutes} minutes et utilisable une seule fois :`,
      link,
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
    ],
  },
  [NotificationType.EMAIL_VERIFICATION]: {
    subject: ({ tenantName }) => `${tenantName} : confirmez votre adresse e-mail`,
    lines: ({ link }) => ['Bienvenue ! Confirmez votre adresse e-mail pour activer votre compte :', link],
  },
  [NotificationType.ACCOUNT_STATUS_CHANGED]: {
    subject: ({ tenantName }) => `${tenantName} : le statut de votre compte a changé`,
    lines: ({ status }) => [`Votre compte est désormais ${statuses[status]}.`],
  },
  [NotificationType.NEW_USER_REGISTERED]: {
    subject: ({ tenantName, newUserEmail }) => `${tenantName} : nouvel utilisateur ${newUserEmail}`,
    lines: ({ newUserEmail, newUserName, link }) => [
      `${newUserName ?? newUserEmail} (${newUserEmail}) s'est inscrit.`,
      'Vérifiez le compte :',
      link,
    ],
  },
  [NotificationType.SESSION_STARTED]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName} : recharge démarrée sur ${chargingStationId}`,
    lines: ({ chargingStationId, connectorId, startedAt, link }) => [
      `Votre session de recharge a démarré le ${formatDate(startedAt)} sur la borne ${chargingStationId}, connecteur ${connectorId}.`,
      'Suivez-la en direct :',
      link,
    ],
  },
  [NotificationType.SESSION_ENDED]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName} : session de recharge terminée sur ${chargingStationId}`,
    lines: ({ chargingStationId, connectorId, energyWh, durationMinutes, link }) => [
      `Votre session sur la borne ${chargingStationId}, connecteur ${connectorId}, est terminée.`,
      `Énergie délivrée : ${formatNumber(energyWh / 1000)} kWh en ${formatNumber(durationMinutes)} minutes.`,
      'Détails :',
      link,
    ],
  },
  [NotificationType.END_OF_CHARGE]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName} : recharge terminée sur ${chargingStationId}`,
    lines: ({ chargingStationId, connectorId, energyWh, stateOfCharge, link }) => [
      `La recharge sur la borne ${chargingStationId}, connecteur ${connectorId}, est terminée${stateOfCharge === undefined ? '' : ` (batterie à ${formatNumber(stateOfCharge)} %)`}.`,
      `Énergie délivrée : ${formatNumber(energyWh / 1000)} kWh. Merci de débrancher votre véhicule pour libérer la borne.`,
      link,
    ],
  },
  [NotificationType.OPTIMAL_CHARGE_REACHED]: {
    subject: ({ tenantName, chargingStationId, stateOfCharge }) =>
      `${tenantName} : batterie à ${formatNumber(stateOfCharge)} % sur ${chargingStationId}`,
    lines: ({ chargingStationId, connectorId, stateOfCharge, energyWh, link }) => [
      `Votre véhicule sur la borne ${chargingStationId}, connecteur ${connectorId}, est chargé à ${formatNumber(stateOfCharge)} % : au-delà, la recharge ralentit et use davantage la batterie.`,
      `Énergie délivrée : ${formatNumber(energyWh / 1000)} kWh. Débranchez-le maintenant si vous n'avez pas besoin d'une batterie pleine, et libérez la borne.`,
      link,
    ],
  },
  [NotificationType.STATION_STATUS_ERROR]: {
    subject: ({ tenantName, chargingStationId, connectorId }) =>
      `${tenantName} : défaut sur ${chargingStationId}, connecteur ${connectorId}`,
    lines: ({ chargingStationId, connectorId, errorCode, link }) => [
      `Le connecteur ${connectorId} de la borne ${chargingStationId} signale un défaut : ${errorCode}.`,
      'Détails de la borne :',
      link,
    ],
  },
  [NotificationType.STATION_OFFLINE]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName} : la borne ${chargingStationId} est hors ligne`,
    lines: ({ chargingStationId, lastSeen, link }) => [
      lastSeen
        ? `La borne ${chargingStationId} a perdu sa connexion (vue pour la dernière fois le ${formatDate(lastSeen)}).`
        : `La borne ${chargingStationId} a perdu sa connexion.`,
      link,
    ],
  },
  [NotificationType.UNKNOWN_TAG_USED]: {
    subject: ({ tenantName, chargingStationId, tagId }) =>
      `${tenantName} : badge inconnu ${tagId} sur ${chargingStationId}`,
    lines: ({ chargingStationId, tagId, presentedAt, link }) => [
      `Le badge ${tagId} a été présenté à la borne ${chargingStationId} le ${formatDate(presentedAt)}. Il n'est pas enregistré et a été refusé.`,
      "S'il appartient à quelqu'un, enregistrez-le. Détails de la borne :",
      link,
    ],
  },
  [NotificationType.SMART_CHARGING_STATION_EXCLUDED]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName} : borne ${chargingStationId} exclue de la recharge intelligente`,
    lines: ({ chargingStationId, reason, link }) => [
      `La borne ${chargingStationId} n’a pas accepté ses profils de charge et n’est plus pilotée par la recharge intelligente ; elle compte comme une charge non pilotée jusqu’à son redémarrage ou sa réintégration.`,
      `Motif : ${reason}`,
      link,
    ],
  },
  [NotificationType.BILLING_SESSION_REFUSED]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName} : recharge refusée sur ${chargingStationId}`,
    lines: ({ chargingStationId, reason, link }) => [
      `La borne ${chargingStationId} a refusé votre badge : ${refusalReasons[reason]}`,
      'Gérez vos moyens de paiement :',
      link,
    ],
  },
  [NotificationType.INVOICE_PAID]: {
    subject: ({ tenantName, invoiceNumber }) => `${tenantName} : facture ${invoiceNumber ?? ''} payée`,
    lines: ({ invoiceNumber, amount, currency, link }) => [
      `Votre facture ${invoiceNumber ?? ''} de ${formatMoney(amount, currency)} est payée. Merci !`,
      'Consultez-la et téléchargez-la :',
      link,
    ],
  },
  [NotificationType.INVOICE_PAYMENT_FAILED]: {
    subject: ({ tenantName, invoiceNumber }) =>
      `${tenantName} : échec du paiement de la facture ${invoiceNumber ?? ''}`,
    lines: ({ invoiceNumber, amount, currency, link }) => [
      `Le paiement de votre facture ${invoiceNumber ?? ''} de ${formatMoney(amount, currency)} a échoué. Elle reste ouverte et sera présentée de nouveau.`,
      'Vérifiez votre moyen de paiement ou ajoutez une autre carte :',
      link,
    ],
  },
  [NotificationType.API_KEY_EXPIRING]: {
    subject: ({ tenantName, keyName }) => `${tenantName} : la clé d'API « ${keyName} » expire bientôt`,
    lines: ({ keyName, keyPrefix, expiresAt, link }) => [
      `La clé d'API « ${keyName} » (${keyPrefix}…) expire le ${formatDate(expiresAt)} ; l'intégration qui l'utilise cessera alors de fonctionner.`,
      "Créez une nouvelle clé et confiez-la à l'intégration avant cette date :",
      link,
    ],
  },
  [NotificationType.ROAMING_CERTIFICATE_EXPIRING]: {
    subject: ({ tenantName, platform }) =>
      `${tenantName} : votre certificat client ${platform} expire bientôt`,
    lines: ({ platform, subject, expiresAt, link }) => [
      `Le certificat client par lequel ${platform} vous reconnaît (${subject}) expire le ${formatDate(expiresAt)} ; l'itinérance via ${platform} s'arrêtera alors.`,
      "Demandez un nouveau certificat et chargez-le dans les réglages d'itinérance avant cette date :",
      link,
    ],
  },
};
