// The Word document's file name. Apart from writeDocx.ts so the hosts can name the file without loading the
// docx library (the pane loads it with import(), when the clerk asks for the document).
import type { Lang } from '../../core/model';

/** Characters Windows refuses in a file name, and control characters, made `_`. */
function safe(name: string): string {
  return Array.from(name, (ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
}

/** `预算表.xlsx` → `预算表.docx`: the browser page's download, named after the file the clerk opened. */
export function docxFileName(workbookName: string): string {
  const base = safe(workbookName);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return `${stem || 'workbook'}.docx`;
}

/**
 * In Excel: `<部门名称>自评报告.docx` (the department from the workbook's 部门信息), else after the workbook's own
 * name, else a plain `部门整体支出绩效自评报告.docx`.
 */
export function reportDocxName(department: string | null, workbookName: string | null, lang: Lang): string {
  const stem = safe(department ?? workbookName?.replace(/\.[^.]*$/, '') ?? '').trim();
  if (lang === 'en') return stem ? `${stem} self-evaluation report.docx` : 'Self-evaluation report.docx';
  return stem ? `${stem}自评报告.docx` : '部门整体支出绩效自评报告.docx';
}
