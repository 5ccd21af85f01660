// The report's record: the fingerprint of the data it was made from (stale or current), and the clerk's
// rewritten paragraphs, kept across regenerations.
import { planRows, type ReportPlan } from '../../src/core/compose/reportPlan';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/model';
import { runPipeline } from '../../src/core/pipeline';
import { fingerprintInput, legacyFingerprint } from '../../src/core/record/fingerprint';
import { checkFreshness } from '../../src/core/record/freshness';
import { formatKey, KEY_COLUMN, parseKey, paragraphHash, readReportRecord } from '../../src/core/record/reportRecord';
import { parseWorkbook } from '../../src/core/parse/parseWorkbook';
import { goldenWorkbook } from './golden';
import { nationalForm, sichuanForm } from './forms/formSheets';
import { options, projectSheet, sheet, workbook } from './snapshot';

const fingerprintOf = (snapshot: WorkbookSnapshot) => fingerprintInput(parseWorkbook(snapshot, 'zh').input);

/** A copy of the snapshot with one cell changed. */
function withCell(snapshot: WorkbookSnapshot, sheet: string, row: number, col: number, value: CellValue): WorkbookSnapshot {
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((s) => {
      if (s.name !== sheet) return s;
      const values = s.values.map((r) => [...r]);
      while (values.length <= row) values.push([]);
      values[row][col] = value;
      return { ...s, values };
    }),
  };
}

/** The report sheet as a host would read it back: the text column and the record column. */
function reportSheet(plan: ReportPlan): SheetSnapshot {
  const values: CellValue[][] = planRows(plan).map((row) => {
    const cells: CellValue[] = [];
    cells[0] = typeof row.cells[0]?.value === 'string' ? row.cells[0].value : null;
    return cells;
  });
  for (const key of plan.keys) values[key.row][KEY_COLUMN] = key.text;
  return { name: plan.sheetName, values, merges: [] };
}

/** The workbook after a Generate: the clerk's sheets plus the report (replacing an earlier one). */
function generated(snapshot: WorkbookSnapshot, plan: ReportPlan): WorkbookSnapshot {
  return { ...snapshot, sheets: [...snapshot.sheets.filter((s) => s.name !== plan.sheetName), reportSheet(plan)], toolSheets: [plan.sheetName] };
}

function generate(snapshot: WorkbookSnapshot) {
  const result = runPipeline(snapshot, options());
  if (!result.ok) throw new Error('not ok');
  return result;
}

describe('the fingerprint of the data', () => {
  const base = goldenWorkbook();
  const original = fingerprintOf(base);

  it('is a 64-digit hex digest, the same for the same data', () => {
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintOf(goldenWorkbook())).toBe(original);
  });

  it('changes when any number the report uses changes, by as little as a cent', () => {
    const projects = base.sheets.find((s) => s.name === '项目支出') as SheetSnapshot;
    const totals = base.sheets.find((s) => s.name === '部门支出') as SheetSnapshot;
    const seen = new Set([original]);
    // Every amount of every project (元: 1 is a cent of 万元's hundredth… 0.01 元 is the smallest) and of the totals table.
    for (let r = 3; r < 10; r++) {
      for (const c of [2, 3, 4, 5]) {
        const value = projects.values[r][c] as number;
        const changed = fingerprintOf(withCell(base, '项目支出', r, c, value + 0.01));
        expect(seen.has(changed)).toBe(false);
        seen.add(changed);
      }
    }
    for (let r = 3; r < 6; r++) {
      for (const c of [1, 2, 4]) {
        const changed = fingerprintOf(withCell(base, '部门支出', r, c, (totals.values[r][c] as number) + 0.01));
        expect(seen.has(changed)).toBe(false);
        seen.add(changed);
      }
    }
    expect(seen.size).toBe(1 + 7 * 4 + 3 * 3);
  });

  it('changes when a text the report uses changes: a name, an explanation, the department', () => {
    expect(fingerprintOf(withCell(base, '项目支出', 3, 1, '应急管理工作经费（改）'))).not.toBe(original);
    expect(fingerprintOf(withCell(base, '项目支出', 9, 9, '宣传活动延期。'))).not.toBe(original);
    expect(fingerprintOf(withCell(base, '部门信息', 2, 1, '另一个局'))).not.toBe(original);
  });

  it('does not change when only the layout or the form of a number changes', () => {
    // The same amount written as text with a thousands separator (a format, not a number, changed).
    expect(fingerprintOf(withCell(base, '项目支出', 3, 2, '1,800,000'))).toBe(original);
    // Rows inserted above the table: every cell moves, no figure changes.
    const moved = { ...base, sheets: base.sheets.map((s) => (s.name === '项目支出' ? { ...s, values: [[], [], ...s.values] } : s)) };
    expect(fingerprintOf(moved)).toBe(original);
    // A note typed beside the tables, outside anything the report reads.
    expect(fingerprintOf(withCell(base, '项目支出', 20, 14, '备注：已核对'))).toBe(original);
  });
});

describe('the fingerprint and the 评分设置 sheet', () => {
  const scoring = (rows: CellValue[][]): SheetSnapshot => ({ name: '评分设置', values: rows, merges: [] });
  const table = (handScore: number | null): CellValue[][] => [
    ['指标', '分值', '类型', '得分'],
    ['预算完成率', 20, '预算完成率', null],
    ['预算编制科学性', 10, '人工评分', handScore],
  ];
  const withSheet = (sheet: SheetSnapshot) => ({ ...goldenWorkbook(), sheets: [...goldenWorkbook().sheets, sheet] });

  it('changes with a hand score, not with where the table sits', () => {
    const base = fingerprintOf(withSheet(scoring(table(8))));
    expect(fingerprintOf(withSheet(scoring(table(9))))).not.toBe(base);
    expect(fingerprintOf(withSheet(scoring(table(null))))).not.toBe(base);
    expect(fingerprintOf(withSheet(scoring([[], [], ...table(8)])))).toBe(base);
  });
});

describe('the fingerprint of forms and indicators (issue 9)', () => {
  // Stored from main before forms and indicators joined the fingerprint: in version 1 (what reports recorded until
  // version 2), a workbook with neither must digest exactly as it did, so that the reports made before stay current.
  it('is unchanged in version 1 for a workbook with no forms and no indicators', () => {
    const legacyOf = (snapshot: WorkbookSnapshot) => legacyFingerprint(parseWorkbook(snapshot, 'zh').input);
    expect(legacyOf(goldenWorkbook())).toBe('fa0280ffbb392ee794c11db7f00c80571741db3bbd3c65be82f7658b10869c5e');
    const scoring = { name: '评分设置', values: [['指标', '分值', '类型', '得分'], ['预算完成率', 20, '预算完成率', null], ['预算编制科学性', 10, '人工评分', 8]], merges: [] };
    expect(legacyOf({ ...goldenWorkbook(), sheets: [...goldenWorkbook().sheets, scoring] })).toBe('1eb73d904477d013e5fa4557e19b1016c96a1361722367847b23d1f79044d7ba');
  });

  const forms = () => workbook([nationalForm('自评表 (1)'), sichuanForm('自评表 (2)')]);
  const formsPrint = fingerprintOf(forms());

  it('changes with a clerk’s indicator 得分, actual, target, points or reason in a form', () => {
    expect(formsPrint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintOf(forms())).toBe(formsPrint);
    // 自评表 (1): the 道路建设长度 row (13) — 实际完成值 F, 分值 G, 得分 H, 偏差原因 I; 年度指标值 E.
    for (const [col, value] of [[7, 18], [5, '9.6公里'], [4, '≥11公里'], [6, 21], [8, '雨季与汛期影响']] as const) {
      expect(fingerprintOf(withCell(forms(), '自评表 (1)', 12, col, value))).not.toBe(formsPrint);
    }
    // A blank 得分 is not a zero: the clerk's score is gone.
    expect(fingerprintOf(withCell(forms(), '自评表 (1)', 12, 7, null))).not.toBe(formsPrint);
  });

  it('changes with a form’s own figures and texts: its execution 得分, 总分, 存在问题, 改进措施', () => {
    expect(fingerprintOf(withCell(forms(), '自评表 (1)', 5, 7, 9))).not.toBe(formsPrint); // 年度资金总额's 得分
    expect(fingerprintOf(withCell(forms(), '自评表 (1)', 17, 7, 96))).not.toBe(formsPrint); // 总分's 得分
    expect(fingerprintOf(withCell(forms(), '自评表 (2)', 19, 1, '进度偏慢，资金拨付滞后'))).not.toBe(formsPrint); // 存在问题
    expect(fingerprintOf(withCell(forms(), '自评表 (2)', 20, 1, '加快进度'))).not.toBe(formsPrint); // 改进措施 (was 无)
  });

  it('stays the same when only layout changes: a note beside the form, the form’s sheet renamed', () => {
    expect(fingerprintOf(withCell(forms(), '自评表 (1)', 40, 12, '备注：已核对'))).toBe(formsPrint);
    const renamed = workbook([nationalForm('甲表'), sichuanForm('乙表')]);
    expect(fingerprintOf(renamed)).toBe(formsPrint);
  });

  it('changes with a row of the 绩效指标 sheet (an edited 得分), and a table project gains one entry only with indicators', () => {
    const header = ['项目名称', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '实际完成值', '分值', '得分', '偏差原因'];
    const table = projectSheet('项目支出', [['甲项目', 100, 0, 100, 90]]);
    const bare = fingerprintOf(workbook([table]));
    const withIndicators = (score: number) => workbook([table, sheet('绩效指标', [header, ['甲项目', '产出指标', '数量指标', '培训人次', '≥', 100, '人次', 90, 50, score, '场地不足']])]);
    expect(fingerprintOf(withIndicators(45))).not.toBe(bare);
    expect(fingerprintOf(withIndicators(46))).not.toBe(fingerprintOf(withIndicators(45)));
    // A 绩效指标 row naming no project is left out of the report: not of the fingerprint either.
    const unknown = workbook([table, sheet('绩效指标', [header, ['无此项目', '产出指标', '数量指标', '培训人次', '≥', 100, '人次', 90, 50, 45, null]])]);
    expect(fingerprintOf(unknown)).toBe(bare);
  });

  it('makes a forms report stale when a clerk edits a 得分, and current again when it is put back', () => {
    const first = generate(forms());
    const after = generated(forms(), first.report);
    expect(checkFreshness(after, 'zh')).toMatchObject({ status: 'current', fingerprint: first.fingerprint });
    const edited = withCell(after, '自评表 (1)', 12, 7, 20);
    expect(checkFreshness(edited, 'zh')).toMatchObject({ status: 'stale', reports: [{ status: 'stale', recorded: first.fingerprint }] });
    expect(checkFreshness(withCell(edited, '自评表 (1)', 12, 7, 19), 'zh').status).toBe('current');
  });
});

describe('stale or current', () => {
  it('a fresh report is current; a changed source number makes it stale; changing it back makes it current', () => {
    const base = goldenWorkbook();
    const first = generate(base);
    const after = generated(base, first.report);
    expect(checkFreshness(after, 'zh')).toMatchObject({ status: 'current', fingerprint: first.fingerprint });
    const edited = withCell(after, '项目支出', 4, 5, 2250000);
    expect(checkFreshness(edited, 'zh')).toMatchObject({ status: 'stale', reports: [{ sheet: '绩效自评报告', status: 'stale', recorded: first.fingerprint }] });
    expect(checkFreshness(withCell(edited, '项目支出', 4, 5, 2240600), 'zh').status).toBe('current');
  });

  it('a report that recorded the version-1 fingerprint is current while its data is unchanged, stale once it changes', () => {
    const base = goldenWorkbook();
    const plan = generate(base).report;
    const v1 = legacyFingerprint(parseWorkbook(base, 'zh').input);
    expect(v1).not.toBe(fingerprintOf(base));
    const made = generated(base, { ...plan, keys: plan.keys.map((k) => (k.row === 0 ? { ...k, text: formatKey({ kind: 'fingerprint', fingerprint: v1 }) } : k)) });
    expect(checkFreshness(made, 'zh')).toMatchObject({ status: 'current', fingerprint: fingerprintOf(base), reports: [{ status: 'current', recorded: v1 }] });
    expect(checkFreshness(withCell(made, '项目支出', 4, 5, 2250000), 'zh')).toMatchObject({ status: 'stale', reports: [{ status: 'stale', recorded: v1 }] });
  });

  it('a workbook without a fingerprinted report: none', () => {
    expect(checkFreshness(goldenWorkbook(), 'zh')).toEqual({ status: 'none', fingerprint: null, reports: [] });
    const base = goldenWorkbook();
    const plan = generate(base).report;
    const oldStyle = generated(base, { ...plan, keys: [] });
    expect(checkFreshness(oldStyle, 'zh')).toMatchObject({ status: 'none', reports: [{ status: 'unknown' }] });
  });

  it('data that no longer parses matches no report: stale', () => {
    const base = goldenWorkbook();
    const after = generated(base, generate(base).report);
    expect(checkFreshness(withCell(after, '项目支出', 4, 5, '两百万'), 'zh')).toMatchObject({ status: 'stale', fingerprint: null });
  });
});

describe('the record column', () => {
  it('round-trips its keys and ignores text that is not one', () => {
    const keys = [
      { kind: 'fingerprint', fingerprint: 'a'.repeat(64) },
      { kind: 'paragraph', id: '4.0.2', hash: '0123456789abcdef' },
      { kind: 'fresh', id: '4.0.2' },
    ] as const;
    for (const key of keys) expect(parseKey(formatKey(key))).toEqual(key);
    for (const text of ['', 'budget-eval', 'budget-eval:p:1.1:xyz', 'budget-eval:fingerprint:abc', 'hello']) expect(parseKey(text)).toBeNull();
  });

  it('line ends and edge spaces are not edits', () => {
    expect(paragraphHash('一\r\n二 ')).toBe(paragraphHash('一\n二'));
    expect(paragraphHash('一二')).not.toBe(paragraphHash('一 二'));
  });
});

describe('kept edits', () => {
  const MINE = '1.我们将逐月通报各项目支付进度，由分管领导督办执行率低于目标的项目。';

  /** Regenerates after the clerk rewrote the first paragraph under 四、下一步改进措施. */
  function rewriteAndRegenerate(base: WorkbookSnapshot, change: (s: WorkbookSnapshot) => WorkbookSnapshot = (s) => s) {
    const first = generate(base);
    const after = generated(base, first.report);
    const report = after.sheets.find((s) => s.name === first.report.sheetName) as SheetSnapshot;
    const row = report.values.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith('1.针对'));
    expect(row).toBeGreaterThan(0);
    const edited = change(withCell(after, first.report.sheetName, row, 0, MINE));
    return { first, edited, second: generate(edited) };
  }

  it('keeps the rewritten paragraph, puts the text generated now under it, and says which it kept', () => {
    const { first, second } = rewriteAndRegenerate(goldenWorkbook());
    const texts = planRows(second.report).map((r) => r.cells[0]?.value);
    const at = texts.indexOf(MINE);
    expect(at).toBeGreaterThan(0);
    const fresh = first.narrative.find((b) => b.kind === 'paragraph' && b.text.startsWith('1.针对'));
    expect(String(texts[at + 1])).toContain('供对照');
    expect(String(texts[at + 1])).toContain(fresh?.text);
    expect(second.kept).toEqual([{ id: '4.0.1', block: expect.any(Number), heading: '四、下一步改进措施', ordinal: 1, cell: `绩效自评报告!A${at + 1}` }]);
    const finding = second.findings.find((f) => f.code === 'kept-edit');
    expect(finding).toMatchObject({ severity: 'info', cell: `绩效自评报告!A${at + 1}` });
    expect(finding?.message).toContain('四、下一步改进措施 第 1 段');
    // The narrative handed to the Word export carries the clerk's text too.
    expect(second.narrative.some((b) => b.kind === 'paragraph' && b.text === MINE && b.fresh === fresh?.text)).toBe(true);
  });

  it('regenerates the paragraphs the clerk did not touch, with the new figures', () => {
    // 三防抢险工作经费 spends 2,280,000 元 instead of 2,240,600: its sentence changes; the clerk's stays.
    const { second } = rewriteAndRegenerate(goldenWorkbook(), (s) => withCell(s, '项目支出', 4, 5, 2280000));
    const texts = planRows(second.report).map((r) => String(r.cells[0]?.value ?? ''));
    expect(texts.some((t) => t.startsWith('2、三防抢险工作经费') && t.includes('使用 228.00万元'))).toBe(true);
    expect(texts).toContain(MINE);
    expect(second.kept).toHaveLength(1);
  });

  it('keeps it again on the next regeneration, without piling up comparison rows', () => {
    const { edited, second } = rewriteAndRegenerate(goldenWorkbook());
    const third = generate(generated(edited, second.report));
    const texts = planRows(third.report).map((r) => String(r.cells[0]?.value ?? ''));
    expect(texts.filter((t) => t === MINE)).toHaveLength(1);
    // The comparison rows (the kept-edit finding in 附表2 says 供对照 too).
    expect(texts.filter((t) => t.startsWith('【以上为您修改过的段落'))).toHaveLength(1);
    expect(third.kept.map((k) => k.id)).toEqual(['4.0.1']);
  });

  it('an untouched report is regenerated whole: nothing kept', () => {
    const base = goldenWorkbook();
    const first = generate(base);
    const second = generate(generated(base, first.report));
    expect(second.kept).toEqual([]);
    expect(second.findings.some((f) => f.code === 'kept-edit')).toBe(false);
    expect(planRows(second.report).map((r) => r.cells[0]?.value)).toEqual(planRows(first.report).map((r) => r.cells[0]?.value));
  });

  it('a rewritten project sentence stays with its project when the list above it changes', () => {
    const base = goldenWorkbook();
    const first = generate(base);
    const after = generated(base, first.report);
    const report = after.sheets.find((s) => s.name === first.report.sheetName) as SheetSnapshot;
    const row = report.values.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith('（2）总值班室'));
    const mine = '（2）总值班室工作经费执行率 92.03%，主要因值班设备采购改为下年度实施。';
    // 三防抢险 reaches its target: the under-target list loses its first line, 总值班室 moves up to （1）.
    const edited = withCell(withCell(after, first.report.sheetName, row, 0, mine), '项目支出', 4, 5, 2300000 + 78800);
    const second = generate(edited);
    expect(second.kept).toHaveLength(1);
    const texts = planRows(second.report).map((r) => String(r.cells[0]?.value ?? ''));
    const at = texts.indexOf(mine);
    expect(texts[at + 1]).toContain('（1）总值班室工作经费');
    expect(second.findings.find((f) => f.code === 'kept-edit')?.message).toContain('三、存在的主要问题 第 2 段');
  });

  it('a rewritten paragraph whose place is gone is kept before the signature', () => {
    const base = goldenWorkbook();
    const first = generate(base);
    const after = generated(base, first.report);
    const report = after.sheets.find((s) => s.name === first.report.sheetName) as SheetSnapshot;
    // The third under-target line in 三、: no longer there once that project reaches its target.
    const row = report.values.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith('（3）'));
    const mine = '（3）宣传教育中心已于次年一季度完成支付。';
    const edited = withCell(withCell(after, first.report.sheetName, row, 0, mine), '项目支出', 9, 5, 216850);
    const second = generate(edited);
    expect(second.kept).toEqual([expect.objectContaining({ heading: null })]);
    const texts = planRows(second.report).map((r) => String(r.cells[0]?.value ?? ''));
    const at = texts.indexOf(mine);
    expect(texts[at + 1]).toContain('已没有与之对应的段落');
    expect(texts[at + 2]).toBe('广州市荔湾区应急管理局');
  });

  it('reads the record of a report: fingerprint and paragraphs, edited or not', () => {
    const base = goldenWorkbook();
    const first = generate(base);
    const record = readReportRecord(reportSheet(first.report));
    expect(record.fingerprint).toBe(first.fingerprint);
    expect(record.paragraphs.length).toBe(first.narrative.filter((b) => b.kind === 'paragraph').length);
    expect(record.paragraphs.every((p) => !p.edited)).toBe(true);
  });
});

describe('paragraphs the clerk adds', () => {
  const MINE = '此外，本局将于明年一季度组织开展预算执行专项检查。';

  /** The workbook with a row of text inserted in the report sheet at `at` (0-based), as Excel's Insert row does. */
  function insertRow(snapshot: WorkbookSnapshot, sheet: string, at: number, text: string): WorkbookSnapshot {
    return {
      ...snapshot,
      sheets: snapshot.sheets.map((s) => (s.name === sheet ? { ...s, values: [...s.values.slice(0, at), [text], ...s.values.slice(at)] } : s)),
    };
  }

  function rowOf(snapshot: WorkbookSnapshot, sheet: string, starts: string): number {
    const values = (snapshot.sheets.find((s) => s.name === sheet) as SheetSnapshot).values;
    return values.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith(starts));
  }

  it('a paragraph inserted under another is kept there, says so, and has no comparison row', async () => {
    const base = goldenWorkbook();
    const first = generate(base);
    const after = generated(base, first.report);
    const below = rowOf(after, '绩效自评报告', '1.针对') + 1;
    const second = generate(insertRow(after, '绩效自评报告', below, MINE));
    const texts = planRows(second.report).map((r) => String(r.cells[0]?.value ?? ''));
    const at = texts.indexOf(MINE);
    expect(texts[at - 1]).toMatch(/^1\.针对/);
    expect(texts[at + 1]).toMatch(/^2\.提高/);
    expect(second.kept).toEqual([{ id: null, block: expect.any(Number), heading: '四、下一步改进措施', ordinal: 2, cell: `绩效自评报告!A${at + 1}` }]);
    expect(second.findings.find((f) => f.code === 'kept-addition')?.message).toBe('保留了您在报告中添加的段落（四、下一步改进措施 第 2 段）。');
    expect(second.findings.some((f) => f.code === 'kept-edit')).toBe(false);

    // And again on the next regeneration, once.
    const third = generate(generated(base, second.report));
    const again = planRows(third.report).map((r) => String(r.cells[0]?.value ?? ''));
    expect(again.filter((t) => t === MINE)).toHaveLength(1);
    expect(again[again.indexOf(MINE) - 1]).toMatch(/^1\.针对/);
  });

  it('a paragraph inserted right under a heading stays under it, before the generated ones', () => {
    const base = goldenWorkbook();
    const after = generated(base, generate(base).report);
    const heading = rowOf(after, '绩效自评报告', '三、存在的主要问题');
    const second = generate(insertRow(after, '绩效自评报告', heading + 1, MINE));
    const texts = planRows(second.report).map((r) => String(r.cells[0]?.value ?? ''));
    expect(texts[texts.indexOf(MINE) - 1]).toBe('三、存在的主要问题');
  });

  it('text typed into the tables below the narrative is not taken for a paragraph', () => {
    const base = goldenWorkbook();
    const first = generate(base);
    const after = generated(base, first.report);
    const caption = rowOf(after, '绩效自评报告', '附表2');
    const second = generate(insertRow(after, '绩效自评报告', caption + 1, '（表内备注）'));
    expect(second.kept).toEqual([]);
  });

  it('a report without its end mark (made before it existed): nothing is taken for the clerk’s own', () => {
    const base = goldenWorkbook();
    const plan = generate(base).report;
    const old = generated(base, { ...plan, keys: plan.keys.filter((k) => k.text !== 'budget-eval:end') });
    const below = rowOf(old, '绩效自评报告', '1.针对') + 1;
    expect(generate(insertRow(old, '绩效自评报告', below, MINE)).kept).toEqual([]);
  });
});

describe('依据 of the thresholds', () => {
  it('a sentence citing the target or the explain-below threshold names the cell it came from, not a setting', () => {
    const base = goldenWorkbook();
    const fromWorkbook = runPipeline(base, options());
    if (!fromWorkbook.ok) throw new Error('not ok');
    const paragraph = (r: typeof fromWorkbook, starts: string) => r.narrative.find((b) => b.kind === 'paragraph' && b.text.startsWith(starts));
    expect(paragraph(fromWorkbook, '本部门整体预算完成率')).toMatchObject({ sources: expect.arrayContaining(['部门信息!B6']) });
    expect(paragraph(fromWorkbook, '（1）三防抢险工作经费')).toMatchObject({ sources: expect.arrayContaining(['部门信息!B6']) });
    expect(paragraph(fromWorkbook, '2.提高预算编制')).toMatchObject({ sources: ['部门信息!B7'] });
    // A target set in the pane or on the command line is a setting: no cell to cite.
    const fromSetting = runPipeline(base, options({ target: 0.9, explainBelow: 0.8 }));
    if (!fromSetting.ok) throw new Error('not ok');
    expect(paragraph(fromSetting, '本部门整体预算完成率')).toMatchObject({ sources: expect.not.arrayContaining(['部门信息!B6']) });
    expect(paragraph(fromSetting, '2.提高预算编制')).toMatchObject({ sources: [] });
  });
});
