// The scoring profile: which indicators a 自评评分表 has, their points and how each is scored. Weights and
// bands differ by province, so this is data: the default below, or the clerk's 评分设置 sheet.
// Sources (docs/ARCHITECTURE.md): 财预〔2013〕53号 共性指标体系框架; the Yueyang sample 评分表 (adjustment bands);
// the MoF budget department's grade bands (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60).

import type { IndicatorOverrides } from './indicators/rules';

/**
 * How an indicator gets its score: from the data, or by hand (the clerk's 得分 cell). `project-average`
 * (项目自评平均分, optional): the projects' rule totals on 100, weighted by adjusted budget.
 */
export type ScoreKind = 'execution' | 'adjustment' | 'projects' | 'manual' | 'project-average';

export interface ScoreIndicator {
  name: string;
  points: number;
  kind: ScoreKind;
  /** A 人工评分 indicator's score as the clerk entered it; null while unscored. */
  manualScore: number | null;
  /** The 评分设置 cell (`Sheet!A1`) of its 分值, when that cell holds a plain number. */
  pointsCell?: string;
  /** The 评分设置 cell (`Sheet!A1`) of its 得分 (人工评分 only), when that cell holds a plain number. */
  scoreCell?: string;
}

export type Grade = '优' | '良' | '中' | '差';

export interface ScoreProfile {
  /** Where the indicators came from: the defaults below, or the clerk's 评分设置 sheet. */
  source: 'default' | 'sheet';
  indicators: ScoreIndicator[];
  /** 预算完成率: points lost per full `step` below 100%, as a share of the indicator's points (2 of 20). */
  execution: { step: number; penaltyShare: number };
  /** 预算调整率: share of the points when |rate| is 0, then when it is at most each upper bound; above the last, 0. */
  adjustment: { zeroShare: number; bands: { upTo: number; share: number }[] };
  /** Lowest score (of 100) of each grade, best first; below the last, 差. */
  grades: { grade: Grade; from: number }[];
  /** The indicator rule's settings from 评分设置, when it sets any (the configuration's stand for the rest). */
  indicatorRules?: IndicatorOverrides;
}

export const SCORE_KIND_WORDS: Record<ScoreKind, readonly string[]> = {
  execution: ['预算完成率', '预算执行率', '执行率', 'Execution rate', 'execution'],
  adjustment: ['预算调整率', '调整率', 'Adjustment rate', 'adjustment'],
  projects: ['项目达标率', '项目执行达标率', 'Projects on target', 'projects'],
  manual: ['人工评分', '手工评分', 'Manual', 'manual'],
  'project-average': ['项目自评平均分', '项目绩效自评平均分', 'Project self-evaluation average', 'project-average'],
};

export const SCORE_KIND_NAME: Record<'zh' | 'en', Record<ScoreKind, string>> = {
  zh: { execution: '预算完成率', adjustment: '预算调整率', projects: '项目达标率', manual: '人工评分', 'project-average': '项目自评平均分' },
  en: { execution: 'Execution rate', adjustment: 'Adjustment rate', projects: 'Projects on target', manual: 'Manual', 'project-average': 'Project self-evaluation average' },
};

const manual = (name: string): ScoreIndicator => ({ name, points: 10, kind: 'manual', manualScore: null });

export const DEFAULT_SCORE_PROFILE: ScoreProfile = {
  source: 'default',
  indicators: [
    { name: '预算完成率', points: 20, kind: 'execution', manualScore: null },
    { name: '预算调整率', points: 10, kind: 'adjustment', manualScore: null },
    { name: '项目执行达标率', points: 20, kind: 'projects', manualScore: null },
    manual('预算编制科学性'),
    manual('绩效目标合理性'),
    manual('预算管理制度健全性'),
    manual('资金使用合规性'),
    manual('预决算信息公开'),
  ],
  execution: { step: 0.05, penaltyShare: 0.1 },
  adjustment: {
    zeroShare: 1,
    bands: [
      { upTo: 0.1, share: 0.75 },
      { upTo: 0.2, share: 0.5 },
      { upTo: 0.3, share: 0.25 },
    ],
  },
  grades: [
    { grade: '优', from: 90 },
    { grade: '良', from: 80 },
    { grade: '中', from: 60 },
  ],
};

/** The bands of a profile: what the 评分设置 sheet's 评分参数 table can change. */
export type ScoreBands = Pick<ScoreProfile, 'execution' | 'adjustment' | 'grades' | 'indicatorRules'>;

/** The default profile (or the configuration's) with the clerk's indicators (and any of the clerk's bands) in place of its own. */
export function profileWith(indicators: ScoreIndicator[], bands: Partial<ScoreBands> = {}, base: ScoreProfile = DEFAULT_SCORE_PROFILE): ScoreProfile {
  return { ...base, ...bands, source: 'sheet', indicators };
}
