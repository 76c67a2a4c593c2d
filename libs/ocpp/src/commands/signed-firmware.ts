import { FirmwareUpdateRequest } from '@csms/stations/ports/station-commands.port';

/**
 * The request of 2.0.1 UpdateFirmware and of the 1.6 security extension's SignedUpdateFirmware
 * (the same shape): the firmware with its signing certificate and signature, if any.
 */
export function signedFirmwareRequest(request: FirmwareUpdateRequest, requestId: number) {
  const firmware = {
    location: request.location,
    retrieveDateTime: request.retrieveDate.toISOString(),
    installDateTime: request.installDate?.toISOString(),
    signingCertificate: request.signingCertificate,
    signature: request.signature,
  };
  return {
    requestId,
    ...(request.retries === undefined ? {} : { retries: request.retries }),
    ...(request.retryInterval === undefined ? {} : { retryInterval: request.retryInterval }),
    firmware: Object.fromEntries(
      Object.entries(firmware).filter(([, value]) => value !== undefined),
    ) as Partial<typeof firmware> & { location: string; retrieveDateTime: string },
  };
}
