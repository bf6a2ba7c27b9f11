/**
 * A small, strict XML reader for the tests: it throws on anything that is not well-formed
 * (unclosed or mismatched tags, unquoted or repeated attributes, a bare `<` or `&`, an
 * unknown entity, text outside the root) and returns the element tree with entities decoded.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, at: number): string {
  if (text.includes('<')) throw new Error(`bare '<' near offset ${at}`);
  return text.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new Error(`bare '&' near offset ${at}: ${JSON.stringify(whole)}`);
    if (ref in ENTITIES) return ENTITIES[ref]!;
    const hex = /^#x([0-9a-fA-F]+)$/.exec(ref);
    const dec = /^#([0-9]+)$/.exec(ref);
    if (hex) return String.fromCodePoint(parseInt(hex[1]!, 16));
    if (dec) return String.fromCodePoint(parseInt(dec[1]!, 10));
    throw new Error(`unknown entity &${ref}; near offset ${at}`);
  });
}

export function parseXml(source: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${i}: ${JSON.stringify(source.slice(i, i + 40))}`);
  };
  while (i < source.length) {
    if (source.startsWith('<?', i)) {
      const end = source.indexOf('?>', i);
      if (end < 0 || stack.length > 0 || root !== undefined) fail('bad processing instruction');
      i = end + 2;
    } else if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i);
      if (end < 0) fail('unclosed comment');
      i = end + 3;
    } else if (source.startsWith('</', i)) {
      const name = NAME.exec(source.slice(i + 2))?.[0] ?? fail('bad end tag');
      const open = stack.pop();
      if (open?.name !== name) fail(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      i += 2 + name.length;
      while (/\s/.test(source[i] ?? '')) i++;
      if (source[i] !== '>') fail('bad end tag');
      i++;
    } else if (source[i] === '<') {
      const name = NAME.exec(source.slice(i + 1))?.[0] ?? fail('bad tag name');
      i += 1 + name.length;
      const element: XmlElement = { name, attributes: {}, children: [] };
      for (;;) {
        const space = /^\s*/.exec(source.slice(i))![0].length;
        i += space;
        if (source.startsWith('/>', i) || source[i] === '>') break;
        if (space === 0) fail('attributes must be separated by space');
        const attr = NAME.exec(source.slice(i))?.[0] ?? fail('bad attribute name');
        i += attr.length;
        if (source[i] !== '=') fail(`attribute ${attr} has no value`);
        const quote = source[i + 1];
        if (quote !== '"' && quote !== "'") fail(`attribute ${attr} is not quoted`);
        const end = source.indexOf(quote!, i + 2);
        if (end < 0) fail('unclosed attribute value');
        if (attr in element.attributes) fail(`attribute ${attr} repeated`);
        element.attributes[attr] = decode(source.slice(i + 2, end), i);
        i = end + 1;
      }
      const parent = stack[stack.length - 1];
      if (parent !== undefined) parent.children.push(element);
      else if (root === undefined) root = element;
      else fail('a second root element');
      if (source.startsWith('/>', i)) i += 2;
      else {
        i += 1;
        stack.push(element);
      }
    } else {
      const end = source.indexOf('<', i);
      const text = source.slice(i, end < 0 ? source.length : end);
      const parent = stack[stack.length - 1];
      if (parent === undefined) {
        if (text.trim() !== '') fail('text outside the root element');
      } else parent.children.push(decode(text, i));
      i += text.length;
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (root === undefined) throw new Error('no root element');
  return root;
}

/** Every element below (and including) `element`, in document order. */
export function elements(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap((c) => (typeof c === 'string' ? [] : elements(c)))];
}

/** The element's text, entities decoded. */
export function textOf(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
