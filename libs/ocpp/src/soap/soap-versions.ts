import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type SoapOcppVersion = '1.5' | '1.6';

export interface SoapVersionSpec {
  version: SoapOcppVersion;
  /** Target namespace of the CentralSystemService (station → us). */
  centralSystemNamespace: string;
  /** Target namespace of the ChargePointService (us → station). */
  chargePointNamespace: string;
  centralSystemWsdl: string;
  chargePointWsdl: string;
}

/**
 * The WSDLs sit beside this file in the sources; a build that does not copy them finds them in
 * the source tree of the working directory instead.
 */
function wsdlDirectory(): string {
  const candidates = [join(__dirname, 'wsdl'), resolve(process.cwd(), 'libs/ocpp/src/soap/wsdl')];
  return candidates.find((dir) => existsSync(join(dir, 'ocpp-central-system-1.6.wsdl'))) ?? candidates[0];
}

const WSDL_DIR = wsdlDirectory();

export const SOAP_VERSIONS: Record<SoapOcppVersion, SoapVersionSpec> = {
  '1.5': {
    version: '1.5',
    centralSystemNamespace: 'urn://Ocpp/Cs/2012/06/',
    chargePointNamespace: 'urn://Ocpp/Cp/2012/06/',
    centralSystemWsdl: join(WSDL_DIR, 'ocpp-central-system-1.5.wsdl'),
    chargePointWsdl: join(WSDL_DIR, 'ocpp-charge-point-1.5.wsdl'),
  },
  '1.6': {
    version: '1.6',
    centralSystemNamespace: 'urn://Ocpp/Cs/2015/10/',
    chargePointNamespace: 'urn://Ocpp/Cp/2015/10/',
    centralSystemWsdl: join(WSDL_DIR, 'ocpp-central-system-1.6.wsdl'),
    chargePointWsdl: join(WSDL_DIR, 'ocpp-charge-point-1.6.wsdl'),
  },
};

export function isSoapVersion(value: string): value is SoapOcppVersion {
  return value === '1.5' || value === '1.6';
}

/** `BootNotification` ↔ `bootNotificationRequest` / `bootNotificationResponse`, as the OCPP WSDLs name them. */
export function requestElementOf(operation: string): string {
  return `${operation[0].toLowerCase()}${operation.slice(1)}Request`;
}

export function responseElementOf(operation: string): string {
  return `${operation[0].toLowerCase()}${operation.slice(1)}Response`;
}
