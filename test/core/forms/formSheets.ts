// The three layouts of 项目支出绩效自评表 as the tests write them: cells, merges and number formats.
import { parseRange } from '../../../src/core/address';
import type { SheetSnapshot } from '../../../src/core/model';
import { sheet, type Row } from '../snapshot';

/** Number formats by A1 address, as a gateway gives them for numeric cells. */
export function withFormats(s: SheetSnapshot, formats: Record<string, string>): SheetSnapshot {
  const numberFormats: string[][] = [];
  for (const [address, format] of Object.entries(formats)) {
    const at = parseRange(address)!;
    (numberFormats[at.top] ??= [])[at.left] = format;
  }
  return { ...s, numberFormats };
}

/** The national form (财预〔2020〕10号): money labels in column B under 项目资金（万元） merged down column A. */
export function nationalForm(name = '国家表', over: { project?: string; department?: string; year?: number; total?: Row; unit?: string } = {}): SheetSnapshot {
  const rows: Row[] = [
    ['项目支出绩效自评表'],
    [`（${over.year ?? 2022}年度）`],
    ['项目名称', null, over.project ?? '219-池州市贵池区乡村道路项目'],
    ['主管部门', null, over.department ?? '池州市贵池区农业农村局', null, null, null, '实施单位', null, '贵池区农技中心'],
    [`项目资金（${over.unit ?? '万元'}）`, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    over.total ?? [null, '年度资金总额', 100, 120, 114, 10, 0.95, 9.5],
    [null, '其中：当年财政拨款', 100, 110, 104, '—', null, '—'],
    [null, '上年结转资金', 0, 10, 10, '—', null, '—'],
    [null, '其他资金', 0, 0, 0, '—', null, '—'],
    ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
    [null, '完成乡村道路建设 10 公里', null, null, null, '完成 9.5 公里，受雨季影响略有延后'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    [null, '产出指标（50分）', '数量指标', '道路建设长度', '≥10公里', '9.5公里', 20, 19, '雨季影响'],
    [null, null, '质量指标', '验收合格率', 1, 0.95, 15, 14],
    [null, null, '时效指标', '按时完成率', '100%', '90%', 15, 13],
    [null, '效益指标（30分）', '社会效益指标', '受益群众', '≥5000人', '6000人', 30, 30],
    [null, '满意度指标（10分）', '服务对象满意度指标', '群众满意度', '≥90%', '95%', 10, 10],
    ['总分', null, null, null, null, null, 100, 95.5],
  ];
  const merges = ['A1:I1', 'A2:I2', 'A3:B3', 'C3:I3', 'A4:B4', 'C4:F4', 'G4:H4', 'A5:B5', 'A6:A9', 'A10:A11', 'B10:E10', 'F10:I10', 'B11:E11', 'F11:I11', 'A12:A17', 'B13:B15', 'A18:F18'];
  return withFormats(sheet(name, rows, merges), { G6: '0.00%', E14: '0%', F14: '0%' });
}

/** Yunnan's split targets under a two-row header; the 年度资金总额 row left at 0 (an export fault), amounts in 元. */
export function splitForm(name = '云南表'): SheetSnapshot {
  const rows: Row[] = [
    ['2021年度项目支出绩效自评表'],
    ['项目名称', '51000021R000000019951-工资性支出'],
    ['主管部门', '某某县财政局', '实施单位', '某某县财政局机关'],
    ['项目资金（元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['年度资金总额', 0, 0, 0, 10, 0.95, 9.5],
    ['其中：当年财政拨款', 1000000, 1200000, 1140000],
    ['上年结转资金', null, null, null],
    ['其他资金', 0, 0, 0],
    ['绩效指标', null, null, '年度指标值', null, null, '完成值', '权重', '得分', '未完成原因分析'],
    ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'],
    ['产出指标', '数量指标', '发放人数', '≥', 120, '人', 118, 50, 49],
    [null, '成本指标', '人均成本', '≤', 5, '万元', 4.8, null, null],
    ['满意度指标', '服务对象满意度指标', '满意度', '＞', 0.9, '%', 0.96, 10, 10],
  ];
  const merges = ['A1:J1', 'B2:J2', 'A9:C9', 'D9:F9', 'G9:G10', 'H9:H10', 'I9:I10', 'J9:J10', 'A11:A12'];
  return withFormats(sheet(name, rows, merges), { F5: '0%', E13: '0%', G13: '0%' });
}

/** Sichuan's money block (预算执行情况（10分）, unit in 年度预算数（万元） above), 绩效指标（90分）, 合计 and the texts below. */
export function sichuanForm(name = '四川表'): SheetSnapshot {
  const rows: Row[] = [
    ['项目支出绩效自评表'],
    ['（2023年度）'],
    ['项目名称', '青神县义务教育保障项目'],
    ['主管部门', '青神县教育局', '实施单位（盖章）', '青神县实验学校'],
    ['预算执行情况（10分）', null, '年度预算数（万元）'],
    [null, null, '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因'],
    [null, '总额', 50, 60, 45, 0.75, 10, 7.5, '项目延期至次年'],
    [null, '其中：财政资金', 50, 60, 45],
    [null, '财政专户管理资金'],
    [null, '单位资金'],
    [null, '其他资金'],
    ['年度总体目标', '预期目标', null, null, '实际完成情况'],
    [null, '保障学生就学', null, null, '全年保障学生 1,200 人'],
    ['绩效指标（90分）', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '偏差原因'],
    [null, '产出指标', '数量指标', '培训人次', '≥', 200, '人次', 180, 50, 45, '疫情停课'],
    [null, '效益指标', '社会效益指标', '教学质量', '定性', '提升', null, '基本达成', 30, 25],
    [null, '满意度指标', '服务对象满意度指标', '家长满意度', '≥', 90, '%', 0.92, 10, 10],
    ['合计', null, null, null, null, null, null, null, 90, 80],
    ['评价结论', '良好'],
    ['存在问题', '项目进度偏慢'],
    ['改进措施', '无'],
  ];
  const merges = ['A1:K1', 'A2:K2', 'B3:K3', 'A5:B6', 'C5:D5', 'A7:A11', 'A12:A13', 'A14:A17', 'B15:B15'];
  return withFormats(sheet(name, rows, merges), { F7: '0.00%', H17: '0%' });
}
