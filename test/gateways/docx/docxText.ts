// Reading a .docx back for the tests: its parts, and the text of each paragraph, as a reader of the file sees it.
import JSZip from 'jszip';

export interface DocxParts {
  document: string;
  styles: string;
  footers: string[];
  /** Every paragraph of the body (table cells included), its runs' text joined; a line break is `\n`. */
  paragraphs: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => ENTITIES[name]);

export function paragraphTexts(xml: string): string[] {
  const out: string[] = [];
  for (const match of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const runs = [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[0] === '<w:br/>' ? '\n' : decode(m[1])));
    out.push(runs.join(''));
  }
  return out;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} is missing from the .docx`);
    return file.async('string');
  };
  const document = await text('word/document.xml');
  const footerNames = Object.keys(zip.files).filter((name) => /^word\/footer\d+\.xml$/.test(name));
  return {
    document,
    styles: await text('word/styles.xml'),
    footers: await Promise.all(footerNames.map(text)),
    paragraphs: paragraphTexts(document),
  };
}
