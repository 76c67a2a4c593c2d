import * as fs from 'fs';
import * as path from 'path';
import { DOMParser } from '@xmldom/xmldom';
import * as soap from 'soap';

/*
 * Our WSDLs are authored for this project, but a charge point generated from the OCA WSDLs must
 * interoperate with them at the XML level. These tests parse both documents into a prefix-independent
 * "contract" (QNames resolved to {namespace}local, annotations ignored, XSD defaults applied) and
 * compare the contracts piece by piece.
 */

const OUR_DIR = __dirname;
// Verbatim copies of the OCA's WSDLs, kept as test fixtures with their licence notice.
const OCA_DIR = path.resolve(__dirname, '../../../../../test/fixtures/oca-wsdl');

const NS = {
  wsdl: 'http://schemas.xmlsoap.org/wsdl/',
  xs: 'http://www.w3.org/2001/XMLSchema',
  soap12: 'http://schemas.xmlsoap.org/wsdl/soap12/',
  wsaw: 'http://www.w3.org/2006/05/addressing/wsdl',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
} as const;

/** Attributes whose value is a QName and must be resolved against in-scope namespaces. */
const QNAME_ATTRIBUTES = new Set(['type', 'base', 'element', 'message', 'binding', 'ref']);

interface Pair {
  label: string;
  ours: string;
  oca: string;
  operations: string[];
}

const CENTRAL_SYSTEM_OPERATIONS = [
  'Authorize',
  'BootNotification',
  'DataTransfer',
  'DiagnosticsStatusNotification',
  'FirmwareStatusNotification',
  'Heartbeat',
  'MeterValues',
  'StartTransaction',
  'StatusNotification',
  'StopTransaction',
];

const CHARGE_POINT_15_OPERATIONS = [
  'CancelReservation',
  'ChangeAvailability',
  'ChangeConfiguration',
  'ClearCache',
  'DataTransfer',
  'GetConfiguration',
  'GetDiagnostics',
  'GetLocalListVersion',
  'RemoteStartTransaction',
  'RemoteStopTransaction',
  'ReserveNow',
  'Reset',
  'SendLocalList',
  'UnlockConnector',
  'UpdateFirmware',
];

const CHARGE_POINT_16_OPERATIONS = [
  ...CHARGE_POINT_15_OPERATIONS,
  'ClearChargingProfile',
  'GetCompositeSchedule',
  'SetChargingProfile',
  'TriggerMessage',
];

const PAIRS: Pair[] = [
  {
    label: 'CentralSystemService 1.5',
    ours: 'ocpp-central-system-1.5.wsdl',
    oca: 'OCPPCentralSystemService15.wsdl',
    operations: CENTRAL_SYSTEM_OPERATIONS,
  },
  {
    label: 'CentralSystemService 1.6',
    ours: 'ocpp-central-system-1.6.wsdl',
    oca: 'OCPPCentralSystemService16.wsdl',
    operations: CENTRAL_SYSTEM_OPERATIONS,
  },
  {
    label: 'ChargePointService 1.5',
    ours: 'ocpp-charge-point-1.5.wsdl',
    oca: 'OCPPChargePointService15.wsdl',
    operations: CHARGE_POINT_15_OPERATIONS,
  },
  {
    label: 'ChargePointService 1.6',
    ours: 'ocpp-charge-point-1.6.wsdl',
    oca: 'OCPPChargePointService16.wsdl',
    operations: CHARGE_POINT_16_OPERATIONS,
  },
];

// ---------------------------------------------------------------------------------------------
// DOM helpers
// ---------------------------------------------------------------------------------------------

function parseXml(file: string): Element {
  const errors: string[] = [];
  const parser = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: (msg: string) => errors.push(msg),
      fatalError: (msg: string) => errors.push(msg),
    },
  });
  const doc = parser.parseFromString(fs.readFileSync(file, 'utf8'), 'text/xml');
  if (errors.length > 0) {
    throw new Error(`${file}: ${errors.join('; ')}`);
  }
  return doc.documentElement;
}

function childElements(node: Element, ns?: string, local?: string): Element[] {
  const result: Element[] = [];
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes.item(i);
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    if (ns !== undefined && el.namespaceURI !== ns) continue;
    if (local !== undefined && el.localName !== local) continue;
    result.push(el);
  }
  return result;
}

function firstChild(node: Element, ns: string, local: string): Element {
  const found = childElements(node, ns, local)[0];
  if (!found) {
    throw new Error(`<${node.nodeName}> has no child {${ns}}${local}`);
  }
  return found;
}

function requiredAttr(node: Element, name: string): string {
  const value = node.getAttribute(name);
  if (value === null || value === '') {
    throw new Error(`<${node.nodeName}> has no attribute ${name}`);
  }
  return value;
}

/** Resolves a QName attribute value to `{namespace}local` using the node's in-scope declarations. */
function resolveQName(node: Element, value: string): string {
  const colon = value.indexOf(':');
  const prefix = colon < 0 ? null : value.slice(0, colon);
  const local = colon < 0 ? value : value.slice(colon + 1);
  const uri = node.lookupNamespaceURI(prefix);
  if (uri === null) {
    throw new Error(`unbound prefix in QName "${value}"`);
  }
  return `{${uri}}${local}`;
}

function byName(nodes: Element[]): Map<string, Element> {
  return new Map(nodes.map((n) => [requiredAttr(n, 'name'), n]));
}

function sortedKeys(map: Map<string, unknown>): string[] {
  return [...map.keys()].sort();
}

// ---------------------------------------------------------------------------------------------
// Contract extraction
// ---------------------------------------------------------------------------------------------

/** A schema subtree reduced to what matters on the wire. */
interface SchemaNode {
  kind: string;
  attributes: Record<string, string>;
  children: SchemaNode[];
}

interface Particle {
  name: string;
  type: string;
  minOccurs: string;
  maxOccurs: string;
}

interface SimpleTypeContract {
  base: string;
  enumerations: string[];
  facets: Record<string, string>;
}

interface OperationContract {
  inputElement: string;
  outputElement: string;
  inputAction: string;
  outputAction: string;
  soapAction: string;
  style: string;
  inputHeaders: string[];
  outputHeaders: string[];
  bodyUse: string;
}

interface Contract {
  targetNamespace: string;
  elementFormDefault: string;
  portTypeName: string;
  bindingName: string;
  soapTransport: string;
  usesAddressing: boolean;
  portTypeOperations: string[];
  bindingOperations: string[];
  operations: Map<string, OperationContract>;
  elements: Map<string, string>;
  complexTypes: Map<string, SchemaNode>;
  simpleTypes: Map<string, SimpleTypeContract>;
}

function toSchemaNode(node: Element, inSequence: boolean): SchemaNode {
  const attributes: Record<string, string> = {};
  for (let i = 0; i < node.attributes.length; i++) {
    const attr = node.attributes.item(i);
    if (!attr || attr.name.startsWith('xmlns')) continue;
    attributes[attr.name] = QNAME_ATTRIBUTES.has(attr.name) ? resolveQName(node, attr.value) : attr.value;
  }
  if (inSequence && node.localName === 'element') {
    attributes.minOccurs = attributes.minOccurs ?? '1';
    attributes.maxOccurs = attributes.maxOccurs ?? '1';
  }
  const children = childElements(node, NS.xs)
    .filter((c) => c.localName !== 'annotation')
    .map((c) => toSchemaNode(c, node.localName === 'sequence'));
  return { kind: node.localName ?? '', attributes, children };
}

/** Child elements of a complex type's sequence(s), in document order. */
function particlesOf(type: SchemaNode): Particle[] {
  const result: Particle[] = [];
  const walk = (node: SchemaNode): void => {
    if (node.kind === 'element') {
      result.push({
        name: node.attributes.name ?? '',
        type: node.attributes.type ?? '(inline)',
        minOccurs: node.attributes.minOccurs ?? '1',
        maxOccurs: node.attributes.maxOccurs ?? '1',
      });
      return;
    }
    node.children.forEach(walk);
  };
  type.children.forEach(walk);
  return result;
}

function toSimpleType(node: Element): SimpleTypeContract {
  const restriction = firstChild(node, NS.xs, 'restriction');
  const enumerations: string[] = [];
  const facets: Record<string, string> = {};
  for (const facet of childElements(restriction, NS.xs)) {
    const kind = facet.localName ?? '';
    if (kind === 'annotation') continue;
    if (kind === 'enumeration') {
      enumerations.push(requiredAttr(facet, 'value'));
    } else {
      facets[kind] = requiredAttr(facet, 'value');
    }
  }
  return { base: resolveQName(restriction, requiredAttr(restriction, 'base')), enumerations, facets };
}

function messageElement(definitions: Element, messageQName: string): string {
  const messages = byName(childElements(definitions, NS.wsdl, 'message'));
  const local = messageQName.slice(messageQName.indexOf('}') + 1);
  const message = messages.get(local);
  if (!message) {
    throw new Error(`message ${messageQName} not found`);
  }
  const parts = childElements(message, NS.wsdl, 'part');
  return parts
    .map((p) => `${requiredAttr(p, 'name')}=${resolveQName(p, requiredAttr(p, 'element'))}`)
    .join(',');
}

function headersOf(definitions: Element, io: Element): string[] {
  return childElements(io, NS.soap12, 'header').map((h) => {
    const message = resolveQName(h, requiredAttr(h, 'message'));
    return `${messageElement(definitions, message)}#part=${requiredAttr(h, 'part')};use=${requiredAttr(h, 'use')}`;
  });
}

function operationContract(definitions: Element, portOp: Element, bindingOp: Element): OperationContract {
  const input = firstChild(portOp, NS.wsdl, 'input');
  const output = firstChild(portOp, NS.wsdl, 'output');
  const soapOp = firstChild(bindingOp, NS.soap12, 'operation');
  const bindingInput = firstChild(bindingOp, NS.wsdl, 'input');
  const bindingOutput = firstChild(bindingOp, NS.wsdl, 'output');
  const bodies = [bindingInput, bindingOutput].map((io) =>
    requiredAttr(firstChild(io, NS.soap12, 'body'), 'use'),
  );
  return {
    inputElement: messageElement(definitions, resolveQName(input, requiredAttr(input, 'message'))),
    outputElement: messageElement(definitions, resolveQName(output, requiredAttr(output, 'message'))),
    inputAction: input.getAttributeNS(NS.wsaw, 'Action') ?? '',
    outputAction: output.getAttributeNS(NS.wsaw, 'Action') ?? '',
    soapAction: soapOp.getAttribute('soapAction') ?? '',
    style: soapOp.getAttribute('style') ?? '',
    inputHeaders: headersOf(definitions, bindingInput),
    outputHeaders: headersOf(definitions, bindingOutput),
    bodyUse: bodies.join('/'),
  };
}

function elementsByLocalName(node: Element, local: string): Element[] {
  return childElements(node).filter((c) => c.localName === local);
}

/**
 * True when the binding references a policy that contains wsaw:UsingAddressing. The wsp namespace is
 * matched by local name only: the OCA 1.5 CentralSystemService file misspells it ("xmlsoapf.org").
 */
function bindingUsesAddressing(definitions: Element, binding: Element): boolean {
  const refs = elementsByLocalName(binding, 'PolicyReference').map((r) => requiredAttr(r, 'URI'));
  const policies = elementsByLocalName(definitions, 'Policy');
  return refs.some((uri) =>
    policies.some(
      (p) =>
        `#${p.getAttributeNS(NS.wsu, 'Id')}` === uri &&
        p.getElementsByTagNameNS(NS.wsaw, 'UsingAddressing').length > 0,
    ),
  );
}

function loadContract(file: string): Contract {
  const definitions = parseXml(file);
  const schema = firstChild(firstChild(definitions, NS.wsdl, 'types'), NS.xs, 'schema');
  const portType = firstChild(definitions, NS.wsdl, 'portType');
  const binding = firstChild(definitions, NS.wsdl, 'binding');
  const portOps = byName(childElements(portType, NS.wsdl, 'operation'));
  const bindingOps = byName(childElements(binding, NS.wsdl, 'operation'));

  const operations = new Map<string, OperationContract>();
  for (const [name, portOp] of portOps) {
    const bindingOp = bindingOps.get(name);
    if (bindingOp) operations.set(name, operationContract(definitions, portOp, bindingOp));
  }

  const elements = new Map<string, string>();
  for (const [name, el] of byName(childElements(schema, NS.xs, 'element'))) {
    elements.set(name, resolveQName(el, requiredAttr(el, 'type')));
  }
  const complexTypes = new Map<string, SchemaNode>();
  for (const [name, ct] of byName(childElements(schema, NS.xs, 'complexType'))) {
    complexTypes.set(name, toSchemaNode(ct, false));
  }
  const simpleTypes = new Map<string, SimpleTypeContract>();
  for (const [name, st] of byName(childElements(schema, NS.xs, 'simpleType'))) {
    simpleTypes.set(name, toSimpleType(st));
  }

  return {
    targetNamespace: requiredAttr(definitions, 'targetNamespace'),
    elementFormDefault: schema.getAttribute('elementFormDefault') ?? 'unqualified',
    portTypeName: requiredAttr(portType, 'name'),
    bindingName: requiredAttr(binding, 'name'),
    soapTransport: requiredAttr(firstChild(binding, NS.soap12, 'binding'), 'transport'),
    usesAddressing: bindingUsesAddressing(definitions, binding),
    portTypeOperations: sortedKeys(portOps),
    bindingOperations: sortedKeys(bindingOps),
    operations,
    elements,
    complexTypes,
    simpleTypes,
  };
}

function mapToObject<T, R>(map: Map<string, T>, fn: (value: T) => R): Record<string, R> {
  const result: Record<string, R> = {};
  for (const key of sortedKeys(map)) {
    const value = map.get(key);
    if (value !== undefined) result[key] = fn(value);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// node-soap helpers
// ---------------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * node-soap's describe() keeps the document's own XSD prefix in type strings ("s:int" in the OCA files,
 * "xs:int" in ours); rewrite both to one neutral prefix so that only real differences remain.
 */
function normalizeXsdPrefix(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/(^|\|)(?:s|xs):/g, '$1xsd:');
  if (Array.isArray(value)) return value.map(normalizeXsdPrefix);
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeXsdPrefix(v)]));
  }
  return value;
}

/** describe() returns { service: { port: { operation: { input, output } } } }; take the single port. */
async function describeOperations(file: string): Promise<Record<string, unknown>> {
  const client = await soap.createClientAsync(file);
  const description: unknown = client.describe();
  if (!isRecord(description)) throw new Error('describe() did not return an object');
  const services = Object.values(description);
  expect(services).toHaveLength(1);
  const service = services[0];
  if (!isRecord(service)) throw new Error('service description is not an object');
  const ports = Object.values(service);
  expect(ports).toHaveLength(1);
  const port = ports[0];
  if (!isRecord(port)) throw new Error('port description is not an object');
  return port;
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe.each(PAIRS)('$label WSDL conformance', ({ ours, oca, operations }) => {
  const ourFile = path.join(OUR_DIR, ours);
  const ocaFile = path.join(OCA_DIR, oca);
  const our = loadContract(ourFile);
  const ref = loadContract(ocaFile);

  it('declares the same target namespace, schema form, port type and binding names', () => {
    expect(our.targetNamespace).toBe(ref.targetNamespace);
    expect(our.elementFormDefault).toBe(ref.elementFormDefault);
    expect(our.portTypeName).toBe(ref.portTypeName);
    expect(our.bindingName).toBe(ref.bindingName);
  });

  it('uses a SOAP 1.2 HTTP binding with WS-Addressing, like the reference', () => {
    expect(our.soapTransport).toBe(ref.soapTransport);
    expect(ref.usesAddressing).toBe(true);
    expect(our.usesAddressing).toBe(true);
  });

  it('has exactly the expected operations in portType and binding', () => {
    const expected = [...operations].sort();
    expect(ref.portTypeOperations).toEqual(expected);
    expect(our.portTypeOperations).toEqual(expected);
    expect(our.bindingOperations).toEqual(ref.bindingOperations);
  });

  it('has the same input/output elements, actions, soapAction, style and headers per operation', () => {
    expect(mapToObject(our.operations, (o) => o)).toEqual(mapToObject(ref.operations, (o) => o));
    for (const op of our.operations.values()) {
      expect(op.soapAction).not.toBe('');
      expect(op.inputHeaders).toHaveLength(1);
    }
  });

  it('has the same global schema elements with the same types', () => {
    expect(sortedKeys(our.elements)).toEqual(sortedKeys(ref.elements));
    expect(mapToObject(our.elements, (t) => t)).toEqual(mapToObject(ref.elements, (t) => t));
  });

  it('has the same complex and simple type names', () => {
    expect(sortedKeys(our.complexTypes)).toEqual(sortedKeys(ref.complexTypes));
    expect(sortedKeys(our.simpleTypes)).toEqual(sortedKeys(ref.simpleTypes));
  });

  it('has the same child elements (order, type, minOccurs, maxOccurs) in every complex type', () => {
    expect(mapToObject(our.complexTypes, particlesOf)).toEqual(mapToObject(ref.complexTypes, particlesOf));
  });

  it('has structurally identical complex types (attributes, inline types, extensions)', () => {
    expect(mapToObject(our.complexTypes, (t) => t)).toEqual(mapToObject(ref.complexTypes, (t) => t));
  });

  it('has the same base, enumeration values and facets in every simple type', () => {
    const enums = (t: SimpleTypeContract): string[] => [...t.enumerations].sort();
    expect(mapToObject(our.simpleTypes, enums)).toEqual(mapToObject(ref.simpleTypes, enums));
    expect(mapToObject(our.simpleTypes, (t) => t)).toEqual(mapToObject(ref.simpleTypes, (t) => t));
  });

  it('contains no text carried over from the reference document', () => {
    const text = fs.readFileSync(ourFile, 'utf8');
    expect(text).not.toMatch(/Open Charge Alliance|Copyright|Creative Commons|documentation>/i);
  });

  it('can be loaded by node-soap and describes the same operations as the reference', async () => {
    const ourPort = await describeOperations(ourFile);
    const refPort = await describeOperations(ocaFile);
    expect(Object.keys(ourPort).sort()).toEqual([...operations].sort());
    expect(normalizeXsdPrefix(ourPort)).toEqual(normalizeXsdPrefix(refPort));
  });
});
