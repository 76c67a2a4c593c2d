import { BillingRefusalReason, NotificationType } from '../../notification-type';
import { LocaleMessages, dateFormatter, moneyFormatter, numberFormatter } from '../template';

const statuses = {
  PENDING: 'pendiente',
  ACTIVE: 'activa',
  INACTIVE: 'inactiva',
  BLOCKED: 'bloqueada',
  LOCKED: 'cerrada',
};
const formatNumber = numberFormatter('es');
const formatDate = dateFormatter('es');
const formatMoney = moneyFormatter('es');
const refusalReasons: Record<BillingRefusalReason, string> = {
  NO_PAYMENT_METHOD: 'no tiene ningún método de pago. Añada una tarjeta para cargar.',
  CARD_EXPIRED: 'su tarjeta ha caducado. Añada una tarjeta válida para cargar.',
  BILLING_NOT_READY: 'ahora mismo no se pueden cobrar pagos. Contacte con el operador.',
};

export const es: LocaleMessages = {
  greeting: (firstName) => (firstName ? `Hola ${firstName}:` : 'Hola:'),
  signature: (tenantName) => `El equipo de ${tenantName}`,
  statuses,
  formatNumber,
  formatDate,
  [NotificationType.PASSWORD_RESET]: {
    subject: ({ tenantName }) => `${tenantName}: restablezca su contraseña`,
    lines: ({ link, expiresInMinutes }) => [
      `Se ha solicitado restablecer su contraseña. Elija una nueva con este enlace, válido durante ${expiresInMinutes} minutos y de un solo uso:`,
      link,
      'Si no lo ha solicitado, ignore este mensaje: su contraseña no cambia.',
    ],
  },
  [NotificationType.EMAIL_VERIFICATION]: {
    subject: ({ tenantName }) => `${tenantName}: confirme su dirección de correo`,
    lines: ({ link }) => ['¡Bienvenido! Confirme su dirección de correo para activar su cuenta:', link],
  },
  [NotificationType.ACCOUNT_STATUS_CHANGED]: {
    subject: ({ tenantName }) => `${tenantName}: el estado de su cuenta ha cambiado`,
    lines: ({ status }) => [`Su cuenta está ahora ${statuses[status]}.`],
  },
  [NotificationType.NEW_USER_REGISTERED]: {
    subject: ({ tenantName, newUserEmail }) => `${tenantName}: nuevo usuario ${newUserEmail}`,
    lines: ({ newUserEmail, newUserName, link }) => [
      `${newUserName ?? newUserEmail} (${newUserEmail}) se ha registrado.`,
      'Revise la cuenta:',
      link,
    ],
  },
  [NotificationType.SESSION_STARTED]: {
    subject: ({ tenantName, chargingStationId }) => `${tenantName}: carga iniciada en ${chargingStationId}`,
    lines: ({ chargingStationId, connectorId, startedAt, link }) => [
      `Su sesión de carga comenzó el ${formatDate(startedAt)} en la estación ${chargingStationId}, conector ${connectorId}.`,
      'Sígala en directo:',
      link,
    ],
  },
  [NotificationType.SESSION_ENDED]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: sesión de carga en ${chargingStationId} finalizada`,
    lines: ({ chargingStationId, connectorId, energyWh, durationMinutes, link }) => [
      `Su sesión en la estación ${chargingStationId}, conector ${connectorId}, ha finalizado.`,
      `Energía entregada: ${formatNumber(energyWh / 1000)} kWh en ${formatNumber(durationMinutes)} minutos.`,
      'Detalles:',
      link,
    ],
  },
  [NotificationType.END_OF_CHARGE]: {
    subject: ({ tenantName, chargingStationId }) => `${tenantName}: carga completada en ${chargingStationId}`,
    lines: ({ chargingStationId, connectorId, energyWh, stateOfCharge, link }) => [
      `La carga en la estación ${chargingStationId}, conector ${connectorId}, ha terminado${stateOfCharge === undefined ? '' : ` (batería al ${formatNumber(stateOfCharge)} %)`}.`,
      `Energía entregada: ${formatNumber(energyWh / 1000)} kWh. Desconecte su vehículo para liberar el cargador.`,
      link,
    ],
  },
  [NotificationType.OPTIMAL_CHARGE_REACHED]: {
    subject: ({ tenantName, chargingStationId, stateOfCharge }) =>
      `${tenantName}: batería al ${formatNumber(stateOfCharge)} % en ${chargingStationId}`,
    lines: ({ chargingStationId, connectorId, stateOfCharge, energyWh, link }) => [
      `Su vehículo en la estación ${chargingStationId}, conector ${connectorId}, está cargado al ${formatNumber(stateOfCharge)} %: a partir de aquí la carga se ralentiza y desgasta más la batería.`,
      `Energía entregada: ${formatNumber(energyWh / 1000)} kWh. Desconéctelo ahora si no necesita la batería llena y libere el cargador.`,
      link,
    ],
  },
  [NotificationType.STATION_STATUS_ERROR]: {
    subject: ({ tenantName, chargingStationId, connectorId }) =>
      `${tenantName}: avería en ${chargingStationId}, conector ${connectorId}`,
    lines: ({ chargingStationId, connectorId, errorCode, link }) => [
      `El conector ${connectorId} de la estación ${chargingStationId} informa de una avería: ${errorCode}.`,
      'Detalles de la estación:',
      link,
    ],
  },
  [NotificationType.STATION_OFFLINE]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: la estación ${chargingStationId} está desconectada`,
    lines: ({ chargingStationId, lastSeen, link }) => [
      lastSeen
        ? `La estación ${chargingStationId} ha perdido la conexión (vista por última vez el ${formatDate(lastSeen)}).`
        : `La estación ${chargingStationId} ha perdido la conexión.`,
      link,
    ],
  },
  [NotificationType.UNKNOWN_TAG_USED]: {
    subject: ({ tenantName, chargingStationId, tagId }) =>
      `${tenantName}: tarjeta desconocida ${tagId} en ${chargingStationId}`,
    lines: ({ chargingStationId, tagId, presentedAt, link }) => [
      `En la estación ${chargingStationId} se presentó la tarjeta ${tagId} el ${formatDate(presentedAt)}. No está registrada y fue rechazada.`,
      'Si pertenece a alguien, regístrela. Detalles de la estación:',
      link,
    ],
  },
  [NotificationType.SMART_CHARGING_STATION_EXCLUDED]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: estación ${chargingStationId} excluida de la carga inteligente`,
    lines: ({ chargingStationId, reason, link }) => [
      `La estación ${chargingStationId} no aceptó sus perfiles de carga y ya no está controlada por la carga inteligente; cuenta como carga no controlada hasta que se reinicie o la vuelva a incluir.`,
      `Motivo: ${reason}`,
      link,
    ],
  },
  [NotificationType.BILLING_SESSION_REFUSED]: {
    subject: ({ tenantName, chargingStationId }) => `${tenantName}: carga rechazada en ${chargingStationId}`,
    lines: ({ chargingStationId, reason, link }) => [
      `La estación ${chargingStationId} rechazó su tarjeta: ${refusalReasons[reason]}`,
      'Gestione sus métodos de pago:',
      link,
    ],
  },
  [NotificationType.INVOICE_PAID]: {
    subject: ({ tenantName, invoiceNumber }) => `${tenantName}: factura ${invoiceNumber ?? ''} pagada`,
    lines: ({ invoiceNumber, amount, currency, link }) => [
      `Su factura ${invoiceNumber ?? ''} de ${formatMoney(amount, currency)} está pagada. ¡Gracias!`,
      'Consúltela y descárguela:',
      link,
    ],
  },
  [NotificationType.INVOICE_PAYMENT_FAILED]: {
    subject: ({ tenantName, invoiceNumber }) =>
      `${tenantName}: el pago de la factura ${invoiceNumber ?? ''} ha fallado`,
    lines: ({ invoiceNumber, amount, currency, link }) => [
      `No pudimos cobrar su factura ${invoiceNumber ?? ''} de ${formatMoney(amount, currency)}. Sigue abierta y se cobrará de nuevo.`,
      'Revise su método de pago o añada otra tarjeta:',
      link,
    ],
  },
  [NotificationType.API_KEY_EXPIRING]: {
    subject: ({ tenantName, keyName }) => `${tenantName}: la clave de API «${keyName}» caduca pronto`,
    lines: ({ keyName, keyPrefix, expiresAt, link }) => [
      `La clave de API «${keyName}» (${keyPrefix}…) caduca el ${formatDate(expiresAt)}; la integración que la usa dejará entonces de funcionar.`,
      'Cree una clave nueva y entréguela a la integración antes de esa fecha:',
      link,
    ],
  },
  [NotificationType.ROAMING_CERTIFICATE_EXPIRING]: {
    subject: ({ tenantName, platform }) =>
      `${tenantName}: su certificado de cliente de ${platform} caduca pronto`,
    lines: ({ platform, subject, expiresAt, link }) => [
      `El certificado de cliente con el que ${platform} le reconoce (${subject}) caduca el ${formatDate(expiresAt)}; el roaming a través de ${platform} se detendrá entonces.`,
      'Solicite un certificado nuevo y súbalo en los ajustes de roaming antes de esa fecha:',
      link,
    ],
  },
};
