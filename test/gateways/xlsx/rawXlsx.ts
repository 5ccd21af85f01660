// Minimal .xlsx packages written part by part, for what ExcelJS cannot be made to write: a stored value that is
// not a number, 40,000 merges (ExcelJS's own mergeCells is quadratic), a `<dimension>` of 1,048,576 rows.
import JSZip from 'jszip';

export interface RawSheet {
  name: string;
  /** The `<sheetData>` rows, as XML. */
  rows: string;
  dimension?: string;
  /** `<mergeCell ref>` values. */
  merges?: string[];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function sheetXml(sheet: RawSheet): string {
  const dimension = sheet.dimension ? `<dimension ref="${sheet.dimension}"/>` : '';
  const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${dimension}<sheetData>${sheet.rows}</sheetData>${merges}</worksheet>`;
}

/** `[['a', 1]]` → `<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1"><v>1</v></c></row>` */
export function rowsXml(rows: (string | number | null)[][], firstRow = 1): string {
  return rows
    .map((row, i) => {
      const r = firstRow + i;
      const cells = row.map((v, c) => {
        const ref = `${String.fromCharCode(65 + c)}${r}`;
        if (v === null) return '';
        return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`;
      });
      return `<row r="${r}">${cells.join('')}</row>`;
    })
    .join('');
}

export function rawZip(sheets: RawSheet[], extra: Record<string, string> = {}): JSZip {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
      .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
      .join('')}</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
      .map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}</Relationships>`,
  );
  sheets.forEach((s, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)));
  for (const [name, text] of Object.entries(extra)) zip.file(name, text);
  return zip;
}

export async function rawXlsx(sheets: RawSheet[], options: { store?: boolean; extra?: Record<string, string> } = {}): Promise<Uint8Array> {
  return rawZip(sheets, options.extra).generateAsync({ type: 'uint8array', compression: options.store ? 'STORE' : 'DEFLATE' });
}

/** `count` 1×2 merges, one per row, over a two-column table (row i: `Ai:Bi`). */
export function mergedSheet(count: number): RawSheet {
  const rows: string[] = [];
  const merges: string[] = [];
  for (let r = 1; r <= count; r++) {
    rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>项目${r}</t></is></c></row>`);
    merges.push(`A${r}:B${r}`);
  }
  return { name: '合并', rows: rows.join(''), dimension: `A1:B${count}`, merges };
}
