// The 评分设置 sheet: the optional 项目自评平均分 indicator and the indicator rule's settings in its 评分参数 table.
import { Grid } from '../../../src/core/parse/grid';
import { readScoreSheet } from '../../../src/core/parse/scoreSheet';
import type { Finding } from '../../../src/core/model';
import { sheet, type Row } from '../snapshot';

function read(indicators: Row[], params: Row[] = []) {
  const findings: Finding[] = [];
  const rows: Row[] = [['指标', '分值', '类型', '得分'], ...indicators, [], ...(params.length ? [['评分参数', '值'], ...params] : [])];
  const profile = readScoreSheet(new Grid(sheet('评分设置', rows)), 'zh', findings);
  return { profile, findings };
}

const BASE: Row[] = [['预算完成率', 100, '预算完成率']];

describe('项目自评平均分 as an indicator type', () => {
  it.each(['项目自评平均分', '项目绩效自评平均分', 'project-average'])('%s is read as project-average', (kind) => {
    const { profile, findings } = read([['预算完成率', 80, '预算完成率'], ['项目自评', 20, kind]]);
    expect(profile?.indicators[1]).toEqual({ name: '项目自评', points: 20, kind: 'project-average', manualScore: null, pointsCell: '评分设置!B3' });
    expect(findings).toEqual([]);
  });
});

describe('the indicator rule in the 评分参数 table', () => {
  it('overrides the default points, the qualitative edges and the far-above share', () => {
    const { profile, findings } = read(BASE, [
      ['产出指标默认分值', 40],
      ['效益指标默认分值', 40],
      ['项目预算执行率默认分值', 20],
      ['满意度指标分值', 0],
      ['定性指标“达成”最低得分比例', '90%'],
      ['定性指标“部分达成”最低得分比例', 0.5],
      ['完成值超出目标提示比例', 100],
    ]);
    expect(findings).toEqual([]);
    expect(profile?.indicatorRules).toEqual({
      points: { output: 40, effect: 40, execution: 20, satisfaction: 0 },
      bands: { met: [0.9, 1], partial: [0.5, 0.9], missed: [0, 0.5] },
      farAbove: 1,
    });
  });

  it('sets nothing when the table has none of them (the default profile’s rule stands)', () => {
    expect(read(BASE, [['预算完成率每低（个百分点）', 5]]).profile?.indicatorRules).toBeUndefined();
  });

  it('a bad value keeps the default, with a finding at its cell', () => {
    const { profile, findings } = read(BASE, [['产出指标默认分值', '50%'], ['效益指标默认分值', 35]]);
    expect(profile?.indicatorRules).toEqual({ points: { effect: 35 } });
    expect(findings).toMatchObject([{ code: 'score-setting', cell: '评分设置!B5', message: expect.stringContaining('“产出指标默认分值”应为 0 至 1000 之间的分数') }]);
  });

  it('edges out of order keep the default bands', () => {
    const { profile, findings } = read(BASE, [['定性指标“部分达成”最低得分比例', '85%']]);
    expect(profile?.indicatorRules).toBeUndefined();
    expect(findings).toMatchObject([{ code: 'score-setting', cell: '评分设置!B5', message: expect.stringContaining('应低于“达成”的 80%（默认）') }]);
  });
});
