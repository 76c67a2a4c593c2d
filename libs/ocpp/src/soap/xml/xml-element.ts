import { parser as saxParser } from 'sax';

/** An XML element with resolved namespaces: enough to read a SOAP envelope or an XSD. */
export interface XmlElement {
  uri: string;
  local: string;
  /** Attributes without namespace declarations, by local name. */
  attributes: Record<string, string>;
  /** Attribute values that are QNames need the prefixes in scope where they appear. */
  namespaces: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlSyntaxError extends Error {}

/** Deep documents are an attack, not a station: OCPP messages nest a handful of levels. */
const MAX_DEPTH = 32;

/** Parses a whole document strictly (no DTDs acted upon, no entities beyond XML's five). */
export function parseXml(text: string): XmlElement {
  const parser = saxParser(true, { xmlns: true, trim: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;

  parser.onerror = (error) => {
    failure ??= error;
    parser.resume();
  };
  parser.onopentag = (node) => {
    if (!('uri' in node)) return;
    if (stack.length >= MAX_DEPTH) {
      failure ??= new Error(`elements nested deeper than ${MAX_DEPTH} levels`);
      return;
    }
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(node.attributes)) {
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
      attributes[attribute.local] = attribute.value;
    }
    const parent = stack[stack.length - 1];
    const element: XmlElement = {
      uri: node.uri,
      local: node.local,
      attributes,
      namespaces: { ...(parent?.namespaces ?? {}), ...node.ns },
      children: [],
      text: '',
    };
    if (parent) parent.children.push(element);
    else if (root) failure ??= new Error('more than one root element');
    else root = element;
    stack.push(element);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  const appendText = (text: string) => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
    else if (text.trim()) failure ??= new Error('text outside the root element');
  };
  parser.ontext = appendText;
  parser.oncdata = appendText;
  parser.ondoctype = () => {
    failure ??= new Error('DTDs are not accepted');
  };

  parser.write(text).close();
  if (failure) throw new XmlSyntaxError(failure.message.split('\n')[0]);
  if (!root) throw new XmlSyntaxError('no root element');
  return root;
}

/** Splits `prefix:name` and resolves the prefix in the element's scope. */
export function resolveQName(element: XmlElement, qname: string): { uri: string; local: string } {
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  return { uri: element.namespaces[prefix] ?? '', local: colon < 0 ? qname : qname.slice(colon + 1) };
}

export function childElements(element: XmlElement, uri: string, local: string): XmlElement[] {
  return element.children.filter((child) => child.uri === uri && child.local === local);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}
