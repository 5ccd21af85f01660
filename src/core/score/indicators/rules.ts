// The indicator scoring rule's numbers (财预〔2020〕10号 and the provinces' forms): the points of each 一级 when a
// form does not give them, the qualitative bands, and when an actual is far above its target. Defaults live in
// DEFAULT_CONFIG.indicators (config.ts); the 评分设置 sheet may override them like the profile's bands.

/** The 一级 groups the rule gives points to (成本指标 counts under 产出, 服务对象满意度指标 under 满意度). */
export type IndicatorCategory = 'output' | 'effect' | 'satisfaction' | 'other';

/** A band as shares of an indicator's points, closed at both ends: [0.8, 1]. */
export type Band = readonly [number, number];

export interface IndicatorRules {
  /** Points when the form gives none: 预算执行率 and each 一级 (其他 has none: its blank 三级 get 0 and a finding). */
  points: { execution: number; output: number; effect: number; satisfaction: number };
  /** Qualitative bands: 达成 / 部分达成 / 未达成. */
  bands: { met: Band; partial: Band; missed: Band };
  /** An actual above a positive target by more than this share draws `indicator-far-above-target` (0.5: 50%). */
  farAbove: number;
}

/** The group of a 一级 name as the clerk wrote it (产出指标, 成本指标, 效益指标, 服务对象满意度指标…). */
export function categoryOf(level1: string): IndicatorCategory {
  const text = level1.replace(/\s/g, '');
  if (/产出|成本/.test(text)) return 'output';
  if (/满意/.test(text)) return 'satisfaction';
  if (/效益|效果/.test(text)) return 'effect';
  return 'other';
}

/** The default points of a group (其他: 0). */
export function defaultPoints(category: IndicatorCategory, rules: IndicatorRules): number {
  return category === 'other' ? 0 : rules.points[category];
}

/** What the 评分设置 sheet may set: any default points, the qualitative bands, the far-above share. */
export interface IndicatorOverrides {
  points?: Partial<IndicatorRules['points']>;
  bands?: IndicatorRules['bands'];
  farAbove?: number;
}

/** The rules with the sheet's settings in place of the configuration's. */
export function withOverrides(rules: IndicatorRules, overrides: IndicatorOverrides | undefined): IndicatorRules {
  if (!overrides) return rules;
  return { points: { ...rules.points, ...overrides.points }, bands: overrides.bands ?? rules.bands, farAbove: overrides.farAbove ?? rules.farAbove };
}
