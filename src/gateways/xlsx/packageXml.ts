// The package's XML parts (workbook.xml, .rels) read with a real XML parser: saxes (ExcelJS's own parser, so
// no second library), namespace-aware, so that `<x:sheet>` and `<sheet>` are the same element and an
// attribute is found by its namespace (r:id, whatever the prefix). No ExcelJS here: the pane's template
// chunk uses it with JSZip alone.
import { SaxesParser, type SaxesTagNS } from 'saxes';

/** The relationships namespace (`r:id` on `<sheet>`), transitional and strict OOXML. */
export const RELATIONSHIPS_NS = [
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
];

export interface XmlElement {
  /** The element's name without its prefix (`sheet` for `<x:sheet>`). */
  local: string;
  /** Its attributes by qualified name as written, with their namespace and local name; values decoded. */
  attributes: { name: string; uri: string; local: string; value: string }[];
  /** Where the start tag is in the text: [start, end) as string indexes (`<` … `>`). */
  start: number;
  end: number;
}

/**
 * Every start tag of `xml`, in document order. Producers that leave a prefix undeclared (`r:id` with no
 * xmlns:r, seen in hand-made files) are read as if the usual one were declared, as Excel does.
 * Throws on text that is not well-formed XML, naming `part`.
 */
export function xmlElements(xml: string, part: string): XmlElement[] {
  const parser = new SaxesParser({
    xmlns: true,
    position: true,
    resolvePrefix: (prefix: string) => (prefix === 'r' ? RELATIONSHIPS_NS[0] : `urn:undeclared:${prefix}`),
  });
  const found: XmlElement[] = [];
  parser.on('opentag', (tag: SaxesTagNS) => {
    const end = parser.position;
    // Attribute values cannot hold a raw `<`: the last one before the tag's end is where it began.
    const start = xml.lastIndexOf('<', end - 1);
    const attributes = Object.values(tag.attributes).map((a) => ({ name: a.name, uri: a.uri, local: a.local, value: a.value }));
    found.push({ local: tag.local, attributes, start, end });
  });
  parser.on('error', (error) => {
    throw new Error(`${part}: not well-formed XML (${error.message})`);
  });
  parser.write(xml).close();
  return found;
}

/** An attribute without a namespace (`name="…"`), or null. */
export function plainAttribute(element: XmlElement, local: string): string | null {
  return element.attributes.find((a) => a.local === local && a.uri === '')?.value ?? null;
}

/** An attribute in one of `namespaces` (`r:id`, `rel:id`…), or null. */
export function attributeIn(element: XmlElement, local: string, namespaces: readonly string[]): string | null {
  return element.attributes.find((a) => a.local === local && namespaces.includes(a.uri))?.value ?? null;
}

/** XML text for an attribute value in double quotes. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The start tag's text with one plain attribute's value replaced (the tag is re-read attribute by attribute, so a
 * `name=` inside another attribute's value is never taken for it).
 */
export function withAttribute(xml: string, element: XmlElement, local: string, value: string): string {
  const tag = xml.slice(element.start, element.end);
  const ATTRIBUTE = /\s+([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/y;
  ATTRIBUTE.lastIndex = tag.search(/[\s/>]/);
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) {
    if (m[1] !== local) continue;
    const at = m.index + m[0].length - m[2].length;
    return `${tag.slice(0, at)}"${escapeAttribute(value)}"${tag.slice(at + m[2].length)}`;
  }
  throw new Error(`no ${local}="…" in ${tag}`);
}
