// The template's sheet names, read from (and renamed in) the .xlsx's xl/workbook.xml with JSZip: enough for
// insertWorksheetsFromBase64, without loading ExcelJS. Loaded through import() by insertTemplate.ts.
import JSZip from 'jszip';

const WORKBOOK = 'xl/workbook.xml';
const SHEET = /<sheet\b[^>]*?\bname="([^"]*)"/g;

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] as string);
}

function encode(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

async function workbookXml(bytes: Uint8Array): Promise<{ zip: JSZip; xml: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(WORKBOOK);
  if (!file) throw new Error('the template is not an .xlsx workbook');
  return { zip, xml: await file.async('string') };
}

/** The sheets' names, in order. */
export async function templateSheetNames(bytes: Uint8Array): Promise<string[]> {
  const { xml } = await workbookXml(bytes);
  return [...xml.matchAll(SHEET)].map((m) => decode(m[1]));
}

/** The same workbook with its sheets renamed (in order). The template has no formulas across sheets. */
export async function renameTemplateSheets(bytes: Uint8Array, names: readonly string[]): Promise<Uint8Array> {
  const { zip, xml } = await workbookXml(bytes);
  let i = 0;
  const renamed = xml.replace(SHEET, (match: string, old: string) => {
    const name = names[i++] ?? decode(old);
    return match.replace(`name="${old}"`, `name="${encode(name)}"`);
  });
  zip.file(WORKBOOK, renamed);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
