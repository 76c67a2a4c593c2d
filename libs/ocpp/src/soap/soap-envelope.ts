import { randomUUID } from 'node:crypto';
import { SoapFault } from './soap-fault';
import { escapeXml, parseXml, XmlElement, XmlSyntaxError } from './xml/xml-element';

export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';
export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const WSA_NS = 'http://www.w3.org/2005/08/addressing';
export const WSA_ANONYMOUS = `${WSA_NS}/anonymous`;
const WSA_FAULT_ACTION = `${WSA_NS}/soap/fault`;
export const SOAP12_CONTENT_TYPE = 'application/soap+xml; charset=utf-8';
export const SOAP11_CONTENT_TYPE = 'text/xml; charset=utf-8';

/**
 * OCPP-S is SOAP 1.2, but stations' SOAP stacks vary: a SOAP 1.1 envelope is read too and
 * answered in kind (the caller logs a warning).
 */
export type SoapVersion = '1.1' | '1.2';

const ENVELOPE_NAMESPACES: Record<SoapVersion, string> = { '1.1': SOAP11_NS, '1.2': SOAP12_NS };

export function soapContentType(version: SoapVersion): string {
  return version === '1.1' ? SOAP11_CONTENT_TYPE : SOAP12_CONTENT_TYPE;
}

/** The WS-Addressing headers of a message (From/ReplyTo as their Address). */
export interface Addressing {
  action?: string;
  messageId?: string;
  from?: string;
  replyTo?: string;
  to?: string;
  relatesTo?: string;
}

export interface SoapRequest {
  soapVersion: SoapVersion;
  headers: XmlElement[];
  addressing: Addressing;
  /** The one element inside soap:Body. */
  body: XmlElement;
}

/** Reads a SOAP 1.2 (or 1.1) envelope; anything else is a Sender fault. */
export function parseEnvelope(xml: string): SoapRequest {
  let envelope: XmlElement;
  try {
    envelope = parseXml(xml);
  } catch (error) {
    const reason = error instanceof XmlSyntaxError ? error.message : 'unreadable';
    throw new SoapFault('Sender', 'FormationViolation', `Malformed XML: ${reason}`);
  }
  const soapVersion = (Object.keys(ENVELOPE_NAMESPACES) as SoapVersion[]).find(
    (version) => ENVELOPE_NAMESPACES[version] === envelope.uri,
  );
  if (envelope.local !== 'Envelope' || !soapVersion) {
    throw new SoapFault('Sender', 'FormationViolation', 'The document is not a SOAP envelope');
  }
  const header = envelope.children.find((child) => child.uri === envelope.uri && child.local === 'Header');
  const bodies = envelope.children.filter((child) => child.uri === envelope.uri && child.local === 'Body');
  if (bodies.length !== 1)
    throw new SoapFault('Sender', 'FormationViolation', 'The envelope needs exactly one Body');
  if (bodies[0].children.length !== 1) {
    throw new SoapFault('Sender', 'FormationViolation', 'The Body must hold exactly one request element');
  }
  const headers = header?.children ?? [];
  return { soapVersion, headers, addressing: readAddressing(headers), body: bodies[0].children[0] };
}

/** Whether a parsed body is a SOAP Fault of its envelope's version. */
export function isFault(message: SoapRequest): boolean {
  return message.body.uri === ENVELOPE_NAMESPACES[message.soapVersion] && message.body.local === 'Fault';
}

/** A Fault's reason: soap:Reason/soap:Text in 1.2, faultstring in 1.1. */
export function faultReason(message: SoapRequest): string | undefined {
  const { body } = message;
  if (message.soapVersion === '1.1') {
    return body.children.find((child) => child.local === 'faultstring')?.text.trim();
  }
  const reason = body.children.find((child) => child.uri === SOAP12_NS && child.local === 'Reason');
  return reason?.children.find((child) => child.uri === SOAP12_NS && child.local === 'Text')?.text.trim();
}

function readAddressing(headers: XmlElement[]): Addressing {
  const text = (local: string) => headers.find((h) => h.uri === WSA_NS && h.local === local)?.text.trim();
  const address = (local: string) =>
    headers
      .find((h) => h.uri === WSA_NS && h.local === local)
      ?.children.find((child) => child.uri === WSA_NS && child.local === 'Address')
      ?.text.trim();
  return {
    action: text('Action'),
    messageId: text('MessageID'),
    to: text('To'),
    relatesTo: text('RelatesTo'),
    from: address('From'),
    replyTo: address('ReplyTo'),
  };
}

/** The text of a header element in `namespace`, if present. */
export function headerText(request: SoapRequest, namespace: string, local: string): string | undefined {
  return request.headers.find((h) => h.uri === namespace && h.local === local)?.text.trim();
}

/** WS-Addressing headers as XML; `wsa` must be bound by the envelope. */
export function addressingHeaders(addressing: Addressing): string {
  const parts: string[] = [];
  const simple = (local: string, value: string | undefined) => {
    if (value !== undefined) parts.push(`<wsa:${local}>${escapeXml(value)}</wsa:${local}>`);
  };
  simple('Action', addressing.action);
  simple('MessageID', addressing.messageId);
  simple('RelatesTo', addressing.relatesTo);
  simple('To', addressing.to);
  if (addressing.from)
    parts.push(`<wsa:From><wsa:Address>${escapeXml(addressing.from)}</wsa:Address></wsa:From>`);
  if (addressing.replyTo) {
    parts.push(`<wsa:ReplyTo><wsa:Address>${escapeXml(addressing.replyTo)}</wsa:Address></wsa:ReplyTo>`);
  }
  return parts.join('');
}

export function newMessageId(): string {
  return `urn:uuid:${randomUUID()}`;
}

export function envelope(headersXml: string, bodyXml: string, version: SoapVersion = '1.2'): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<soap:Envelope xmlns:soap="${ENVELOPE_NAMESPACES[version]}" xmlns:wsa="${WSA_NS}">` +
    `<soap:Header>${headersXml}</soap:Header><soap:Body>${bodyXml}</soap:Body></soap:Envelope>`
  );
}

/** The answer's addressing: RelatesTo the request, sent to its ReplyTo (anonymous: this HTTP response). */
export function replyAddressing(request: Addressing | undefined, action: string): Addressing {
  return {
    action,
    messageId: newMessageId(),
    relatesTo: request?.messageId,
    to: request?.replyTo ?? WSA_ANONYMOUS,
  };
}

/** SOAP 1.1 has no subcodes: its fault codes, and the OCPP word goes into the detail. */
const SOAP11_FAULT_CODES: Record<SoapFault['code'], string> = {
  Sender: 'Client',
  Receiver: 'Server',
  VersionMismatch: 'VersionMismatch',
};

export function faultEnvelope(
  fault: SoapFault,
  request: Addressing | undefined,
  namespace: string,
  version: SoapVersion = '1.2',
): string {
  const ocpp = `xmlns:ocpp="${escapeXml(namespace)}"`;
  const body =
    version === '1.1'
      ? `<soap:Fault><faultcode>soap:${SOAP11_FAULT_CODES[fault.code]}</faultcode>` +
        `<faultstring>${escapeXml(fault.message)}</faultstring>` +
        `<detail><ocpp:errorCode ${ocpp}>${fault.subcode}</ocpp:errorCode></detail></soap:Fault>`
      : `<soap:Fault><soap:Code><soap:Value>soap:${fault.code}</soap:Value>` +
        `<soap:Subcode><soap:Value ${ocpp}>ocpp:${fault.subcode}</soap:Value></soap:Subcode></soap:Code>` +
        `<soap:Reason><soap:Text xml:lang="en">${escapeXml(fault.message)}</soap:Text></soap:Reason></soap:Fault>`;
  return envelope(addressingHeaders(replyAddressing(request, WSA_FAULT_ACTION)), body, version);
}
