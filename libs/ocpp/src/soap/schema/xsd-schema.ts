import { readFileSync } from 'node:fs';
import { parseXml, resolveQName, XmlElement } from '../xml/xml-element';

export const XS_NS = 'http://www.w3.org/2001/XMLSchema';
const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';

export type XsdBuiltin = 'string' | 'int' | 'dateTime' | 'boolean' | 'anyURI' | 'decimal';

export interface XsdSimpleType {
  kind: 'simple';
  base: XsdBuiltin;
  enumeration?: string[];
  maxLength?: number;
}

export interface XsdAttribute {
  name: string;
  type: XsdSimpleType;
  required: boolean;
}

export interface XsdComplexType {
  kind: 'complex';
  sequence: XsdParticle[];
  attributes: XsdAttribute[];
  /** Text content with attributes (xs:simpleContent). */
  text?: XsdSimpleType;
}

export type XsdType = XsdSimpleType | XsdComplexType;

export interface XsdParticle {
  name: string;
  type: XsdType;
  minOccurs: number;
  maxOccurs: number;
}

/**
 * The subset of XML Schema the OCPP WSDLs use (named and inline simple/complex types, sequences,
 * enumerations, maxLength, simpleContent with attributes), resolved once into plain objects.
 */
export class XsdSchema {
  private readonly resolved = new Map<string, XsdType>();
  private readonly namedTypes = new Map<string, XmlElement>();
  private readonly elements = new Map<string, XsdType>();

  private constructor(
    readonly targetNamespace: string,
    schema: XmlElement,
  ) {
    for (const child of schema.children) {
      if (child.uri !== XS_NS) continue;
      if (child.local === 'simpleType' || child.local === 'complexType') {
        this.namedTypes.set(child.attributes.name, child);
      }
    }
    for (const child of schema.children) {
      if (child.uri === XS_NS && child.local === 'element') {
        this.elements.set(child.attributes.name, this.typeOfElement(child));
      }
    }
  }

  /** Reads the first xs:schema of a WSDL file. */
  static fromWsdl(file: string): XsdSchema {
    const definitions = parseXml(readFileSync(file, 'utf8'));
    const types = definitions.children.find((child) => child.uri === WSDL_NS && child.local === 'types');
    const schema = types?.children.find((child) => child.uri === XS_NS && child.local === 'schema');
    if (!schema) throw new Error(`${file} has no xs:schema`);
    return new XsdSchema(schema.attributes.targetNamespace, schema);
  }

  /** The type of a global element (a message body or header), or undefined. */
  element(name: string): XsdType | undefined {
    return this.elements.get(name);
  }

  private typeOfElement(element: XmlElement): XsdType {
    if (element.attributes.type) return this.typeByName(element, element.attributes.type);
    const inline = element.children.find(
      (child) => child.uri === XS_NS && (child.local === 'simpleType' || child.local === 'complexType'),
    );
    if (!inline) return { kind: 'simple', base: 'string' };
    return this.build(inline);
  }

  private typeByName(context: XmlElement, qname: string): XsdType {
    const { uri, local } = resolveQName(context, qname);
    if (uri === XS_NS) return { kind: 'simple', base: builtin(local) };
    const cached = this.resolved.get(local);
    if (cached) return cached;
    const definition = this.namedTypes.get(local);
    if (!definition) throw new Error(`Unknown schema type ${qname}`);
    const type = this.build(definition);
    this.resolved.set(local, type);
    return type;
  }

  private simpleByName(context: XmlElement, qname: string): XsdSimpleType {
    const type = this.typeByName(context, qname);
    if (type.kind !== 'simple') throw new Error(`${qname} is not a simple type`);
    return type;
  }

  private build(definition: XmlElement): XsdType {
    return definition.local === 'simpleType' ? this.buildSimple(definition) : this.buildComplex(definition);
  }

  private buildSimple(definition: XmlElement): XsdSimpleType {
    const restriction = xsChild(definition, 'restriction');
    if (!restriction) throw new Error(`Unsupported simple type ${definition.attributes.name ?? '(inline)'}`);
    const base = this.simpleByName(restriction, restriction.attributes.base);
    const enumeration = xsChildren(restriction, 'enumeration').map((facet) => facet.attributes.value);
    const maxLength = xsChild(restriction, 'maxLength')?.attributes.value;
    return {
      ...base,
      ...(enumeration.length ? { enumeration } : {}),
      ...(maxLength ? { maxLength: Number(maxLength) } : {}),
    };
  }

  private buildComplex(definition: XmlElement): XsdComplexType {
    const simpleContent = xsChild(definition, 'simpleContent');
    if (simpleContent) {
      const extension = xsChild(simpleContent, 'extension');
      if (!extension) throw new Error('Unsupported simpleContent');
      return {
        kind: 'complex',
        sequence: [],
        text: this.simpleByName(extension, extension.attributes.base),
        attributes: this.attributesOf(extension),
      };
    }
    const sequence = xsChild(definition, 'sequence');
    return {
      kind: 'complex',
      sequence: sequence
        ? xsChildren(sequence, 'element').map((element) => ({
            name: element.attributes.name,
            type: this.typeOfElement(element),
            minOccurs: Number(element.attributes.minOccurs ?? '1'),
            maxOccurs:
              element.attributes.maxOccurs === 'unbounded'
                ? Infinity
                : Number(element.attributes.maxOccurs ?? '1'),
          }))
        : [],
      attributes: this.attributesOf(definition),
    };
  }

  private attributesOf(owner: XmlElement): XsdAttribute[] {
    return xsChildren(owner, 'attribute').map((attribute) => ({
      name: attribute.attributes.name,
      type: attribute.attributes.type
        ? this.simpleByName(attribute, attribute.attributes.type)
        : { kind: 'simple', base: 'string' },
      required: attribute.attributes.use === 'required',
    }));
  }
}

function builtin(local: string): XsdBuiltin {
  if (['string', 'int', 'dateTime', 'boolean', 'anyURI', 'decimal'].includes(local))
    return local as XsdBuiltin;
  throw new Error(`Unsupported XML Schema type xs:${local}`);
}

function xsChildren(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((child) => child.uri === XS_NS && child.local === local);
}

function xsChild(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((child) => child.uri === XS_NS && child.local === local);
}
