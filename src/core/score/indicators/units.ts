// Units of an indicator's target and actual: which compare, and the factor that brings them to one scale.
// %/百分比 are one unit; 元 and 万元 convert; the counts compare with each other; any other unit only with itself.

const COUNTS = new Set(['个', '项', '人', '次', '期', '份', '家', '篇', '件']);
const MONEY = new Map<string, number>([
  ['元', 1],
  ['万元', 10000],
  ['亿元', 1e8],
]);

/** `{scale, factor}`: two units compare when their scales are equal; a value × factor is in the scale's base unit. */
export function unitScale(unit: string): { scale: string; factor: number } {
  if (unit === '%' || unit === '百分比') return { scale: '%', factor: 1 };
  // A Map: a unit such as "toString" is its own unit, not a key of Object.prototype.
  const money = MONEY.get(unit);
  if (money !== undefined) return { scale: '元', factor: money };
  if (COUNTS.has(unit)) return { scale: 'count', factor: 1 };
  return { scale: unit, factor: 1 };
}

/**
 * The factors that put a target and an actual on one scale, or null when they do not compare. An actual with
 * no unit takes the target's; a target with no unit compares only with an actual with none.
 */
export function commonScale(targetUnit: string, actualUnit: string): { target: number; actual: number } | null {
  if (actualUnit === '') return { target: 1, actual: 1 };
  if (targetUnit === '') return null;
  const t = unitScale(targetUnit);
  const a = unitScale(actualUnit);
  return t.scale === a.scale ? { target: t.factor, actual: a.factor } : null;
}
