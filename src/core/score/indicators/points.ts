// Each indicator's points: a form's own 分值 win; blank ones share evenly what their 一级's points (from
// 产出指标（50分）, else the rule's defaults) leave after the given ones.
import type { IndicatorInput } from '../../model';
import { categoryOf, defaultPoints, type IndicatorCategory, type IndicatorRules } from './rules';

export interface IndicatorGroup {
  /** 一级 as written (without its points). */
  level1: string;
  category: IndicatorCategory;
  /** The points written in a 一级 cell of the group, else null. */
  statedPoints: number | null;
  /** What the group's 三级 share: the stated points, else the default. */
  points: number;
  /** Positions of the group's indicators in the project's list. */
  members: number[];
}

/** The project's 一级 groups, in order of first appearance (one per 一级 name). */
export function groupIndicators(indicators: readonly IndicatorInput[], rules: IndicatorRules): IndicatorGroup[] {
  const byName = new Map<string, IndicatorGroup>();
  indicators.forEach((ind, i) => {
    const key = ind.level1.replace(/\s/g, '');
    let group = byName.get(key);
    if (!group) {
      const category = categoryOf(ind.level1);
      group = { level1: ind.level1, category, statedPoints: null, points: defaultPoints(category, rules), members: [] };
      byName.set(key, group);
    }
    if (group.statedPoints === null && ind.level1Points !== null) {
      group.statedPoints = ind.level1Points;
      group.points = ind.level1Points;
    }
    group.members.push(i);
  });
  return [...byName.values()];
}

/** Every indicator's points, in the project's order (never negative: given ones above the 一级's leave 0). */
export function resolvePoints(indicators: readonly IndicatorInput[], groups: readonly IndicatorGroup[]): number[] {
  const out = indicators.map((ind) => Math.max(0, ind.points ?? 0));
  for (const group of groups) {
    const blank = group.members.filter((i) => indicators[i].points === null);
    if (blank.length === 0) continue;
    const given = group.members.reduce((s, i) => s + Math.max(0, indicators[i].points ?? 0), 0);
    const share = Math.max(0, group.points - given) / blank.length;
    for (const i of blank) out[i] = share;
  }
  return out;
}
