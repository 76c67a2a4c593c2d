import { escapeXml, XmlElement } from '../xml/xml-element';
import { XsdComplexType, XsdSimpleType, XsdType } from './xsd-schema';

/** A body that does not match the WSDL's schema; `message` names the offending path. */
export class SchemaViolation extends Error {}

export type DecodedValue = string | number | boolean | DecodedObject | DecodedValue[];
export interface DecodedObject {
  [key: string]: DecodedValue;
}

const INT = /^[+-]?\d{1,10}$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DATE_TIME = /^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/;

/**
 * Reads an element as its schema type says, the way the JSON edge sees payloads: xs:int and
 * xs:decimal as numbers, xs:dateTime as an ISO-8601 UTC string, simpleContent as `{ value, …attributes }`,
 * repeatable elements as arrays. Anything the schema does not allow is a SchemaViolation.
 */
export function decodeElement(
  element: XmlElement,
  type: XsdType,
  namespace: string,
  path: string,
): DecodedValue {
  if (type.kind === 'simple') {
    if (element.children.length) throw new SchemaViolation(`${path}: expected text, found child elements`);
    return decodeSimple(element.text, type, path);
  }
  return decodeComplex(element, type, namespace, path);
}

function decodeComplex(
  element: XmlElement,
  type: XsdComplexType,
  namespace: string,
  path: string,
): DecodedObject {
  const result: DecodedObject = {};
  for (const attribute of type.attributes) {
    const raw = element.attributes[attribute.name];
    if (raw === undefined) {
      if (attribute.required) throw new SchemaViolation(`${path}: attribute ${attribute.name} is required`);
      continue;
    }
    result[attribute.name] = decodeSimple(raw, attribute.type, `${path}@${attribute.name}`);
  }
  if (type.text) {
    if (element.children.length) throw new SchemaViolation(`${path}: expected text, found child elements`);
    result.value = decodeSimple(element.text, type.text, path);
    return result;
  }
  const known = new Map(type.sequence.map((particle) => [particle.name, particle]));
  for (const child of element.children) {
    if (child.uri !== namespace || !known.has(child.local)) {
      throw new SchemaViolation(`${path}: unexpected element {${child.uri}}${child.local}`);
    }
  }
  for (const particle of type.sequence) {
    const occurrences = element.children.filter((child) => child.local === particle.name);
    const at = path ? `${path}.${particle.name}` : particle.name;
    if (occurrences.length < particle.minOccurs) throw new SchemaViolation(`${at} is required`);
    if (occurrences.length > particle.maxOccurs) throw new SchemaViolation(`${at} occurs too often`);
    if (particle.maxOccurs > 1) {
      result[particle.name] = occurrences.map((child, index) =>
        decodeElement(child, particle.type, namespace, `${at}[${index}]`),
      );
    } else if (occurrences.length) {
      result[particle.name] = decodeElement(occurrences[0], particle.type, namespace, at);
    }
  }
  return result;
}

function decodeSimple(raw: string, type: XsdSimpleType, path: string): string | number | boolean {
  const text = type.base === 'string' && !type.enumeration ? raw : raw.trim();
  if (type.enumeration && !type.enumeration.includes(text)) {
    throw new SchemaViolation(`${path}: "${text}" is not one of ${type.enumeration.join(', ')}`);
  }
  if (type.maxLength !== undefined && text.length > type.maxLength) {
    throw new SchemaViolation(`${path}: longer than ${type.maxLength} characters`);
  }
  switch (type.base) {
    case 'int': {
      const value = Number(text);
      if (!INT.test(text) || value < -2147483648 || value > 2147483647) {
        throw new SchemaViolation(`${path}: "${text}" is not an xs:int`);
      }
      return value;
    }
    case 'decimal':
      if (!DECIMAL.test(text)) throw new SchemaViolation(`${path}: "${text}" is not an xs:decimal`);
      return Number(text);
    case 'boolean':
      if (!['true', 'false', '1', '0'].includes(text))
        throw new SchemaViolation(`${path}: "${text}" is not an xs:boolean`);
      return text === 'true' || text === '1';
    case 'dateTime': {
      // A dateTime without offset is read as UTC, as OCPP requires.
      const date = DATE_TIME.test(text)
        ? new Date(/(Z|[+-]\d\d:\d\d)$/.test(text) ? text : `${text}Z`)
        : undefined;
      if (!date || Number.isNaN(date.getTime()))
        throw new SchemaViolation(`${path}: "${text}" is not an xs:dateTime`);
      return date.toISOString();
    }
    default:
      return text;
  }
}

export type EncodableValue =
  | string
  | number
  | boolean
  | Date
  | undefined
  | readonly EncodableValue[]
  | { readonly [key: string]: EncodableValue };

/** Writes a value as the schema type orders it; `xmlns` (on the outermost element) sets the default namespace. */
export function encodeElement(name: string, type: XsdType, value: EncodableValue, xmlns?: string): string {
  const open = xmlns === undefined ? name : `${name} xmlns="${escapeXml(xmlns)}"`;
  if (type.kind === 'simple' || value === null || typeof value !== 'object' || value instanceof Date) {
    return `<${open}>${escapeXml(encodeSimple(value))}</${open.split(' ')[0]}>`;
  }
  const fields = value as { readonly [key: string]: EncodableValue };
  let attributes = '';
  for (const attribute of type.attributes) {
    const attributeValue = fields[attribute.name];
    if (attributeValue !== undefined)
      attributes += ` ${attribute.name}="${escapeXml(encodeSimple(attributeValue))}"`;
  }
  let content = '';
  if (type.text) content = escapeXml(encodeSimple(fields.value));
  for (const particle of type.sequence) {
    const fieldValue = fields[particle.name];
    if (fieldValue === undefined) continue;
    const items = Array.isArray(fieldValue) ? (fieldValue as readonly EncodableValue[]) : [fieldValue];
    for (const item of items) content += encodeElement(particle.name, particle.type, item);
  }
  return `<${open}${attributes}>${content}</${name}>`;
}

function encodeSimple(value: EncodableValue): string {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined || typeof value === 'object') return '';
  return String(value);
}
