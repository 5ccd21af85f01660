// The report as a Word document laid out as an official document (GB/T 9704-2012 党政机关公文格式): the
// narrative, the signature, then 附表1 (the score), 附表3 (the projects' self-scores, when any project has
// indicators) and 附表4 (the projects) each on a page of its own.
// No fs, no DOM: the command writes the bytes to a file, the pane offers them as a download.
//
// 附表2 (the problems found in the data) is left out on purpose: it is the clerk's working list of cells to
// fix, not part of the document sent to the finance bureau. Paragraph `sources` (cell references) are left
// out for the same reason. The attachments keep their sheet numbers so 附表1 / 附表3 / 附表4 match the workbook.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { ATTACHMENTS } from '../../core/compose/attachments';
import type { Block } from '../../core/compose/narrative';
import { cellText, planRow, type ReportPlan, type TableRegion } from '../../core/compose/reportPlan';
import type { Evaluation, Lang } from '../../core/model';

/** Twips (1/20 point, Word's unit) in a millimetre. */
const mm = (value: number) => Math.round((value * 1440) / 25.4);

/** GB/T 9704 7.1: A4; 天头 (top) 37 mm, 订口 (left) 28 mm; 版心 156 × 225 mm, hence bottom 35 mm and right 26 mm. */
export const PAGE = { width: 11906, height: 16838 } as const;
export const MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;
/** The landscape page of the summary table: the portrait margins turned with the paper, the 28 mm binding edge at the top. */
const LANDSCAPE_MARGINS = { top: mm(28), bottom: mm(26), left: mm(37), right: mm(35) } as const;

/**
 * GB/T 9704 7.2: 22 lines a page in the 225 mm 版心 → 28.95 pt a line (579 twips, "固定值"); 580 would leave room for
 * 21 lines only.
 */
const LINE = 579;

/** Type sizes in points, by their Chinese names: 二号 22, 小二 18, 三号 16, 四号 14, 小四 12, 五号 10.5. */
const SIZE = { title: 22, tableTitle: 18, body: 16, pageNumber: 14, table: 12, wideTable: 10.5, note: 10.5 } as const;
const half = (points: number) => Math.round(points * 2); // docx sizes are half-points

/**
 * The fonts Chinese offices have, by the names GB/T 9704 uses. Word takes a missing font's place with another
 * (方正小标宋简体 → 宋体 on a PC without the Founder fonts; 仿宋_GB2312 and 楷体_GB2312 are the GB2312-era names,
 * installed on government PCs, 仿宋 / 楷体 in Windows itself); LibreOffice here substitutes Noto CJK.
 */
const ZH_FONTS = { title: '方正小标宋简体', body: '仿宋_GB2312', heading1: '黑体', heading2: '楷体_GB2312', table: '仿宋_GB2312', tableHeader: '黑体', pageNumber: '宋体' } as const;
type FontRole = keyof typeof ZH_FONTS;
/** Latin text of the English report (the Chinese fonts stay for any Chinese in it, such as project names). */
const EN_LATIN: Record<FontRole, string> = {
  title: 'Times New Roman',
  body: 'Times New Roman',
  heading1: 'Arial',
  heading2: 'Times New Roman',
  table: 'Times New Roman',
  tableHeader: 'Arial',
  pageNumber: 'Times New Roman',
};

function font(role: FontRole, lang: Lang) {
  const latin = lang === 'zh' ? ZH_FONTS[role] : EN_LATIN[role];
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia: ZH_FONTS[role] };
}

const ONE_LINE = { line: LINE, lineRule: LineRuleType.EXACT };
/** 空两字: two characters of 三号 type (GB/T 9704 7.3.3: each paragraph starts two characters in). */
const TWO_CHARS = { firstLine: half(SIZE.body) * 20, firstLineChars: 200 };

/** Paragraph style ids; the headings are Word's own, so they appear in the navigation pane. */
const STYLE = { body: 'BodyText', signature: 'Signature', label: 'AttachmentLabel', tableTitle: 'AttachmentTitle', cell: 'TableText', note: 'TableNote' } as const;

function styles(lang: Lang) {
  const language = lang === 'zh' ? { value: 'zh-CN', eastAsia: 'zh-CN' } : { value: 'en-GB', eastAsia: 'zh-CN' };
  return {
    default: {
      document: { run: { font: font('body', lang), size: half(SIZE.body), language }, paragraph: { spacing: ONE_LINE } },
      // GB/T 9704 7.3.1: 标题 in 2号小标宋体, centred; a line left empty under it.
      title: {
        run: { font: font('title', lang), size: half(SIZE.title), bold: false, color: '000000' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { ...ONE_LINE, after: LINE } },
      },
      // 7.3.3: 第一层 黑体, 第二层 楷体, 第三层 仿宋 (bold here, as is the custom), all 三号 and two characters in.
      heading1: {
        run: { font: font('heading1', lang), size: half(SIZE.body), bold: false, color: '000000' },
        paragraph: { indent: TWO_CHARS, spacing: ONE_LINE, keepNext: true, keepLines: true },
      },
      heading2: {
        run: { font: font('heading2', lang), size: half(SIZE.body), bold: false, italics: false, color: '000000' },
        paragraph: { indent: TWO_CHARS, spacing: ONE_LINE, keepNext: true, keepLines: true },
      },
      // No narrative block is a third-level heading (its numbered items are body text): the style is there for
      // the clerk who adds one in Word.
      heading3: {
        run: { font: font('body', lang), size: half(SIZE.body), bold: true, italics: false, color: '000000' },
        paragraph: { indent: TWO_CHARS, spacing: ONE_LINE, keepNext: true, keepLines: true },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.body,
        name: 'Body Text',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: TWO_CHARS, spacing: ONE_LINE },
      },
      // 7.3.5: the issuer and the date at the right (how far in: signatureIndents); lines left empty above, for the seal.
      { id: STYLE.signature, name: 'Signature', basedOn: 'Normal', paragraph: { alignment: AlignmentType.RIGHT, spacing: ONE_LINE } },
      // 附件: "附表1" in 黑体 at the top left, the table's title centred under it.
      { id: STYLE.label, name: 'Attachment Label', basedOn: 'Normal', run: { font: font('heading1', lang) }, paragraph: { spacing: ONE_LINE } },
      {
        id: STYLE.tableTitle,
        name: 'Attachment Title',
        basedOn: 'Normal',
        run: { font: font('title', lang), size: half(SIZE.tableTitle) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { ...ONE_LINE, before: LINE / 2, after: LINE / 2 }, keepNext: true },
      },
      {
        id: STYLE.cell,
        name: 'Table Text',
        basedOn: 'Normal',
        run: { font: font('table', lang), size: half(SIZE.table) },
        paragraph: { spacing: { line: 300, lineRule: LineRuleType.AT_LEAST, before: 40, after: 40 } },
      },
      {
        id: STYLE.note,
        name: 'Table Note',
        basedOn: 'Normal',
        run: { font: font('table', lang), size: half(SIZE.note) },
        // Justified Chinese; English left-aligned (justified, its few long words leave wide gaps).
        paragraph: { alignment: lang === 'zh' ? AlignmentType.JUSTIFIED : AlignmentType.LEFT, spacing: { line: 280, lineRule: LineRuleType.AT_LEAST, before: 120 } },
      },
    ],
  };
}

/** A text's runs: a `\n` (the sheet's two-line headers) becomes a line break. */
function runs(text: string, options: { bold?: boolean; font?: ReturnType<typeof font>; size?: number } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));
}

/** GB/T 9704 7.5: 页码 in 4号 半角宋体 between two 一字线, odd pages at the right and even pages at the left, a character in. */
function pageNumberFooter(side: 'odd' | 'even', lang: Lang): Footer {
  const indent = half(SIZE.pageNumber) * 10; // one character of 四号
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: indent } : { left: indent },
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('pageNumber', lang), size: half(SIZE.pageNumber) })],
      }),
    ],
  });
}

const LINE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const TABLE_BORDERS = { top: LINE_BORDER, bottom: LINE_BORDER, left: LINE_BORDER, right: LINE_BORDER, insideHorizontal: LINE_BORDER, insideVertical: LINE_BORDER };

type Align = 'left' | 'center' | 'right';
interface CellText {
  text: string;
  align: Align;
}
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * Twips for each column across `width`: in proportion to the plan's widths, but never narrower than the
 * header's longest line at `size` points (a header broken inside a word reads badly); the columns that need
 * more take it from the others, in proportion.
 */
export function fitColumns(weights: number[], headers: string[], width: number, size: number): number[] {
  const padding = 120; // the cell margins (60 twips each side)
  const least = headers.map((h) => Math.ceil(Math.max(...h.split('\n').map(charWidth)) * size * 20) + padding); // a CJK glyph is `size` points wide
  const fixed = new Set<number>();
  for (;;) {
    const free = weights.reduce((sum, w, i) => (fixed.has(i) ? sum : sum + w), 0);
    const room = width - [...fixed].reduce((sum, i) => sum + least[i], 0);
    const widths = weights.map((w, i) => (fixed.has(i) ? least[i] : Math.floor((w / free) * room)));
    const short = widths.findIndex((w, i) => !fixed.has(i) && w < least[i]);
    if (short < 0 || fixed.size === weights.length - 1) return widths;
    fixed.add(short);
  }
}

/**
 * A bordered table of the plan's (header, body rows, total row: the same cells the report sheet holds), across
 * `width` twips. The header row repeats on each page it runs to, and no row is split across pages.
 */
function table(plan: ReportPlan, region: TableRegion, width: number, size: number, centred: (row: number, col: number) => boolean): Table {
  const { lang } = plan;
  const texts = (row: number): CellText[] => {
    const cells = planRow(plan, row)?.cells ?? [];
    return region.columns.map((c, i) => {
      const source = cells[c];
      const align: Align = !source || source.format === 'text' ? (centred(row, i) ? 'center' : 'left') : 'right';
      return { text: cellText(source), align };
    });
  };
  const headerCells = planRow(plan, region.header)?.cells ?? [];
  const header = region.columns.map((c) => cellText(headerCells[c]));
  const widths = fitColumns(region.widths, header, width, size);
  const cell = (content: CellText, i: number, kind: 'header' | 'body' | 'total') =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 60, right: 60 },
      children: [
        new Paragraph({
          style: STYLE.cell,
          alignment: ALIGN[content.align],
          children: runs(content.text, { size: half(size), ...(kind === 'header' ? { font: font('tableHeader', lang) } : { bold: kind === 'total' }) }),
        }),
      ],
    });
  const body: number[] = [];
  for (let r = region.first; r <= region.last; r++) body.push(r);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: TABLE_BORDERS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell({ text: h, align: 'center' }, i, 'header')) }),
      ...body.map((r) => new TableRow({ cantSplit: true, children: texts(r).map((c, i) => cell(c, i, 'body')) })),
      ...(region.total >= 0 ? [new TableRow({ cantSplit: true, children: texts(region.total).map((c, i) => cell(c, i, 'total')) })] : []),
    ],
  });
}

/** The attachment's heading: `附表1` at the top left, then the table's title centred. */
function attachmentHeading(which: keyof typeof ATTACHMENTS, lang: Lang, newPage: boolean): Paragraph[] {
  const { label, title } = ATTACHMENTS[which][lang];
  return [
    new Paragraph({ style: STYLE.label, pageBreakBefore: newPage, keepNext: true, children: runs(label) }),
    new Paragraph({ style: STYLE.tableTitle, children: runs(title) }),
  ];
}

/** 附表1 as the plan has it; the total row's label centred. */
function scoreTable(plan: ReportPlan, width: number): Table {
  const region = plan.regions.score;
  return table(plan, region, width, SIZE.table, (row, col) => row === region.total && col === 0);
}

/** 附表3 as the plan has it (其他 where the sheet shows it), in 五号 type; the grade centred. */
function selfScoreTable(plan: ReportPlan, region: TableRegion, width: number): Table {
  const grade = region.columns.length - 2;
  return table(plan, region, width, SIZE.wideTable, (_row, col) => col === grade);
}

/** 附表4 as the plan has it (上年结转 where the sheet shows it), in 五号 type; the total's label and the status centred. */
function summaryTable(plan: ReportPlan, width: number): Table {
  const region = plan.regions.summary;
  const status = region.columns.indexOf(region.named.status);
  return table(plan, region, width, SIZE.wideTable, (row, col) => (row === region.total && col === 0) || col === status);
}

/** Width in characters of 三号 type: a CJK or full-width glyph is one, a Latin letter or digit half. */
function charWidth(value: string): number {
  let width = 0;
  for (const ch of value) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.5;
  return width;
}

/**
 * GB/T 9704 7.3.1: a title that runs over a line breaks where the sense allows, the lines in a trapezoid. When
 * the department's name starts a title too long for one line, the break goes after the name.
 */
function titleText(title: string, department: string | null): string {
  const perLine = Math.floor((PAGE.width - MARGINS.left - MARGINS.right) / (SIZE.title * 20));
  if (!department || !title.startsWith(department) || charWidth(title) <= perLine || title === department) return title;
  return `${department}\n${title.slice(department.length)}`;
}

/**
 * GB/T 9704 7.3.5.1: the date four characters in from the right, the issuer's name centred over it. The last
 * signature line is the date; each line above is centred on it.
 */
function signatureIndents(narrative: readonly Block[]): Map<Block, number> {
  const lines = narrative.filter((b) => b.kind === 'signature');
  const indents = new Map<Block, number>();
  const date = lines[lines.length - 1];
  if (!date) return indents;
  const charTwips = half(SIZE.body) * 10;
  for (const line of lines) {
    const chars = Math.max(0, 4 + (charWidth(date.text) - charWidth(line.text)) / 2);
    indents.set(line, Math.round(chars * charTwips));
  }
  return indents;
}

function narrativeParagraph(block: Block, ev: Pick<Evaluation, 'department'>, lang: Lang, signatureIndent: number | undefined, firstSignature: boolean): Paragraph {
  switch (block.kind) {
    case 'title':
      return new Paragraph({ style: 'Title', children: runs(lang === 'zh' ? titleText(block.text, ev.department.name) : block.text) });
    case 'heading1':
      return new Paragraph({ style: 'Heading1', children: runs(block.text) });
    case 'heading2':
      return new Paragraph({ style: 'Heading2', children: runs(block.text) });
    case 'signature':
      // 正文下空一行 (and room for the seal) before the first signature line.
      return new Paragraph({
        style: STYLE.signature,
        indent: { right: signatureIndent ?? 0 },
        spacing: firstSignature ? { ...ONE_LINE, before: LINE * 2 } : undefined,
        children: runs(block.text),
      });
    case 'paragraph':
    default:
      return new Paragraph({ style: STYLE.body, children: runs(block.text) });
  }
}

/**
 * The .docx bytes of the report: `narrative` as the pipeline composed it (with any kept paragraphs), its tables
 * from the plan the report sheet is written from (`report`), the department's name for the title and author.
 */
export async function writeDocx(narrative: readonly Block[], report: ReportPlan, evaluation: Pick<Evaluation, 'department'>): Promise<Uint8Array> {
  const { lang } = report;
  const footers = { default: pageNumberFooter('odd', lang), even: pageNumberFooter('even', lang) };
  const portrait = {
    page: { size: { ...PAGE, orientation: PageOrientation.PORTRAIT }, margin: { ...MARGINS, header: mm(15), footer: mm(23) } },
  };
  const portraitWidth = PAGE.width - MARGINS.left - MARGINS.right;
  const landscapeWidth = PAGE.height - LANDSCAPE_MARGINS.left - LANDSCAPE_MARGINS.right;

  const indents = signatureIndents(narrative);
  const firstSignature = narrative.find((b) => b.kind === 'signature');
  const body = narrative.map((block) => narrativeParagraph(block, evaluation, lang, indents.get(block), block === firstSignature));
  const score = [
    ...attachmentHeading('score', lang, true),
    scoreTable(report, portraitWidth),
    new Paragraph({ style: STYLE.note, children: runs(report.regions.score.note) }),
  ];
  // 附表3, when there, before the summary on the same landscape paper, each on its page.
  const self = report.regions.selfScore;
  const selfScore = self
    ? [...attachmentHeading('selfScore', lang, false), selfScoreTable(report, self, landscapeWidth), new Paragraph({ style: STYLE.note, children: runs(self.note) })]
    : [];
  // The summary table is wide (9 or 10 columns): a landscape section of its own, where the names fit on a line.
  const summary: ISectionOptions = {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: { size: { ...PAGE, orientation: PageOrientation.LANDSCAPE }, margin: { ...LANDSCAPE_MARGINS, header: mm(12), footer: mm(14) } },
    },
    footers,
    children: [
      ...selfScore,
      ...attachmentHeading('summary', lang, self !== undefined),
      summaryTable(report, landscapeWidth),
      new Paragraph({ style: STYLE.note, children: runs(report.regions.summary.note) }),
    ],
  };
  const title = narrative.find((b) => b.kind === 'title')?.text ?? '';
  const doc = new Document({
    title,
    creator: evaluation.department.name ?? 'budget-eval',
    description: 'budget-eval',
    evenAndOddHeaderAndFooters: true,
    styles: styles(lang),
    sections: [{ properties: portrait, footers, children: [...body, ...score] }, summary],
  });
  return Packer.pack(doc, 'uint8array');
}
