import { BadInputError, inRunsOf } from '@csms/common';
import {
  ChargingProfileInput,
  CommandResult,
  ConfigurationReport,
  ConfigurationValue,
  LocalListEntry,
  SecurityProfileRequest,
} from '@csms/stations/ports/station-commands.port';
import { SessionCommands } from '../adapters/version-adapter';
import { StationSession } from '../session/station-session';
import {
  AuthorizationData,
  ChargingProfilePurposeEnumType,
  ChargingProfileType,
  ConnectorEnumType,
  DataTransferRequest,
  IdTokenType,
  MessageTriggerEnumType,
  OcppV201Action,
  OcppV201Calls,
} from './types/generated';
import { newRequestId } from '../commands/request-ids';
import { signedFirmwareRequest } from '../commands/signed-firmware';
import {
  formatVariableAddress,
  OCPP16_KEY_TO_VARIABLE,
  parseConfigurationKey,
  VariableAddress,
} from './v201-variable-keys';

/** Sends one typed 2.0.1 CALL through the session (validated against the official schema). */
export function call201<A extends OcppV201Action>(
  session: StationSession,
  action: A,
  request: OcppV201Calls[A]['request'],
): Promise<OcppV201Calls[A]['response']> {
  return session.call<OcppV201Calls[A]['response']>(action, withoutUndefined(request));
}

/** JSON drops undefined anyway; removing it first keeps validation and the message log exact. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as T;
}

const iso = (date: Date | undefined): string | undefined => date?.toISOString();

function statusOf(answer: { status: string }): CommandResult {
  return { status: answer.status };
}

/** Tags are RFID cards unless the operator says otherwise (ISO 14443 is what 1.6 idTags are). */
export function idTokenOf(idTag: string, type: IdTokenType['type'] = 'ISO14443'): IdTokenType {
  return { idToken: idTag, type };
}

/** EVSE 0 means the whole station: 2.0.1 leaves the EVSE out instead. */
const evseIdOf = (connectorId: number | undefined): number | undefined =>
  connectorId === undefined || connectorId === 0 ? undefined : connectorId;

const PURPOSES: Record<ChargingProfileInput['purpose'], ChargingProfilePurposeEnumType> = {
  ChargePointMaxProfile: 'ChargingStationMaxProfile',
  TxDefaultProfile: 'TxDefaultProfile',
  TxProfile: 'TxProfile',
};

export function encodeChargingProfile(profile: ChargingProfileInput): ChargingProfileType {
  const periods = profile.schedule.periods.map((period) => withoutUndefined({ ...period }));
  if (!periods.length) throw new BadInputError('A charging schedule needs at least one period');
  return withoutUndefined({
    id: profile.chargingProfileId,
    stackLevel: profile.stackLevel,
    chargingProfilePurpose: PURPOSES[profile.purpose],
    chargingProfileKind: profile.kind,
    recurrencyKind: profile.recurrencyKind,
    validFrom: iso(profile.validFrom),
    validTo: iso(profile.validTo),
    transactionId:
      profile.ocppTransactionId ??
      (profile.transactionId === undefined ? undefined : String(profile.transactionId)),
    chargingSchedule: [
      withoutUndefined({
        id: profile.chargingProfileId,
        duration: profile.schedule.duration,
        startSchedule: iso(profile.schedule.startSchedule),
        chargingRateUnit: profile.schedule.rateUnit,
        minChargingRate: profile.schedule.minChargingRate,
        chargingSchedulePeriod:
          periods as ChargingProfileType['chargingSchedule'][0]['chargingSchedulePeriod'],
      }),
    ],
  });
}

function encodeLocalListEntry(entry: LocalListEntry): AuthorizationData {
  const idToken = idTokenOf(entry.idTag);
  // Without a status the entry is removed from the list (differential update).
  if (!entry.status) return { idToken };
  return {
    idToken,
    idTokenInfo: withoutUndefined({
      status: entry.status,
      cacheExpiryDateTime: iso(entry.expiryDate),
      groupIdToken: entry.parentIdTag ? idTokenOf(entry.parentIdTag, 'Central') : undefined,
    }),
  };
}

/** 1.6 message names mapped to their 2.0.1 successors; 2.0.1 names pass as they are. */
const TRIGGER_MESSAGES: Record<string, MessageTriggerEnumType> = {
  DiagnosticsStatusNotification: 'LogStatusNotification',
  StartTransaction: 'TransactionEvent',
  StopTransaction: 'TransactionEvent',
};
const TRIGGERABLE: ReadonlySet<string> = new Set<MessageTriggerEnumType>([
  'BootNotification',
  'LogStatusNotification',
  'FirmwareStatusNotification',
  'Heartbeat',
  'MeterValues',
  'SignChargingStationCertificate',
  'SignV2GCertificate',
  'StatusNotification',
  'TransactionEvent',
  'SignCombinedCertificate',
  'PublishFirmwareStatusNotification',
]);

const isTriggerable = (name: string): name is MessageTriggerEnumType => TRIGGERABLE.has(name);

function triggerOf(message: string): MessageTriggerEnumType {
  const mapped: string = TRIGGER_MESSAGES[message] ?? message;
  if (!isTriggerable(mapped)) throw new BadInputError(`OCPP 2.0.1 cannot trigger ${message}`);
  return mapped;
}

function addressOf(key: string): VariableAddress {
  const address = parseConfigurationKey(key);
  if (!address) {
    throw new BadInputError(
      `"${key}" is neither a known OCPP 1.6 key nor Component.Variable for an OCPP 2.0.1 station`,
    );
  }
  return address;
}

const sameAddress = (a: VariableAddress, b: VariableAddress): boolean =>
  formatVariableAddress(a) === formatVariableAddress(b);

/**
 * GetVariables for the asked keys (all known 1.6 keys when none are asked, as 1.6 GetConfiguration
 * reports everything), at most `itemsPerMessage` per request. Each result goes back under the key it
 * was asked with; anything the station could not read is an unknown key, as in 1.6.
 */
export async function getVariables(
  session: StationSession,
  keys: string[] | undefined,
  itemsPerMessage?: number,
): Promise<ConfigurationReport> {
  const asked = keys?.length ? keys : Object.keys(OCPP16_KEY_TO_VARIABLE);
  const addresses = asked.map((key) => ({ key, address: addressOf(key) }));
  const report: ConfigurationReport = { keys: [], unknownKeys: [] };
  for (const run of inRunsOf(addresses, itemsPerMessage)) {
    const answer = await call201(session, 'GetVariables', {
      getVariableData: run.map(({ address }) => ({
        ...address,
      })) as OcppV201Calls['GetVariables']['request']['getVariableData'],
    });
    for (const { key, address } of run) {
      const result = answer.getVariableResult.find((entry) => sameAddress(entry, address));
      if (result?.attributeStatus === 'Accepted') {
        const value: ConfigurationValue = { key };
        if (result.attributeValue !== undefined) value.value = result.attributeValue;
        report.keys.push(value);
      } else if (keys?.length) {
        report.unknownKeys.push(key);
      }
    }
  }
  return report;
}

const NETWORK_PRIORITY: VariableAddress = {
  component: { name: 'OCPPCommCtrlr' },
  variable: { name: 'NetworkConfigurationPriority' },
};

/** The slots of the station's NetworkConfigurationPriority, most preferred first ([] when unknown). */
async function prioritySlots(session: StationSession): Promise<number[]> {
  const answer = await call201(session, 'GetVariables', { getVariableData: [{ ...NETWORK_PRIORITY }] });
  const value = answer.getVariableResult[0]?.attributeValue ?? '';
  return value
    .split(',')
    .map((slot) => Number(slot.trim()))
    .filter((slot) => Number.isInteger(slot) && slot >= 0);
}

/**
 * A security profile is a network connection profile (A05): written to a free slot (or the one
 * asked for), then put first in NetworkConfigurationPriority. The station moves to it when it
 * reconnects (after a reset).
 */
async function setSecurityProfile(
  session: StationSession,
  request: SecurityProfileRequest,
): Promise<CommandResult> {
  const slots = await prioritySlots(session);
  const configurationSlot = request.configurationSlot ?? Math.max(1, ...slots) + 1;
  const profile = await call201(session, 'SetNetworkProfile', {
    configurationSlot,
    connectionData: {
      ocppVersion: 'OCPP20',
      ocppTransport: 'JSON',
      ocppCsmsUrl: request.csmsUrl,
      messageTimeout: NETWORK_MESSAGE_TIMEOUT_SECONDS,
      securityProfile: request.securityProfile,
      ocppInterface: 'Wired0',
    },
  });
  if (profile.status !== 'Accepted') return { status: profile.status, data: { configurationSlot } };
  const priority = [configurationSlot, ...slots.filter((slot) => slot !== configurationSlot)].join(',');
  const answer = await call201(session, 'SetVariables', {
    setVariableData: [{ ...NETWORK_PRIORITY, attributeValue: priority }],
  });
  return { status: answer.setVariableResult[0].attributeStatus, data: { configurationSlot } };
}

/** How long the station waits for our answers on a network profile we write. */
const NETWORK_MESSAGE_TIMEOUT_SECONDS = 30;

/**
 * The CSMS→station half of OCPP 2.0.1 behind the version-neutral port: each command encoded as
 * its 2.0.1 CALL, the answer's status word handed back as the station gave it.
 */
export const v201Commands: SessionCommands = {
  reset: async (session, kind) =>
    statusOf(await call201(session, 'Reset', { type: kind === 'Hard' ? 'Immediate' : 'OnIdle' })),

  clearCache: async (session) => statusOf(await call201(session, 'ClearCache', {})),

  changeAvailability: async (session, connectorId, kind) => {
    const evseId = evseIdOf(connectorId);
    return statusOf(
      await call201(session, 'ChangeAvailability', {
        operationalStatus: kind,
        evse: evseId === undefined ? undefined : { id: evseId },
      }),
    );
  },

  changeConfiguration: async (session, key, value) => {
    const address = addressOf(key);
    const answer = await call201(session, 'SetVariables', {
      setVariableData: [{ ...address, attributeValue: value }],
    });
    return { status: answer.setVariableResult[0].attributeStatus };
  },

  getConfiguration: (session, keys) => getVariables(session, keys),

  setSecurityProfile: (session, request) => setSecurityProfile(session, request),

  remoteStart: async (session, request) => {
    const remoteStartId = newRequestId();
    const answer = await call201(session, 'RequestStartTransaction', {
      evseId: evseIdOf(request.connectorId),
      idToken: idTokenOf(request.idTag),
      remoteStartId,
      chargingProfile: request.chargingProfile ? encodeChargingProfile(request.chargingProfile) : undefined,
    });
    return {
      status: answer.status,
      data: { remoteStartId, ...(answer.transactionId ? { transactionId: answer.transactionId } : {}) },
    };
  },

  remoteStop: async (session, ocppTransactionId) =>
    statusOf(await call201(session, 'RequestStopTransaction', { transactionId: ocppTransactionId })),

  // The port's connector is the EVSE; its first connector is the one unlocked.
  unlockConnector: async (session, connectorId) =>
    statusOf(await call201(session, 'UnlockConnector', { evseId: connectorId, connectorId: 1 })),

  dataTransfer: async (session, request) => {
    const answer = await call201(session, 'DataTransfer', {
      vendorId: request.vendorId,
      messageId: request.messageId,
      // 2.0.1 data is any JSON (the generated type narrows it to an object); the port's is a string.
      data: request.data as unknown as DataTransferRequest['data'],
    });
    return { status: answer.status, ...(answer.data === undefined ? {} : { data: { data: answer.data } }) };
  },

  getDiagnostics: async (session, request) => {
    const requestId = newRequestId();
    const answer = await call201(session, 'GetLog', {
      logType: 'DiagnosticsLog',
      requestId,
      retries: request.retries,
      retryInterval: request.retryInterval,
      log: withoutUndefined({
        remoteLocation: request.location,
        oldestTimestamp: iso(request.startTime),
        latestTimestamp: iso(request.stopTime),
      }),
    });
    return {
      status: answer.status,
      data: { requestId, ...(answer.filename === undefined ? {} : { fileName: answer.filename }) },
    };
  },

  updateFirmware: async (session, request) => {
    const requestId = newRequestId();
    const answer = await call201(session, 'UpdateFirmware', signedFirmwareRequest(request, requestId));
    return { status: answer.status, data: { requestId } };
  },

  sendLocalList: async (session, request) => {
    const entries = request.entries.map(encodeLocalListEntry);
    return statusOf(
      await call201(session, 'SendLocalList', {
        versionNumber: request.listVersion,
        updateType: request.updateType,
        localAuthorizationList: entries.length
          ? (entries as OcppV201Calls['SendLocalList']['request']['localAuthorizationList'])
          : undefined,
      }),
    );
  },

  getLocalListVersion: async (session) => {
    const answer = await call201(session, 'GetLocalListVersion', {});
    return { status: 'Accepted', data: { listVersion: answer.versionNumber } };
  },

  reserveNow: async (session, request) =>
    statusOf(
      await call201(session, 'ReserveNow', {
        id: request.reservationId,
        expiryDateTime: request.expiryDate.toISOString(),
        idToken: idTokenOf(request.idTag),
        evseId: evseIdOf(request.connectorId),
        connectorType: request.connectorType as ConnectorEnumType | undefined,
        groupIdToken: request.parentIdTag ? idTokenOf(request.parentIdTag, 'Central') : undefined,
      }),
    ),

  cancelReservation: async (session, reservationId) =>
    statusOf(await call201(session, 'CancelReservation', { reservationId })),

  setChargingProfile: async (session, connectorId, profile) =>
    statusOf(
      await call201(session, 'SetChargingProfile', {
        evseId: connectorId,
        chargingProfile: encodeChargingProfile(profile),
      }),
    ),

  clearChargingProfile: async (session, request) => {
    const criteria = withoutUndefined({
      evseId: request.connectorId,
      chargingProfilePurpose: request.purpose ? PURPOSES[request.purpose] : undefined,
      stackLevel: request.stackLevel,
    });
    return statusOf(
      await call201(session, 'ClearChargingProfile', {
        chargingProfileId: request.id,
        chargingProfileCriteria: Object.keys(criteria).length ? criteria : undefined,
      }),
    );
  },

  getCompositeSchedule: async (session, request) => {
    const { status, schedule } = await call201(session, 'GetCompositeSchedule', {
      evseId: request.connectorId,
      duration: request.duration,
      chargingRateUnit: request.rateUnit,
    });
    return { status, data: schedule ? { schedule } : {} };
  },

  triggerMessage: async (session, request) => {
    const requestedMessage = triggerOf(request.message);
    const evseId = evseIdOf(request.connectorId);
    // A triggered StatusNotification is about one connector: the EVSE's first.
    const evse =
      evseId === undefined
        ? undefined
        : requestedMessage === 'StatusNotification'
          ? { id: evseId, connectorId: 1 }
          : { id: evseId };
    return statusOf(await call201(session, 'TriggerMessage', { requestedMessage, evse }));
  },

  // CostUpdated's answer has no status: sent and answered is Accepted.
  costUpdated: async (session, request) => {
    await call201(session, 'CostUpdated', {
      transactionId: request.ocppTransactionId,
      totalCost: request.totalCost,
    });
    return { status: 'Accepted' };
  },
};
