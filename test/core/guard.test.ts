// The last guard against NaN and ±Infinity, now partly checked where the numbers are made (projectIsFinite in
// evaluate): a NaN or an Infinity planted at every numeric place of real evaluations (the sample's table rows,
// the forms' projects with their indicators, self-scores and form figures) is still caught, in the result and
// in the input handed to evaluate.
import * as fs from 'fs';
import * as path from 'path';
import { evaluate, nonFiniteNumbers, projectIsFinite } from '../../src/core/evaluate';
import { hasErrors } from '../../src/core/findings';
import type { BudgetInput, ProjectResult, RowSources } from '../../src/core/model';
import { isRowSources, sourcesOf } from '../../src/core/sources';
import { parseWorkbook } from '../../src/core/parse/parseWorkbook';
import { loadWorkbook } from '../../src/gateways/xlsx/readWorkbook';
import { options, sheet, workbook } from './snapshot';

const SAMPLES = ['sample-2021.xlsx', 'sample-forms.xlsx'].map((f) => path.join(__dirname, '..', '..', 'assets', f));

async function parsed(file: string): Promise<BudgetInput> {
  const { snapshot } = await loadWorkbook(fs.readFileSync(file), 'zh');
  const result = parseWorkbook(snapshot, 'zh');
  expect(hasErrors(result.findings)).toBe(false);
  return result.input;
}

/** Every path to a number in a value, as [key, key, …]. */
function numericPaths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof value === 'number') out.push(at);
  else if (Array.isArray(value)) value.forEach((v, i) => numericPaths(v, [...at, i], out));
  else if (value !== null && typeof value === 'object' && !(value instanceof Date)) for (const [k, v] of Object.entries(value)) numericPaths(v, [...at, k], out);
  return out;
}

function planted<T>(value: T, at: (string | number)[], bad: number): T {
  const copy = structuredClone(value);
  let target = copy as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[at[at.length - 1]] = bad;
  return copy;
}

describe('the non-finite guard, checked where the numbers are made', () => {
  let inputs: BudgetInput[];
  /** The samples' inputs as parsed, and a table with what they lack: fresh ones, since evaluate completes a parsed table's rows in place. */
  const parsedInputs = async (): Promise<BudgetInput[]> => {
    const all = await Promise.all(SAMPLES.map(parsed));
    // A row target (and its source cell) and a given rate, which the samples do not have.
    const header = ['序号', '项目名称', '年初预算数', '预算调整数', '调整后预算数', '上年结转', '实际支出数', '执行率目标', '执行率'];
    const rows = [['单位：万元'], header, [1, '甲', 100, 0, 100, 5, 90, 0.9, 0.9], [2, '乙', 50, 10, 60, 0, 30, '95%', '50%']];
    const table = parseWorkbook(workbook([sheet('项目支出', rows)]), 'zh');
    expect(hasErrors(table.findings)).toBe(false);
    all.push(table.input);
    return all;
  };
  beforeAll(async () => {
    inputs = await parsedInputs();
  });

  it('the samples have a number in every kind of place a project has', () => {
    const kinds = new Set(inputs.flatMap((input) => evaluate(input, options()).projects.flatMap((p) => numericPaths(p).map((at) => String(at[0])))));
    for (const kind of ['initialBudget', 'actual', 'target', 'givenRate', 'executionRate', 'adjustmentRate', 'denominator', 'effectiveTarget', 'location', 'sources', 'targetSource', 'indicators', 'selfScore', 'form']) {
      expect(kinds).toContain(kind);
    }
  });

  it('projectIsFinite is false for a NaN or an Infinity at every numeric path of every project', () => {
    let planted_ = 0;
    for (const input of inputs) {
      for (const project of evaluate(input, options()).projects) {
        expect(projectIsFinite(project)).toBe(true);
        for (const at of numericPaths(project)) {
          for (const bad of [NaN, Infinity, -Infinity]) {
            const p = planted<ProjectResult>(project, at, bad);
            if (projectIsFinite(p)) throw new Error(`${project.name}: ${bad} at ${at.join('.')} not caught`);
            planted_++;
          }
        }
      }
    }
    expect(planted_).toBeGreaterThan(300);
  });

  it('a field of the input the check does not know (more than the model has) is walked too', () => {
    const project = evaluate(inputs[0], options()).projects[0];
    expect(projectIsFinite({ ...project, location: { ...project.location, extra: NaN } } as ProjectResult)).toBe(false);
    // A table row's shared cells (RowSources), and a form's (AmountSources).
    expect(isRowSources(project.sources)).toBe(true);
    const row = (project.sources as RowSources).row;
    expect(projectIsFinite({ ...project, sources: { row: { ...row, other: { column: 'A', divisor: NaN, formula: true } } } } as unknown as ProjectResult)).toBe(false);
    expect(projectIsFinite({ ...project, sources: { row, other: NaN } } as unknown as ProjectResult)).toBe(false);
    expect(projectIsFinite({ ...project, sources: { ...sourcesOf(project), other: { ref: 'A1', divisor: NaN, formula: true } } } as unknown as ProjectResult)).toBe(false);
    expect(projectIsFinite({ ...project, sources: sourcesOf(project) })).toBe(true);
  });

  it('evaluate refuses (an error, never a clean evaluation) a NaN planted at any numeric place of a project it is given', async () => {
    // Inputs no evaluation has seen: their numbers are the input's only (evaluate's own fields are still unset).
    for (const input of await parsedInputs()) {
      const paths = input.projects.flatMap((p, i) => numericPaths(p).map((at) => ['projects', i, ...at]));
      expect(paths.length).toBeGreaterThan(20);
      for (const at of paths) {
        for (const bad of [NaN, Infinity]) {
          const ev = evaluate(planted(input, at, bad), options());
          if (!hasErrors(ev.findings)) throw new Error(`${bad} at ${at.join('.')}: no error; ${JSON.stringify(nonFiniteNumbers(ev))}`);
        }
      }
    }
  });

  it('the guard names the paths of what slipped through, as before', () => {
    const input = inputs[0];
    const at = ['projects', 1, 'location', 'row'];
    const ev = evaluate(planted(input, at, NaN), options());
    const guard = ev.findings.find((f) => f.code === 'invalid-number' && f.cell === null);
    expect(guard?.message).toContain('projects[1].location.row');
  });
});
