// What ExcelJS drops on a round trip (charts, pivot tables, add-in parts, macros…), found in the package
// parts of the .xlsx and attributed to the sheet that holds them, so the clerk knows what and where.
import type JSZip from 'jszip';
import type { Lang, UnkeptContent } from '../../core/model';
import { attributeIn, plainAttribute, RELATIONSHIPS_NS, xmlElements } from './packageXml';

type Kind = 'chart' | 'pivot' | 'addin' | 'slicer' | 'macro' | 'control' | 'chartsheet';

const WHAT: Record<Kind, Record<Lang, string>> = {
  chart: { zh: '图表', en: 'chart(s)' },
  pivot: { zh: '数据透视表', en: 'pivot table(s)' },
  addin: { zh: '加载项部件', en: 'add-in part(s)' },
  slicer: { zh: '切片器', en: 'slicer(s)' },
  macro: { zh: '宏', en: 'macro project' },
  control: { zh: '表单控件', en: 'form control(s)' },
  chartsheet: { zh: '图表工作表', en: 'chart sheet(s)' },
};

interface Relationship {
  type: string;
  target: string;
}

/** Resolves a relationship target against the folder of the part that owns it. */
function resolve(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

/** A part's relationships (its `_rels/….rels`), with their ids; external targets left out. */
async function relationshipsWithIds(zip: JSZip, part: string): Promise<(Relationship & { id: string | null })[]> {
  const slash = part.lastIndexOf('/');
  const relsPath = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
  const file = zip.file(relsPath);
  if (!file) return [];
  return xmlElements(await file.async('string'), relsPath).flatMap((element) => {
    if (element.local !== 'Relationship') return [];
    const type = plainAttribute(element, 'Type');
    const target = plainAttribute(element, 'Target');
    const external = plainAttribute(element, 'TargetMode') === 'External';
    return type && target && !external ? [{ id: plainAttribute(element, 'Id'), type: type.slice(type.lastIndexOf('/') + 1), target: resolve(part, target) }] : [];
  });
}

async function relationships(zip: JSZip, part: string): Promise<Relationship[]> {
  return relationshipsWithIds(zip, part);
}

export async function findUnkeptContent(zip: JSZip, lang: Lang): Promise<UnkeptContent[]> {
  const found = new Map<string, Map<Kind, number>>();
  const add = (where: string, kind: Kind, count = 1) => {
    const byKind = found.get(where) ?? new Map<Kind, number>();
    byKind.set(kind, (byKind.get(kind) ?? 0) + count);
    found.set(where, byKind);
  };
  const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const workbookParts = await relationshipsWithIds(zip, 'xl/workbook.xml');
  const workbookRels = new Map(workbookParts.map((r) => [r.target, r]));
  const byId = new Map(workbookParts.flatMap((r) => (r.id ? [[r.id, r.target] as const] : [])));
  const workbookWide = lang === 'zh' ? '整个工作簿' : 'the workbook';
  // `<sheet>` and `<x:sheet>` alike; its part through r:id, whatever prefix the relationships namespace has.
  for (const element of workbookXml ? xmlElements(workbookXml, 'xl/workbook.xml') : []) {
    if (element.local !== 'sheet') continue;
    const name = plainAttribute(element, 'name');
    const part = byId.get(attributeIn(element, 'id', RELATIONSHIPS_NS) ?? '');
    if (!name || !part) continue;
    if (workbookRels.get(part)?.type === 'chartsheet') {
      add(name, 'chartsheet');
      continue;
    }
    for (const rel of await relationships(zip, part)) {
      if (rel.type === 'pivotTable') add(name, 'pivot');
      if (rel.type === 'ctrlProp') add(name, 'control');
      if (rel.type === 'drawing') {
        const charts = (await relationships(zip, rel.target)).filter((r) => r.type === 'chart').length;
        if (charts > 0) add(name, 'chart', charts);
      }
    }
  }
  const files = Object.keys(zip.files);
  const count = (pattern: RegExp) => files.filter((f) => pattern.test(f)).length;
  const attributedCharts = [...found.values()].reduce((n, kinds) => n + (kinds.get('chart') ?? 0), 0);
  const strayCharts = count(/^xl\/charts\/chart\d+\.xml$/) - attributedCharts - count(/^xl\/chartsheets\/sheet\d+\.xml$/);
  if (strayCharts > 0) add(workbookWide, 'chart', strayCharts);
  if (count(/^xl\/webextensions\/webextension\d*\.xml$/) > 0) add(workbookWide, 'addin', count(/^xl\/webextensions\/webextension\d*\.xml$/));
  if (count(/^xl\/slicers\/.+\.xml$/) > 0) add(workbookWide, 'slicer', count(/^xl\/slicers\/.+\.xml$/));
  if (count(/^xl\/vbaProject\.bin$/) > 0) add(workbookWide, 'macro');
  return [...found.entries()].flatMap(([where, kinds]) => [...kinds.entries()].map(([kind, n]) => ({ what: `${n} ${WHAT[kind][lang]}`, where })));
}
