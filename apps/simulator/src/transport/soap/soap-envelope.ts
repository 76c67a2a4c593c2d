import { randomUUID } from 'node:crypto';
import { childNamed, escapeXml, parseXml, xmlElement, XmlNode } from './xml-document';

export const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
export const WSA = 'http://www.w3.org/2005/08/addressing';
export const WSA_ANONYMOUS = `${WSA}/anonymous`;
export const SOAP12_CONTENT_TYPE = 'application/soap+xml; charset=utf-8';

/** WS-Addressing headers: what the message is, its id, and where it comes from and goes. */
export interface Addressing {
  action?: string;
  messageId?: string;
  relatesTo?: string;
  to?: string;
  from?: string;
  replyTo?: string;
}

export interface ParsedEnvelope {
  headers: XmlNode[];
  addressing: Addressing;
  /** The one element in the Body: a request, a response or a Fault. */
  body: XmlNode;
}

/** `BootNotification` ↔ `bootNotificationRequest` / `bootNotificationResponse`, as the OCPP WSDLs name them. */
export const requestElementOf = (operation: string): string =>
  `${operation[0].toLowerCase()}${operation.slice(1)}Request`;
export const responseElementOf = (operation: string): string =>
  `${operation[0].toLowerCase()}${operation.slice(1)}Response`;

export function operationOfRequest(element: string): string | undefined {
  const match = /^([a-z][A-Za-z]*)Request$/.exec(element);
  return match ? `${match[1][0].toUpperCase()}${match[1].slice(1)}` : undefined;
}

export const newMessageId = (): string => `urn:uuid:${randomUUID()}`;

/**
 * A SOAP 1.2 envelope with the OCPP-S headers: chargeBoxIdentity (in the service's namespace; requests
 * only) and WS-Addressing.
 */
export function buildEnvelope(
  options: { namespace: string; chargeBoxIdentity?: string; addressing: Addressing },
  body: string,
): string {
  const { addressing } = options;
  const simple = (name: string, value: string | undefined): string =>
    value === undefined ? '' : xmlElement(`wsa:${name}`, escapeXml(value));
  const address = (name: string, value: string | undefined): string =>
    value === undefined ? '' : xmlElement(`wsa:${name}`, xmlElement('wsa:Address', escapeXml(value)));
  const identity = options.chargeBoxIdentity;
  const headers =
    (identity === undefined
      ? ''
      : xmlElement('chargeBoxIdentity', escapeXml(identity), { xmlns: options.namespace })) +
    simple('Action', addressing.action) +
    simple('MessageID', addressing.messageId) +
    simple('RelatesTo', addressing.relatesTo) +
    simple('To', addressing.to) +
    address('From', addressing.from) +
    address('ReplyTo', addressing.replyTo);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<soap:Envelope xmlns:soap="${SOAP12}" xmlns:wsa="${WSA}">` +
    `<soap:Header>${headers}</soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`
  );
}

/**
 * A SOAP 1.2 Fault body: `Sender` when the message was wrong, `Receiver` when we failed; the subcode is an
 * OCPP word (NotImplemented, FormationViolation…) in the service's namespace.
 */
export function faultBody(
  fault: { code: 'Sender' | 'Receiver'; subcode: string; reason: string },
  namespace: string,
): string {
  const { code, subcode, reason } = fault;
  return (
    `<soap:Fault><soap:Code><soap:Value>soap:${code}</soap:Value>` +
    `<soap:Subcode><soap:Value xmlns:ocpp="${escapeXml(namespace)}">ocpp:${escapeXml(subcode)}</soap:Value>` +
    `</soap:Subcode></soap:Code>` +
    `<soap:Reason><soap:Text xml:lang="en">${escapeXml(reason)}</soap:Text></soap:Reason></soap:Fault>`
  );
}

export function parseEnvelope(xml: string): ParsedEnvelope {
  const envelope = parseXml(xml);
  if (envelope.uri !== SOAP12 || envelope.local !== 'Envelope') throw new Error('not a SOAP 1.2 envelope');
  const headers = childNamed(envelope, SOAP12, 'Header')?.children ?? [];
  const body = childNamed(envelope, SOAP12, 'Body');
  if (!body || body.children.length !== 1) throw new Error('the SOAP Body must hold exactly one element');
  const text = (local: string): string | undefined => headerOf(headers, WSA, local)?.text.trim();
  const address = (local: string): string | undefined => {
    const header = headerOf(headers, WSA, local);
    return header && childNamed(header, WSA, 'Address')?.text.trim();
  };
  return {
    headers,
    body: body.children[0],
    addressing: {
      action: text('Action'),
      messageId: text('MessageID'),
      relatesTo: text('RelatesTo'),
      to: text('To'),
      from: address('From'),
      replyTo: address('ReplyTo'),
    },
  };
}

export function headerOf(headers: XmlNode[], uri: string, local: string): XmlNode | undefined {
  return headers.find((header) => header.uri === uri && header.local === local);
}

/** The Reason (and OCPP subcode) of a Fault body, or undefined when the body is no Fault. */
export function faultReason(body: XmlNode): string | undefined {
  if (body.uri !== SOAP12 || body.local !== 'Fault') return undefined;
  const reason = childNamed(body, SOAP12, 'Reason');
  const text = reason && childNamed(reason, SOAP12, 'Text')?.text.trim();
  const code = childNamed(body, SOAP12, 'Code');
  const subcode = code && childNamed(code, SOAP12, 'Subcode');
  const subcodeValue = subcode && childNamed(subcode, SOAP12, 'Value')?.text.trim();
  const word = subcodeValue?.slice(subcodeValue.indexOf(':') + 1);
  return `${word ? `${word}: ` : ''}${text ?? 'SOAP Fault'}`;
}
