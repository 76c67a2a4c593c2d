import { BillingRefusalReason, NotificationType } from '../../notification-type';
import { LocaleMessages, dateFormatter, moneyFormatter, numberFormatter } from '../template';

const statuses = {
  PENDING: 'pendente',
  ACTIVE: 'ativa',
  INACTIVE: 'inativa',
  BLOCKED: 'bloqueada',
  LOCKED: 'trancada',
};
const formatNumber = numberFormatter('pt');
const formatDate = dateFormatter('pt');
const formatMoney = moneyFormatter('pt');
const refusalReasons: Record<BillingRefusalReason, string> = {
  NO_PAYMENT_METHOD: 'não tem nenhum meio de pagamento. Adicione um cartão para carregar.',
  CARD_EXPIRED: 'o seu cartão expirou. Adicione um cartão válido para carregar.',
  BILLING_NOT_READY: 'de momento não é possível cobrar pagamentos. Contacte o operador.',
};

export const pt: LocaleMessages = {
  greeting: (firstName) => (firstName ? `Olá ${firstName},` : 'Olá,'),
  signature: (tenantName) => `A equipa ${tenantName}`,
  statuses,
  formatNumber,
  formatDate,
  [NotificationType.PASSWORD_RESET]: {
    subject: ({ tenantName }) => `${tenantName}: redefina a sua palavra-passe`,
    lines: ({ link, expiresInMinutes }) => [
      `Foi pedida a redefinição da sua palavra-passe. Escolha uma nova com este link, válido durante ${expiresInMinutes} minutos e de utilização única:`,
      link,
      'Se não fez este pedido, ignore esta mensagem: a sua palavra-passe não muda.',
    ],
  },
  [NotificationType.EMAIL_VERIFICATION]: {
    subject: ({ tenantName }) => `${tenantName}: confirme o seu endereço de e-mail`,
    lines: ({ link }) => ['Bem-vindo! Confirme o seu endereço de e-mail para ativar a sua conta:', link],
  },
  [NotificationType.ACCOUNT_STATUS_CHANGED]: {
    subject: ({ tenantName }) => `${tenantName}: o estado da sua conta mudou`,
    lines: ({ status }) => [`A sua conta está agora ${statuses[status]}.`],
  },
  [NotificationType.NEW_USER_REGISTERED]: {
    subject: ({ tenantName, newUserEmail }) => `${tenantName}: novo utilizador ${newUserEmail}`,
    lines: ({ newUserEmail, newUserName, link }) => [
      `${newUserName ?? newUserEmail} (${newUserEmail}) registou-se.`,
      'Verifique a conta:',
      link,
    ],
  },
  [NotificationType.SESSION_STARTED]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: carregamento iniciado em ${chargingStationId}`,
    lines: ({ chargingStationId, connectorId, startedAt, link }) => [
      `A sua sessão de carregamento começou em ${formatDate(startedAt)} no posto ${chargingStationId}, conector ${connectorId}.`,
      'Acompanhe em direto:',
      link,
    ],
  },
  [NotificationType.SESSION_ENDED]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: sessão de carregamento em ${chargingStationId} terminada`,
    lines: ({ chargingStationId, connectorId, energyWh, durationMinutes, link }) => [
      `A sua sessão no posto ${chargingStationId}, conector ${connectorId}, terminou.`,
      `Energia fornecida: ${formatNumber(energyWh / 1000)} kWh em ${formatNumber(durationMinutes)} minutos.`,
      'Detalhes:',
      link,
    ],
  },
  [NotificationType.END_OF_CHARGE]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: carregamento concluído em ${chargingStationId}`,
    lines: ({ chargingStationId, connectorId, energyWh, stateOfCharge, link }) => [
      `O carregamento na estação ${chargingStationId}, conector ${connectorId}, está concluído${stateOfCharge === undefined ? '' : ` (bateria a ${formatNumber(stateOfCharge)} %)`}.`,
      `Energia fornecida: ${formatNumber(energyWh / 1000)} kWh. Desligue o seu veículo para libertar o carregador.`,
      link,
    ],
  },
  [NotificationType.OPTIMAL_CHARGE_REACHED]: {
    subject: ({ tenantName, chargingStationId, stateOfCharge }) =>
      `${tenantName}: bateria a ${formatNumber(stateOfCharge)} % em ${chargingStationId}`,
    lines: ({ chargingStationId, connectorId, stateOfCharge, energyWh, link }) => [
      `O seu veículo na estação ${chargingStationId}, conector ${connectorId}, está carregado a ${formatNumber(stateOfCharge)} %: a partir daqui o carregamento abranda e desgasta mais a bateria.`,
      `Energia fornecida: ${formatNumber(energyWh / 1000)} kWh. Desligue-o agora se não precisar da bateria cheia e liberte o carregador.`,
      link,
    ],
  },
  [NotificationType.STATION_STATUS_ERROR]: {
    subject: ({ tenantName, chargingStationId, connectorId }) =>
      `${tenantName}: avaria em ${chargingStationId}, conector ${connectorId}`,
    lines: ({ chargingStationId, connectorId, errorCode, link }) => [
      `O conector ${connectorId} do posto ${chargingStationId} indica uma avaria: ${errorCode}.`,
      'Detalhes do posto:',
      link,
    ],
  },
  [NotificationType.STATION_OFFLINE]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: o posto ${chargingStationId} está offline`,
    lines: ({ chargingStationId, lastSeen, link }) => [
      lastSeen
        ? `O posto ${chargingStationId} perdeu a ligação (visto pela última vez em ${formatDate(lastSeen)}).`
        : `O posto ${chargingStationId} perdeu a ligação.`,
      link,
    ],
  },
  [NotificationType.UNKNOWN_TAG_USED]: {
    subject: ({ tenantName, chargingStationId, tagId }) =>
      `${tenantName}: cartão desconhecido ${tagId} em ${chargingStationId}`,
    lines: ({ chargingStationId, tagId, presentedAt, link }) => [
      `O cartão ${tagId} foi apresentado no posto ${chargingStationId} em ${formatDate(presentedAt)}. Não está registado e foi recusado.`,
      'Se pertencer a alguém, registe-o. Detalhes do posto:',
      link,
    ],
  },
  [NotificationType.SMART_CHARGING_STATION_EXCLUDED]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: estação ${chargingStationId} excluída do carregamento inteligente`,
    lines: ({ chargingStationId, reason, link }) => [
      `A estação ${chargingStationId} não aceitou os seus perfis de carregamento e já não é controlada pelo carregamento inteligente; conta como carga não controlada até reiniciar ou voltar a incluí-la.`,
      `Motivo: ${reason}`,
      link,
    ],
  },
  [NotificationType.BILLING_SESSION_REFUSED]: {
    subject: ({ tenantName, chargingStationId }) =>
      `${tenantName}: carregamento recusado em ${chargingStationId}`,
    lines: ({ chargingStationId, reason, link }) => [
      `O posto ${chargingStationId} recusou o seu cartão: ${refusalReasons[reason]}`,
      'Gira os seus meios de pagamento:',
      link,
    ],
  },
  [NotificationType.INVOICE_PAID]: {
    subject: ({ tenantName, invoiceNumber }) => `${tenantName}: fatura ${invoiceNumber ?? ''} paga`,
    lines: ({ invoiceNumber, amount, currency, link }) => [
      `A sua fatura ${invoiceNumber ?? ''} de ${formatMoney(amount, currency)} está paga. Obrigado!`,
      'Consulte-a e descarregue-a:',
      link,
    ],
  },
  [NotificationType.INVOICE_PAYMENT_FAILED]: {
    subject: ({ tenantName, invoiceNumber }) =>
      `${tenantName}: falha no pagamento da fatura ${invoiceNumber ?? ''}`,
    lines: ({ invoiceNumber, amount, currency, link }) => [
      `Não conseguimos cobrar a sua fatura ${invoiceNumber ?? ''} de ${formatMoney(amount, currency)}. Continua em aberto e será cobrada novamente.`,
      'Verifique o seu meio de pagamento ou adicione outro cartão:',
      link,
    ],
  },
  [NotificationType.API_KEY_EXPIRING]: {
    subject: ({ tenantName, keyName }) => `${tenantName}: a chave de API «${keyName}» expira em breve`,
    lines: ({ keyName, keyPrefix, expiresAt, link }) => [
      `A chave de API «${keyName}» (${keyPrefix}…) expira em ${formatDate(expiresAt)}; a integração que a utiliza deixará então de funcionar.`,
      'Crie uma nova chave e entregue-a à integração antes dessa data:',
      link,
    ],
  },
  [NotificationType.ROAMING_CERTIFICATE_EXPIRING]: {
    subject: ({ tenantName, platform }) =>
      `${tenantName}: o seu certificado de cliente ${platform} expira em breve`,
    lines: ({ platform, subject, expiresAt, link }) => [
      `O certificado de cliente com que ${platform} o reconhece (${subject}) expira em ${formatDate(expiresAt)}; o roaming através de ${platform} para então.`,
      'Peça um novo certificado e carregue-o nas definições de roaming antes dessa data:',
      link,
    ],
  },
};
