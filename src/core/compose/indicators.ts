// A project's indicators as the report tells them: the missed ones worded as written, their stable keys, the
// rule's points by 一级 and the grade. Shared by the narrative (二、（二）, 三) and 附表3 (composeReport, docx).
import type { Lang, ProjectResult } from '../model';
import { displayName } from '../names';
import type { Grade } from '../score/profile';
import { gradeOf } from '../score/score';
import type { IndicatorCategory } from '../score/indicators/rules';
import type { IndicatorResult } from '../score/indicators/scoreIndicator';
import { digest } from '../record/digest';
import { words } from '../wording';

/** The projects 附表3 lists: those with indicators (selfScore is null without them). */
export function scoredProjects(projects: readonly ProjectResult[]): ProjectResult[] {
  // Indexed: a callback per project costs ten times the loop (4 ms against 0.3 at 50,000 projects).
  const scored: ProjectResult[] = [];
  for (let k = 0; k < projects.length; k++) {
    const p = projects[k];
    if (p.selfScore !== null && p.indicators.length > 0) scored.push(p);
  }
  return scored;
}

/** `时效指标“按时完成率”目标 100%，实际 90%`: its 二级 (else 一级), name, target and actual as the clerk wrote them. */
export function missedText(ind: IndicatorResult, lang: Lang): string {
  return words(lang).narrative.missedIndicator(ind.level2 || ind.level1, ind.name, ind.target, ind.actual);
}

/** `时效指标“按时完成率”`: a missed indicator as 附表3's column names it. */
export function missedName(ind: IndicatorResult, lang: Lang): string {
  const kind = ind.level2 || ind.level1;
  return lang === 'zh' ? `${kind}“${ind.name}”` : `${kind} "${ind.name}"`;
}

/**
 * Each indicator's key, stable while the clerk edits the others: the project's name and the indicator's
 * 一级 + 二级 + 三级, with an ordinal among those that share all three; digested (ids hold no `:` and stay short).
 */
export function indicatorKeys(p: ProjectResult): string[] {
  const seen = new Map<string, number>();
  return p.indicators.map((ind) => {
    const base = [ind.level1, ind.level2, ind.name].map((s) => s.trim()).join('\u0001');
    const ordinal = (seen.get(base) ?? 0) + 1;
    seen.set(base, ordinal);
    return `i${digest(`${p.name}\u0002${base}\u0001${ordinal}`, 12)}`;
  });
}

/** The rule's scores by 一级 column of 附表3. */
export function categoryScores(p: ProjectResult): Record<IndicatorCategory, number> {
  const out: Record<IndicatorCategory, number> = { output: 0, effect: 0, satisfaction: 0, other: 0 };
  for (const ind of p.indicators) out[ind.category] += ind.ruleScore ?? 0;
  return out;
}

/** Whether 附表3 needs its 其他 column: some indicator's 一级 is none of 产出, 效益, 满意度. */
export function usesOther(projects: readonly ProjectResult[]): boolean {
  return projects.some((p) => p.indicators.some((ind) => ind.category === 'other'));
}

/** The grade of the rule's total scaled to 100, with the profile's bands. */
export function projectGrade(p: ProjectResult, grades: Parameters<typeof gradeOf>[1]): Grade | null {
  const s = p.selfScore;
  if (!s || s.points <= 0) return null;
  return gradeOf((s.ruleScore * 100) / s.points, grades);
}

/** The name as the report's text shows it (the system code dropped). */
export const shownName = (p: Pick<ProjectResult, 'name'>) => displayName(p.name);

/** The points of 预算执行率 in the project's total (the form's, else the default): the total less the indicators'. */
export function executionPointsOf(p: ProjectResult): number {
  const s = p.selfScore;
  if (!s) return 0;
  const indicators = p.indicators.reduce((sum, ind) => sum + ind.points, 0);
  // Points are whole or two-decimal figures: the float noise of the subtraction is dropped.
  return Math.round((s.points - indicators) * 1e9) / 1e9;
}
