import { randomUUID } from 'node:crypto';
import { WSA } from './soap-test-station';

export const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
export const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';

/** A hand-written envelope, to send what no generated client would. */
export function rawEnvelope(options: {
  body: string;
  chargeBoxIdentity?: string;
  namespace: string;
  action?: string;
  soapNamespace?: string;
  from?: string;
}): string {
  const soapNs = options.soapNamespace ?? SOAP12;
  const identity =
    options.chargeBoxIdentity === undefined
      ? ''
      : `<cs:chargeBoxIdentity xmlns:cs="${options.namespace}">${options.chargeBoxIdentity}</cs:chargeBoxIdentity>`;
  const action = options.action === undefined ? '' : `<wsa:Action>${options.action}</wsa:Action>`;
  const from =
    options.from === undefined ? '' : `<wsa:From><wsa:Address>${options.from}</wsa:Address></wsa:From>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="${soapNs}" xmlns:wsa="${WSA}"><s:Header>` +
    `${identity}${action}${from}<wsa:MessageID>urn:uuid:${randomUUID()}</wsa:MessageID></s:Header>` +
    `<s:Body>${options.body}</s:Body></s:Envelope>`
  );
}

export interface FaultAnswer {
  status: number;
  code?: string;
  subcode?: string;
  reason?: string;
  body: string;
}

/** POSTs an envelope and reads the SOAP 1.2 Fault it must come back as. */
export async function postForFault(url: string, xml: string): Promise<FaultAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
    body: xml,
  });
  const body = await response.text();
  const pick = (pattern: RegExp) => unescapeXml(pattern.exec(body)?.[1]);
  return {
    status: response.status,
    code: pick(/<soap:Code><soap:Value>([^<]*)<\/soap:Value>/),
    subcode: pick(/<soap:Subcode><soap:Value[^>]*>([^<]*)<\/soap:Value>/),
    reason: pick(/<soap:Text[^>]*>([^<]*)<\/soap:Text>/),
    body,
  };
}

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&amp;': '&',
};

function unescapeXml(text: string | undefined): string | undefined {
  return text?.replace(/&(lt|gt|quot|apos|amp);/g, (entity) => ENTITIES[entity]);
}
