// The forms and 绩效指标 sheets of a workbook, and how they join the rest: the form wins over a table row of the
// same project, a 绩效指标 row joins its project by name, and the department's name, year and units fall back to
// what the forms say.
import { inBoth } from '../../wording';
import { makeFinding } from '../../findings';
import type { DepartmentInfo, Finding, Lang, ProjectInput } from '../../model';
import type { Grid } from '../grid';
import { readIndicatorSheet, type IndicatorSheet } from './indicatorSheet';
import { nameKey } from '../../names';
import { findFormTitle, readForm } from './readForm';

export interface FormsRead {
  /** Sheets holding a form or indicator rows: not scanned for tables nor for the information block. */
  sheets: Set<string>;
  projects: ProjectInput[];
  indicatorSheets: IndicatorSheet[];
}

export function readForms(grids: Grid[], lang: Lang, findings: Finding[], maxAmountYuan = Infinity): FormsRead {
  const sheets = new Set<string>();
  const projects: ProjectInput[] = [];
  const indicatorSheets: IndicatorSheet[] = [];
  for (const grid of grids) {
    const title = findFormTitle(grid);
    const form = title ? readForm(grid, title, lang, findings, maxAmountYuan) : 'not-a-form';
    if (form !== 'not-a-form') {
      sheets.add(grid.name);
      if (form) projects.push(form.project);
      continue;
    }
    const indicators = readIndicatorSheet(grid, lang, findings);
    if (indicators) {
      sheets.add(grid.name);
      indicatorSheets.push(indicators);
    }
  }
  return { sheets, projects, indicatorSheets };
}

/** Table rows without the projects a form already gives (the form wins; the warning names both cells). */
export function withoutFormProjects(rows: ProjectInput[], forms: ProjectInput[], lang: Lang, findings: Finding[]): ProjectInput[] {
  if (forms.length === 0) return rows;
  const byKey = new Map<string, ProjectInput>();
  for (const form of forms) if (!byKey.has(nameKey(form.name))) byKey.set(nameKey(form.name), form);
  return rows.filter((row) => {
    const form = byKey.get(nameKey(row.name));
    if (!form) return true;
    findings.push(makeFinding('form-table-duplicate', row.cell, lang, { name: row.name, form: form.cell, table: row.cell }));
    return false;
  });
}

/** Each 绩效指标 row joins its project (the first of that name); a row naming none is reported and left out. */
export function linkIndicators(projects: ProjectInput[], sheets: IndicatorSheet[], lang: Lang, findings: Finding[]): void {
  if (sheets.length === 0) return;
  const byKey = new Map<string, ProjectInput>();
  for (const p of projects) if (!byKey.has(nameKey(p.name))) byKey.set(nameKey(p.name), p);
  const reported = new Set<string>();
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      const project = row.project === '' ? undefined : byKey.get(nameKey(row.project));
      if (project) {
        (project.indicators ??= []).push(row.indicator);
        continue;
      }
      // Once per project cell: a project of twenty indicator rows is one mistake.
      const cell = row.projectCell ?? row.indicator.cell;
      if (reported.has(cell)) continue;
      reported.add(cell);
      findings.push(makeFinding('indicator-unknown-project', cell, lang, { name: row.project, indicator: row.indicator.name }));
    }
  }
}

/** The most frequent value (the first seen on a tie) and the others with the cells that give them. */
function mostFrequent<T>(entries: { value: T; cell: string }[]): { value: T; others: { value: T; cell: string }[] } | null {
  if (entries.length === 0) return null;
  const counts = new Map<T, number>();
  for (const e of entries) counts.set(e.value, (counts.get(e.value) ?? 0) + 1);
  let best = entries[0].value;
  for (const [value, count] of counts) if (count > counts.get(best)!) best = value;
  return { value: best, others: entries.filter((e) => e.value !== best) };
}

/**
 * The department's name and year from the forms (主管部门; the year in the title) when the information block
 * gives none, the most frequent when they disagree (with a warning naming the others); 实施单位 fill the units list.
 */
export function fillInfoFromForms(info: DepartmentInfo, forms: ProjectInput[], lang: Lang, findings: Finding[]): void {
  const take = <T extends string | number>(what: 'department' | 'year', entries: { value: T; cell: string }[]): T | null => {
    const picked = mostFrequent(entries);
    if (!picked) return null;
    if (picked.others.length > 0) {
      findings.push(
        makeFinding('form-info-mismatch', picked.others[0].cell, lang, {
          what,
          used: String(picked.value),
          others: inBoth((w) => picked.others.map((o) => `${o.value}（${o.cell}）`).join(w.listSeparator)),
        }),
      );
    }
    return picked.value;
  };
  if (info.name === null) {
    info.name = take(
      'department',
      forms.flatMap((p) => (p.form?.department ? [{ value: p.form.department, cell: p.form.departmentCell ?? p.cell }] : [])),
    );
  }
  if (info.year === null) {
    info.year = take('year', forms.flatMap((p) => (p.form?.year ? [{ value: p.form.year, cell: p.cell }] : [])));
  }
  if (info.unitsIncluded === null) {
    const units = [...new Set(forms.flatMap((p) => (p.form?.unit ? [p.form.unit] : [])))];
    if (units.length > 0) info.unitsIncluded = units.join('、');
  }
}
