// Random damage to the forms never crashes the reader, and what it reads keeps its types (issue 9).
import fc from 'fast-check';
import type { CellValue, SheetSnapshot } from '../../../src/core/model';
import { parseWorkbook } from '../../../src/core/parse/parseWorkbook';
import { runPipeline } from '../../../src/core/pipeline';
import { options, workbook } from '../snapshot';
import { nationalForm, sichuanForm, splitForm } from './formSheets';

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  fc.constantFrom('≥95%', '—', '无', '合计', '总分', '项目名称', '一级指标', '三级指标', '产出指标（50分）', '其中：', '（元）', '达成', ''),
  fc.string({ maxLength: 8 }),
  fc.constant({ error: '#REF!' }),
  fc.constant({ invalid: '12abc' }),
  fc.constant(new Date(Date.UTC(2022, 5, 1))),
);

const edit = fc.record({ row: fc.nat(25), col: fc.nat(12), value: cell });

function damaged(base: SheetSnapshot, edits: { row: number; col: number; value: CellValue }[], formats: boolean): SheetSnapshot {
  const values = base.values.map((r) => [...r]);
  for (const e of edits) (values[e.row] ??= [])[e.col] = e.value;
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  return { ...base, values, numberFormats: formats ? base.numberFormats : undefined };
}

describe('forms under random damage', () => {
  it('never throw, and read indicators with texts and finite-or-null numbers', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), fc.constantFrom(0, 1, 2), fc.boolean(), (edits, which, formats) => {
        const base = [nationalForm, splitForm, sichuanForm][which]();
        const s = damaged(base, edits, formats);
        const { input } = parseWorkbook(workbook([s]), 'zh');
        for (const p of input.projects) {
          expect(Number.isFinite(p.adjustedBudget) && Number.isFinite(p.actual)).toBe(true);
          for (const i of p.indicators ?? []) {
            expect(typeof i.name === 'string' && typeof i.target === 'string' && typeof i.actual === 'string').toBe(true);
            for (const n of [i.points, i.score, i.level1Points]) expect(n === null || Number.isFinite(n)).toBe(true);
          }
        }
        runPipeline(workbook([s]), options());
      }),
      { numRuns: 300 },
    );
  });
});
