// How each kind of report cell looks, in host-neutral terms: both gateways draw from this one table, so the
// report written by the command and the one written inside Excel look the same.
import type { Lang } from '../model';
import type { CellStyle, PlanCell } from './reportPlan';

export interface CellLook {
  font: string;
  /** Points. */
  size: number;
  bold: boolean;
  horizontal: 'left' | 'center' | 'right';
  vertical: 'top' | 'middle';
  wrap: boolean;
  /** Indent steps from the left border. */
  indent: number;
  /** RRGGBB, or null for none. */
  fill: string | null;
  /** RRGGBB, or null for the default. */
  color: string | null;
  border: boolean;
}

export const HEADER_FILL = 'DDEBF7';
export const HIGHLIGHT_FILL_RGB = 'FFE08A';
export const HIGHLIGHT_FONT_RGB = '7A4B00';
export const BORDER_RGB = '8C8C8C';

/** Chinese offices' fonts (Noto stands in where they are missing); Calibri for the English report. */
const FONTS: Record<Lang, { body: string; heading: string; caption: string }> = {
  zh: { body: '宋体', heading: '黑体', caption: '楷体' },
  en: { body: 'Calibri', heading: 'Calibri', caption: 'Calibri' },
};

const TYPE: Record<CellStyle, { family: 'body' | 'heading' | 'caption'; size: number; bold: boolean }> = {
  title: { family: 'heading', size: 16, bold: true },
  heading1: { family: 'heading', size: 12, bold: true },
  heading2: { family: 'caption', size: 12, bold: true },
  caption: { family: 'caption', size: 12, bold: true },
  paragraph: { family: 'body', size: 11, bold: false },
  signature: { family: 'body', size: 11, bold: false },
  sources: { family: 'body', size: 10, bold: false },
  note: { family: 'body', size: 10, bold: false },
  tableHeader: { family: 'body', size: 10, bold: true },
  tableTotal: { family: 'body', size: 10, bold: true },
  tableCell: { family: 'body', size: 10, bold: false },
  comparison: { family: 'caption', size: 10, bold: false },
};

/** Grey for what stands beside the report's own text: the 依据 cells, the text generated for comparison. */
export const ASIDE_RGB = '595959';

export function fontSize(style: CellStyle): number {
  return TYPE[style].size;
}

export function cellLook(cell: Pick<PlanCell, 'style' | 'format' | 'highlight'>, lang: Lang): CellLook {
  const type = TYPE[cell.style];
  const table = cell.style.startsWith('table');
  const text = cell.format === 'text';
  const horizontal = cell.style === 'title' || cell.style === 'tableHeader' ? 'center' : cell.style === 'signature' ? 'right' : text ? 'left' : 'right';
  return {
    font: FONTS[lang][type.family],
    size: type.size,
    bold: type.bold,
    horizontal,
    vertical: table ? 'middle' : 'top',
    wrap: text,
    // Text in a table starts a step in from the border: a right-aligned rate before it would touch it.
    indent: table && horizontal === 'left' ? 1 : 0,
    fill: cell.highlight ? HIGHLIGHT_FILL_RGB : cell.style === 'tableHeader' ? HEADER_FILL : null,
    color: cell.highlight ? HIGHLIGHT_FONT_RGB : cell.style === 'sources' || cell.style === 'comparison' ? ASIDE_RGB : null,
    border: table,
  };
}
