import { BadInputError } from '@csms/common';
import {
  ChargingProfileInput,
  CommandResult,
  ConfigurationReport,
  FirmwareUpdateRequest,
  LocalListEntry,
} from '@csms/stations/ports/station-commands.port';
import { SessionCommands } from '../adapters/version-adapter';
import { StationSession } from '../session/station-session';
import { newRequestId } from '../commands/request-ids';
import { signedFirmwareRequest } from '../commands/signed-firmware';
import { OcppV16Action, OcppV16Calls, SetChargingProfileRequest } from './types/generated';
import { integerTransactionId } from '../commands/integer-transaction-id';

type V16ChargingProfile = SetChargingProfileRequest['csChargingProfiles'];

function call<A extends OcppV16Action>(
  session: StationSession,
  action: A,
  request: OcppV16Calls[A]['request'],
): Promise<OcppV16Calls[A]['response']> {
  return session.call<OcppV16Calls[A]['response']>(action, withoutUndefined(request));
}

/** JSON drops undefined anyway; removing it first keeps validation and the message log exact. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as T;
}

const iso = (date: Date | undefined): string | undefined => date?.toISOString();

function statusOf(answer: { status: string }): CommandResult {
  return { status: answer.status };
}

function encodeChargingProfile(profile: ChargingProfileInput): V16ChargingProfile {
  return withoutUndefined({
    chargingProfileId: profile.chargingProfileId,
    transactionId: integerTransactionId(profile),
    stackLevel: profile.stackLevel,
    chargingProfilePurpose: profile.purpose,
    chargingProfileKind: profile.kind,
    recurrencyKind: profile.recurrencyKind,
    validFrom: iso(profile.validFrom),
    validTo: iso(profile.validTo),
    chargingSchedule: withoutUndefined({
      duration: profile.schedule.duration,
      startSchedule: iso(profile.schedule.startSchedule),
      chargingRateUnit: profile.schedule.rateUnit,
      minChargingRate: profile.schedule.minChargingRate,
      chargingSchedulePeriod: profile.schedule.periods.map((period) => withoutUndefined(period)),
    }),
  });
}

function encodeLocalListEntry(entry: LocalListEntry) {
  if (!entry.status) return { idTag: entry.idTag };
  return {
    idTag: entry.idTag,
    idTagInfo: withoutUndefined({
      status: entry.status,
      expiryDate: iso(entry.expiryDate),
      parentIdTag: entry.parentIdTag,
    }),
  };
}

async function signedUpdateFirmware(
  session: StationSession,
  request: FirmwareUpdateRequest,
): Promise<CommandResult> {
  if (!request.signingCertificate || !request.signature) {
    throw new BadInputError('OCPP 1.6 signed firmware needs both signingCertificate and signature');
  }
  const requestId = newRequestId();
  // Both checked above: the request has its signing certificate and signature.
  const signed = signedFirmwareRequest(request, requestId) as OcppV16Calls['SignedUpdateFirmware']['request'];
  const answer = await call(session, 'SignedUpdateFirmware', signed);
  return { status: answer.status, data: { requestId } };
}

type ExtendedTrigger = OcppV16Calls['ExtendedTriggerMessage']['request']['requestedMessage'];

/**
 * Messages only the 1.6 security extension's ExtendedTriggerMessage asks for (2.0.1 names accepted
 * too); the ones TriggerMessage has keep going through TriggerMessage.
 */
const EXTENDED_TRIGGER_MESSAGES: Record<string, ExtendedTrigger> = {
  SignChargePointCertificate: 'SignChargePointCertificate',
  SignChargingStationCertificate: 'SignChargePointCertificate',
  LogStatusNotification: 'LogStatusNotification',
};

function transactionIdOf(ocppTransactionId: string): number {
  const id = Number(ocppTransactionId);
  if (!Number.isSafeInteger(id)) {
    throw new BadInputError(`OCPP 1.6 transaction ids are integers, got "${ocppTransactionId}"`);
  }
  return id;
}

/**
 * The central system→station half of OCPP 1.6: each port command encoded as its 1.6 CALL, the
 * answer's `status` (or the answer itself when 1.6 defines no status) handed back.
 */
export const v16Commands: SessionCommands = {
  reset: async (session, kind) => statusOf(await call(session, 'Reset', { type: kind })),

  clearCache: async (session) => statusOf(await call(session, 'ClearCache', {})),

  changeAvailability: async (session, connectorId, kind) =>
    statusOf(await call(session, 'ChangeAvailability', { connectorId, type: kind })),

  changeConfiguration: async (session, key, value) =>
    statusOf(await call(session, 'ChangeConfiguration', { key, value })),

  // 1.6 security extension: the station reconnects on the new profile after its next reset.
  setSecurityProfile: async (session, request) =>
    statusOf(
      await call(session, 'ChangeConfiguration', {
        key: 'SecurityProfile',
        value: String(request.securityProfile),
      }),
    ),

  getConfiguration: async (session, keys): Promise<ConfigurationReport> => {
    const answer = await call(session, 'GetConfiguration', keys?.length ? { key: keys } : {});
    return {
      keys: (answer.configurationKey ?? []).map((entry) => withoutUndefined(entry)),
      unknownKeys: answer.unknownKey ?? [],
    };
  },

  remoteStart: async (session, request) =>
    statusOf(
      await call(session, 'RemoteStartTransaction', {
        connectorId: request.connectorId,
        idTag: request.idTag,
        chargingProfile: request.chargingProfile ? encodeChargingProfile(request.chargingProfile) : undefined,
      }),
    ),

  remoteStop: async (session, ocppTransactionId) =>
    statusOf(
      await call(session, 'RemoteStopTransaction', { transactionId: transactionIdOf(ocppTransactionId) }),
    ),

  unlockConnector: async (session, connectorId) =>
    statusOf(await call(session, 'UnlockConnector', { connectorId })),

  dataTransfer: async (session, request) => {
    const answer = await call(session, 'DataTransfer', {
      vendorId: request.vendorId,
      messageId: request.messageId,
      data: request.data,
    });
    return { status: answer.status, ...(answer.data === undefined ? {} : { data: { data: answer.data } }) };
  },

  // 1.6 answers GetDiagnostics with the file name it will upload, if any, and no status word.
  getDiagnostics: async (session, request) => {
    const answer = await call(session, 'GetDiagnostics', {
      location: request.location,
      startTime: iso(request.startTime),
      stopTime: iso(request.stopTime),
      retries: request.retries,
      retryInterval: request.retryInterval,
    });
    return { status: 'Accepted', data: answer.fileName === undefined ? {} : { fileName: answer.fileName } };
  },

  // 1.6 answers UpdateFirmware with an empty payload: receiving it is the acceptance. Signed
  // firmware is the security extension's SignedUpdateFirmware, which has a status.
  updateFirmware: async (session, request) => {
    if (request.signingCertificate || request.signature || request.installDate) {
      return signedUpdateFirmware(session, request);
    }
    await call(session, 'UpdateFirmware', {
      location: request.location,
      retrieveDate: request.retrieveDate.toISOString(),
      retries: request.retries,
      retryInterval: request.retryInterval,
    });
    return { status: 'Accepted' };
  },

  sendLocalList: async (session, request) =>
    statusOf(
      await call(session, 'SendLocalList', {
        listVersion: request.listVersion,
        updateType: request.updateType,
        localAuthorizationList: request.entries.map(encodeLocalListEntry),
      }),
    ),

  getLocalListVersion: async (session) => {
    const answer = await call(session, 'GetLocalListVersion', {});
    return { status: 'Accepted', data: { listVersion: answer.listVersion } };
  },

  reserveNow: async (session, request) => {
    if (request.connectorType) throw new BadInputError('Reserving a connector type needs OCPP 2.0.1');
    return statusOf(
      await call(session, 'ReserveNow', {
        connectorId: request.connectorId,
        expiryDate: request.expiryDate.toISOString(),
        idTag: request.idTag,
        parentIdTag: request.parentIdTag,
        reservationId: request.reservationId,
      }),
    );
  },

  cancelReservation: async (session, reservationId) =>
    statusOf(await call(session, 'CancelReservation', { reservationId })),

  setChargingProfile: async (session, connectorId, profile) =>
    statusOf(
      await call(session, 'SetChargingProfile', {
        connectorId,
        csChargingProfiles: encodeChargingProfile(profile),
      }),
    ),

  clearChargingProfile: async (session, request) =>
    statusOf(
      await call(session, 'ClearChargingProfile', {
        id: request.id,
        connectorId: request.connectorId,
        chargingProfilePurpose: request.purpose,
        stackLevel: request.stackLevel,
      }),
    ),

  getCompositeSchedule: async (session, request) => {
    const { status, ...schedule } = await call(session, 'GetCompositeSchedule', {
      connectorId: request.connectorId,
      duration: request.duration,
      chargingRateUnit: request.rateUnit,
    });
    return { status, data: schedule };
  },

  triggerMessage: async (session, request) => {
    const extended = EXTENDED_TRIGGER_MESSAGES[request.message];
    if (extended) {
      return statusOf(
        await call(session, 'ExtendedTriggerMessage', {
          requestedMessage: extended,
          connectorId: request.connectorId,
        }),
      );
    }
    return statusOf(
      await call(session, 'TriggerMessage', {
        requestedMessage: request.message as OcppV16Calls['TriggerMessage']['request']['requestedMessage'],
        connectorId: request.connectorId,
      }),
    );
  },

  costUpdated: () =>
    Promise.reject(
      new BadInputError(
        'OCPP 1.6 has no CostUpdated: running costs go through California Pricing DataTransfers',
      ),
    ),
};
