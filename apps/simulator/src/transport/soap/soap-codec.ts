import { FieldShape, ScalarKind, Shape } from './wsdl-shapes';
import { escapeXml, XmlNode } from './xml-document';

/** A message that does not fit its WSDL shape; `message` names the offending path. */
export class ShapeViolation extends Error {}

export type JsonObject = Record<string, unknown>;

/**
 * Writes a JSON-shaped payload (as OCPP-J 1.6 would carry it) as the element `name` in the WSDL's field
 * order, lists as repeated elements. A field the shape lacks, or a missing required one, is a violation.
 * `xmlns` (on the message element) puts it and, the schema being qualified, its fields in the namespace.
 */
export function encodeElement(
  name: string,
  shape: Shape,
  value: unknown,
  xmlns?: string,
  path = name,
): string {
  const open = xmlns === undefined ? name : `${name} xmlns="${escapeXml(xmlns)}"`;
  if (shape.kind === 'scalar')
    return `<${open}>${escapeXml(encodeScalar(value, shape.scalar, path))}</${name}>`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeViolation(`${path}: expected an object`);
  }
  const fields = value as JsonObject;
  const known = new Set(shape.fields.map((field) => field.name));
  const unknown = Object.keys(fields).find((key) => !known.has(key) && fields[key] !== undefined);
  if (unknown !== undefined) throw new ShapeViolation(`${path}: ${unknown} is not part of the message`);
  let content = '';
  for (const field of shape.fields) {
    const fieldValue = fields[field.name];
    const at = `${path}.${field.name}`;
    if (fieldValue === undefined) {
      if (field.required) throw new ShapeViolation(`${at} is required`);
      continue;
    }
    if (Array.isArray(fieldValue) !== field.repeated) {
      throw new ShapeViolation(`${at}: ${field.repeated ? 'expected a list' : 'a single value, not a list'}`);
    }
    const items: unknown[] = Array.isArray(fieldValue) ? fieldValue : [fieldValue];
    if (field.required && !items.length) throw new ShapeViolation(`${at} needs at least one item`);
    items.forEach((item, index) => {
      content += encodeElement(
        field.name,
        field.shape,
        item,
        undefined,
        field.repeated ? `${at}[${index}]` : at,
      );
    });
  }
  return `<${open}>${content}</${name}>`;
}

function encodeScalar(value: unknown, kind: ScalarKind, path: string): string {
  const fail = (): never => {
    throw new ShapeViolation(
      `${path}: ${JSON.stringify(value)} is not ${kind === 'int' ? 'an' : 'a'} ${kind}`,
    );
  };
  switch (kind) {
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) ? String(value) : fail();
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : fail();
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : fail();
    case 'dateTime':
      if (value instanceof Date) return value.toISOString();
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : fail();
    case 'string':
      return typeof value === 'string' ? value : fail();
  }
}

/**
 * Reads an element the way the JSON edge sees payloads: ints and decimals as numbers, booleans as
 * booleans, dateTimes as ISO strings, repeated elements as lists (even of one).
 */
export function decodeElement(node: XmlNode, shape: Shape, namespace: string, path = node.local): unknown {
  if (shape.kind === 'scalar') {
    if (node.children.length) throw new ShapeViolation(`${path}: expected text, found elements`);
    return decodeScalar(node.text.trim(), shape.scalar, path);
  }
  const byName = new Map<string, FieldShape>(shape.fields.map((field) => [field.name, field]));
  const stray = node.children.find((child) => child.uri !== namespace || !byName.has(child.local));
  if (stray) throw new ShapeViolation(`${path}: unexpected element {${stray.uri}}${stray.local}`);
  const result: JsonObject = {};
  for (const field of shape.fields) {
    const occurrences = node.children.filter((child) => child.local === field.name);
    const at = `${path}.${field.name}`;
    if (field.required && !occurrences.length) throw new ShapeViolation(`${at} is required`);
    if (!field.repeated && occurrences.length > 1) throw new ShapeViolation(`${at} occurs more than once`);
    if (field.repeated) {
      if (occurrences.length)
        result[field.name] = occurrences.map((child, index) =>
          decodeElement(child, field.shape, namespace, `${at}[${index}]`),
        );
    } else if (occurrences.length) {
      result[field.name] = decodeElement(occurrences[0], field.shape, namespace, at);
    }
  }
  return result;
}

function decodeScalar(text: string, kind: ScalarKind, path: string): unknown {
  const fail = (): never => {
    throw new ShapeViolation(`${path}: "${text}" is not ${kind === 'int' ? 'an' : 'a'} ${kind}`);
  };
  switch (kind) {
    case 'int':
      return /^[+-]?\d{1,10}$/.test(text) ? Number(text) : fail();
    case 'decimal':
      return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : fail();
    case 'boolean':
      return ['true', '1'].includes(text) ? true : ['false', '0'].includes(text) ? false : fail();
    case 'dateTime':
      return Number.isNaN(Date.parse(text)) ? fail() : text;
    case 'string':
      return text;
  }
}
