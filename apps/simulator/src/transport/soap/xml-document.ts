import { parser as saxParser } from 'sax';

/** An XML element with its namespace resolved: all a SOAP station reads. */
export interface XmlNode {
  uri: string;
  local: string;
  /** Attributes by local name, namespace declarations left out. */
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Parses a whole document; anything malformed (or a DTD) throws. */
export function parseXml(text: string): XmlNode {
  const parser = saxParser(true, { xmlns: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  let failure: Error | undefined;
  parser.onerror = (error) => {
    failure ??= error;
    parser.resume();
  };
  parser.ondoctype = () => {
    failure ??= new Error('DTDs are not accepted');
  };
  parser.onopentag = (tag) => {
    if (!('uri' in tag)) return;
    const attributes: Record<string, string> = {};
    for (const item of Object.values(tag.attributes)) {
      if (item.prefix !== 'xmlns' && item.name !== 'xmlns') attributes[item.local] = item.value;
    }
    const node: XmlNode = { uri: tag.uri, local: tag.local, attributes, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else root ??= node;
    stack.push(node);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = parser.oncdata = (text) => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  };
  parser.write(text).close();
  if (failure) throw new Error(`malformed XML: ${failure.message.split('\n')[0]}`);
  if (!root) throw new Error('malformed XML: no root element');
  return root;
}

export function childNamed(node: XmlNode, uri: string, local: string): XmlNode | undefined {
  return node.children.find((child) => child.uri === uri && child.local === local);
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

/** `<name attributes>content</name>`; content is XML already, attribute values are escaped here. */
export function xmlElement(name: string, content: string, attributes: Record<string, string> = {}): string {
  const attributeText = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  return `<${name}${attributeText}>${content}</${name}>`;
}
