/** @jest-environment jsdom */
// The pane's results for a workbook of forms (issue 9): per project with indicators, the 绩效自评 total by the rule
// beside the clerk's, in both languages; the project's name a link to its form's 项目名称 cell, on a sheet whose
// name Excel quotes (spaces, parentheses, an apostrophe); both cells of a duplicate links.
import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Lang } from '../../src/core/model';
import { runPipeline } from '../../src/core/pipeline';
import type { GenerateOutcome } from '../../src/gateways/host';
import { Findings } from '../../src/taskpane/components/Findings/Findings';
import { Results } from '../../src/taskpane/components/Results/Results';
import { STRINGS, StringsContext } from '../../src/taskpane/i18n';
import { nationalForm, sichuanForm } from '../core/forms/formSheets';
import { options, projectSheet, workbook } from '../core/snapshot';

const NATIONAL = '自评表 (1)';
const SICHUAN = "四川表（二）O'Neil";

/** 四川's 合计 得分 (J18) at 90: above the rule's 86.5. */
function sichuanAbove() {
  const form = sichuanForm(SICHUAN);
  const values = form.values.map((r) => [...r]);
  values[17][9] = 90;
  return { ...form, values };
}

function formsOutcome(lang: Lang): GenerateOutcome {
  // 国家表 by the rule: 9.5 + 19 + 14.25 + 13.5 + 30 + 10; 四川表: 7.5 + 45 + 24 (基本达成's top) + 10.
  const snapshot = workbook([nationalForm(NATIONAL), sichuanAbove(), projectSheet('项目支出', [['无指标项目', 100, 0, 100, 100]])]);
  const result = runPipeline(snapshot, options({ lang, style: 'trim' }));
  if (!result.ok) throw new Error('the forms should evaluate');
  return { ok: true, evaluation: result.evaluation, reportSheet: result.report.sheetName, highlight: 'rule', chart: false };
}

function show(lang: Lang, onSelect?: (reference: string) => void) {
  const outcome = formsOutcome(lang);
  render(
    <StringsContext.Provider value={STRINGS[lang]}>
      <Results result={{ kind: 'done', outcome }} onSelect={onSelect} selectError={null} headingRef={() => undefined} />
    </StringsContext.Provider>,
  );
  return outcome;
}

describe('the projects’ self-evaluation scores', () => {
  it('lists each project with indicators: the rule’s total beside the filed one, and says when the filed one is above (zh)', async () => {
    const selected: string[] = [];
    const outcome = show('zh', (reference) => selected.push(reference));
    if (!outcome.ok) throw new Error();
    const section = screen.getByRole('region', { name: '项目绩效自评得分（2 个）' });
    const items = within(section).getAllByRole('listitem');
    // The table project without indicators has no score to show.
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('219-池州市贵池区乡村道路项目 按规则 96.25 分，填报 95.5 分（满分 100 分）');
    expect(items[1]).toHaveTextContent('青神县义务教育保障项目 按规则 86.5 分，填报 90 分（满分 100 分）：填报得分高于按规则计算的得分，评审时可能被扣减');
    expect(items[0]).not.toHaveTextContent('高于');

    const user = userEvent.setup();
    await user.click(within(items[1]).getByRole('button', { name: '青神县义务教育保障项目' }));
    await user.click(within(items[0]).getByRole('button', { name: '219-池州市贵池区乡村道路项目' }));
    expect(selected).toEqual(["'四川表（二）O''Neil'!B3", "'自评表 (1)'!C3"]);
  });

  it('says the same in English', () => {
    show('en');
    const section = screen.getByRole('region', { name: 'Project self-evaluation scores (2)' });
    const items = within(section).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('by the rule 96.25, filed 95.5 (of 100)');
    expect(items[1]).toHaveTextContent('by the rule 86.5, filed 90 (of 100): the filed score is above the rule’s, and a reviewer may deduct');
  });

  it('is not shown when no project has indicators', () => {
    const outcome = formsOutcome('zh');
    if (!outcome.ok) throw new Error();
    const none = { ...outcome, evaluation: { ...outcome.evaluation, projects: outcome.evaluation.projects.map((p) => ({ ...p, indicators: [], selfScore: null })) } };
    render(<Results result={{ kind: 'done', outcome: none }} selectError={null} headingRef={() => undefined} />);
    expect(screen.queryByRole('region', { name: /项目绩效自评得分/ })).not.toBeInTheDocument();
  });

  it('has its words in both catalogues', () => {
    for (const lang of ['zh', 'en'] as const) {
      const s = STRINGS[lang];
      expect(s.selfScores(3)).toContain('3');
      expect(s.selfScore('1', '2', '100')).toMatch(/1.*2.*100/);
      expect(s.selfScore('1', '', '100')).not.toContain('undefined');
      expect(s.selfScoresHint.length).toBeGreaterThan(10);
      expect(s.selfScoreAbove.length).toBeGreaterThan(5);
    }
  });
});

describe('the cells of a duplicate', () => {
  it('links both: the table row the finding is at, and the form it names', async () => {
    const snapshot = workbook([nationalForm(NATIONAL), projectSheet('项目支出', [['池州市贵池区乡村道路项目', 100, 0, 100, 100]])]);
    const result = runPipeline(snapshot, options());
    if (!result.ok) throw new Error('should evaluate');
    const duplicate = result.evaluation.findings.filter((f) => f.code === 'form-table-duplicate');
    expect(duplicate).toHaveLength(1);
    const selected: string[] = [];
    render(<Findings findings={duplicate} onSelect={(reference) => selected.push(reference)} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '项目支出!B3' }));
    await user.click(screen.getByRole('button', { name: "'自评表 (1)'!C3" }));
    expect(selected).toEqual(['项目支出!B3', "'自评表 (1)'!C3"]);
    expect(screen.getByRole('listitem')).toHaveTextContent("另见 '自评表 (1)'!C3");
  });

  it('links a duplicate project’s first row beside its own (English)', () => {
    const snapshot = workbook([projectSheet('项目支出', [['甲', 100, 0, 100, 100], ['甲', 50, 0, 50, 50]])]);
    const result = runPipeline(snapshot, options({ lang: 'en' }));
    if (!result.ok) throw new Error('should evaluate');
    const duplicate = result.evaluation.findings.filter((f) => f.code === 'duplicate-project');
    render(
      <StringsContext.Provider value={STRINGS.en}>
        <Findings findings={duplicate} onSelect={() => undefined} />
      </StringsContext.Provider>,
    );
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['项目支出!B4', '项目支出!B3']);
    expect(screen.getByRole('listitem')).toHaveTextContent('See also 项目支出!B3');
  });
});
