// The seed department's fiscal-2021 workbook (as scripts/make-samples.ts lays it out), as a snapshot:
// 部门信息, 部门支出 in 万元, 项目支出 in 元 with formulas' cached results as plain values.
import type { CellValue, WorkbookSnapshot } from '../../src/core/model';
import { sheet, workbook, type Row } from './snapshot';

const PROJECTS: [string, number, number, number][] = [
  ['应急管理工作经费', 1800000, 102700, 1902700],
  ['三防抢险工作经费', 2300000, 78800, 2240600],
  ['专职安监员人员经费', 1260000, 0, 1260000],
  ['自然灾害综合风险普查工作经费', 300000, 87500, 385000],
  ['应急指挥救援工作经费（人员经费）', 140000, 0, 140000],
  ['总值班室工作经费', 180000, -11800, 154800],
  ['安全生产宣传教育中心工作经费', 216850, 0, 191500],
];

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function goldenWorkbook(reasons: Record<string, string> = {}): WorkbookSnapshot {
  const info = sheet(
    '部门信息',
    [
      ['2021年度部门整体支出绩效自评基础信息'],
      [],
      ['部门名称', '广州市荔湾区应急管理局'],
      ['年度', 2021],
      ['金额单位', '万元'],
      ['执行率目标', 0.95],
      ['说明阈值', 0.9],
      ['部门职责', '统筹协调全区安全生产类、自然灾害类突发事件的应急处置。'],
      ['年度工作', '压紧压实安全生产责任。'],
      ['绩效管理情况', '年初为部门预算及各项目设定了绩效目标。'],
      ['下属单位', '广州市荔湾区应急管理局本级'],
      [],
      ['说明', '本示例的金额与执行率取自该局2021年度部门整体支出绩效自评报告。'],
    ],
    ['A1:B1'],
  );

  const categories: [string, number, number, number][] = [
    ['基本支出', 1602.685, 22.31, 1563.03],
    ['项目支出', 619.685, 25.72, 627.46],
  ];
  const totalsRows: Row[] = categories.map(([name, initial, adjustment, actual]) => {
    const adjusted = round6(initial + adjustment);
    return [name, initial, adjustment, adjusted, actual, actual / adjusted];
  });
  const sum = (i: number) => round6(totalsRows.reduce((s, r) => s + (r[i] as number), 0));
  const totals = sheet(
    '部门支出',
    [
      ['2021年度部门整体支出情况表'],
      ['单位：万元'],
      ['支出类别', '年初预算数', '预算调整数', '调整后预算数', '实际支出数', '执行率'],
      ...totalsRows,
      ['合计', sum(1), sum(2), sum(3), sum(4), sum(4) / sum(3)],
    ],
    ['A1:F1'],
  );

  const projectRows: Row[] = PROJECTS.map(([name, initial, adjustment, actual], i) => {
    const adjusted = initial + adjustment;
    return [i + 1, name, initial, adjustment, adjusted, actual, actual / adjusted, `${name}支出`, '完成了年度目标。', reasons[name] ?? null];
  });
  const column = (i: number): CellValue => projectRows.reduce((s, r) => s + (r[i] as number), 0);
  const projects = sheet(
    '项目支出',
    [
      ['2021年度项目支出绩效情况表'],
      ['单位：元'],
      ['序号', '项目名称', '年初预算数', '预算调整数', '调整后预算数', '实际支出数', '执行率', '资金用途', '绩效目标完成情况', '偏差原因'],
      ...projectRows,
      [null, '合计', column(2), column(3), column(4), column(5), (column(5) as number) / (column(4) as number)],
      [],
      ['填报说明：金额单位为元；执行率 = 实际支出数 ÷ 调整后预算数。示例数据仅作演示。'],
      ['制表人：', null, null, null, '审核人：'],
    ],
    ['A1:J1'],
  );
  return workbook([info, totals, projects]);
}
