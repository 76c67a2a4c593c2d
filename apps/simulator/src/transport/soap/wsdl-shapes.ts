import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { childNamed, parseXml, XmlNode } from './xml-document';

const XS = 'http://www.w3.org/2001/XMLSchema';
const WSDL = 'http://schemas.xmlsoap.org/wsdl/';

export type ScalarKind = 'string' | 'int' | 'decimal' | 'boolean' | 'dateTime';

export interface FieldShape {
  name: string;
  shape: Shape;
  required: boolean;
  repeated: boolean;
}

/** What a message element holds, as far as a station needs to know: field order, lists, value kinds. */
export type Shape = { kind: 'scalar'; scalar: ScalarKind } | { kind: 'record'; fields: FieldShape[] };

const SCALARS: Record<string, ScalarKind> = {
  string: 'string',
  anyURI: 'string',
  int: 'int',
  decimal: 'decimal',
  boolean: 'boolean',
  dateTime: 'dateTime',
};

/** The OCPP-S WSDLs shipped with the project: the same documents the CSMS serves at `?wsdl`. */
export function wsdlFile(name: string): string {
  const candidates = [
    path.resolve(__dirname, '../../../../../libs/ocpp/src/soap/wsdl', name),
    path.resolve(process.cwd(), 'libs/ocpp/src/soap/wsdl', name),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`WSDL ${name} not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * The message shapes of a WSDL's schema (named simple and complex types with sequences, as the OCPP 1.6
 * WSDLs are written). Enumerations and lengths are the CSMS's to check; a station needs the structure.
 */
export class WsdlShapes {
  private readonly types = new Map<string, XmlNode>();
  private readonly elements = new Map<string, string>();
  private readonly resolved = new Map<string, Shape>();

  private constructor(
    readonly namespace: string,
    schema: XmlNode,
  ) {
    for (const child of schema.children) {
      if (child.uri !== XS) continue;
      const name = attribute(child, 'name');
      if (child.local === 'simpleType' || child.local === 'complexType') this.types.set(name, child);
      if (child.local === 'element') this.elements.set(name, attribute(child, 'type'));
    }
  }

  static read(file: string): WsdlShapes {
    const definitions = parseXml(readFileSync(file, 'utf8'));
    const schema = childNamed(childNamed(definitions, WSDL, 'types') ?? definitions, XS, 'schema');
    if (!schema) throw new Error(`${file} has no xs:schema`);
    return new WsdlShapes(attribute(schema, 'targetNamespace'), schema);
  }

  /** The shape of a global element such as `bootNotificationRequest`, or undefined if there is none. */
  element(name: string): Shape | undefined {
    const type = this.elements.get(name);
    return type === undefined ? undefined : this.shapeOf(type);
  }

  private shapeOf(qname: string): Shape {
    const [prefix, local] = qname.includes(':') ? qname.split(':') : ['', qname];
    if (prefix === 'xs' || prefix === 'xsd') {
      const scalar = SCALARS[local];
      if (!scalar) throw new Error(`unsupported schema type ${qname}`);
      return { kind: 'scalar', scalar };
    }
    const cached = this.resolved.get(local);
    if (cached) return cached;
    const definition = this.types.get(local);
    if (!definition) throw new Error(`unknown schema type ${qname}`);
    let shape: Shape;
    if (definition.local === 'simpleType') {
      const restriction = childNamed(definition, XS, 'restriction');
      if (!restriction) throw new Error(`unsupported simple type ${local}`);
      shape = this.shapeOf(attribute(restriction, 'base'));
    } else {
      const sequence = childNamed(definition, XS, 'sequence');
      const fields = (sequence?.children ?? [])
        .filter((child) => child.uri === XS && child.local === 'element')
        .map((element) => ({
          name: attribute(element, 'name'),
          shape: this.shapeOf(attribute(element, 'type')),
          required: (element.attributes.minOccurs ?? '1') !== '0',
          repeated: (element.attributes.maxOccurs ?? '1') !== '1',
        }));
      shape = { kind: 'record', fields };
    }
    this.resolved.set(local, shape);
    return shape;
  }
}

function attribute(node: XmlNode, name: string): string {
  const value = node.attributes[name];
  if (value === undefined) throw new Error(`<${node.local}> without ${name}`);
  return value;
}
