// The template's sheet names, read from (and renamed in) the .xlsx's xl/workbook.xml with JSZip and an XML
// parser (`<sheet>` and `<x:sheet>` alike): enough for insertWorksheetsFromBase64, without loading ExcelJS.
// Loaded through import() by insertTemplate.ts.
import JSZip from 'jszip';
import { plainAttribute, withAttribute, xmlElements, type XmlElement } from '../xlsx/packageXml';

const WORKBOOK = 'xl/workbook.xml';

async function workbookXml(bytes: Uint8Array): Promise<{ zip: JSZip; xml: string; sheets: XmlElement[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(WORKBOOK);
  if (!file) throw new Error('the template is not an .xlsx workbook');
  const xml = await file.async('string');
  return { zip, xml, sheets: xmlElements(xml, WORKBOOK).filter((e) => e.local === 'sheet' && plainAttribute(e, 'name') !== null) };
}

/** The sheets' names, in order. */
export async function templateSheetNames(bytes: Uint8Array): Promise<string[]> {
  const { sheets } = await workbookXml(bytes);
  return sheets.map((e) => plainAttribute(e, 'name') as string);
}

/**
 * The template, its sheets renamed (in order; the template has no formulas across sheets), as the base64 text insertWorksheetsFromBase64 takes
 * (JSZip's encoder, where a hand-written one was).
 */
export async function templateBase64(bytes: Uint8Array, names: readonly string[]): Promise<string> {
  const zip = await renamed(bytes, names);
  return zip.generateAsync({ type: 'base64', compression: 'DEFLATE' });
}

async function renamed(bytes: Uint8Array, names: readonly string[]): Promise<JSZip> {
  const { zip, xml, sheets } = await workbookXml(bytes);
  // Each start tag rewritten in place, from the last so that earlier positions stay right.
  let text = xml;
  for (let i = sheets.length - 1; i >= 0; i--) {
    const name = names[i];
    if (name === undefined || name === plainAttribute(sheets[i], 'name')) continue;
    text = text.slice(0, sheets[i].start) + withAttribute(text, sheets[i], 'name', name) + text.slice(sheets[i].end);
  }
  if (text !== xml) zip.file(WORKBOOK, text);
  return zip;
}
