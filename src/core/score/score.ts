// The 自评评分: each indicator's score from the evaluation's figures (or the clerk's hand), the total, and
// its grade. Rates are compared as displayed (2 decimals of a percent), like every other threshold.
import type { Lang, NumberStyle } from '../model';
import { displayedRate, formatRate, roundHalfAway } from '../numbers';
import { words } from '../wording';
import type { Grade, ScoreKind, ScoreProfile } from './profile';

export interface ScoreRow {
  name: string;
  kind: ScoreKind;
  points: number;
  /** The figure scored (a fraction: a rate, or the share of projects on target); null for 人工评分 or when unknown. */
  actual: number | null;
  /** Rounded to 2 decimals; null while unscored. */
  score: number | null;
  note: string;
  /** The 评分设置 cells of the points and the hand score, when read from there (the report's formulas point at them). */
  pointsCell?: string;
  scoreCell?: string;
}

export interface Score {
  /** Sum of the scored rows' (rounded) scores. */
  total: number;
  /** Sum of every row's points. */
  max: number;
  /** Points of the rows not scored yet. */
  unscored: number;
  /** Grade of the total (on 100 points: scaled when the profile's points do not add up to 100). */
  grade: Grade;
  /** True while points are unscored: the grade may still change. */
  provisional: boolean;
  /** The grade the total would have if every unscored point were earned (equals `grade` when final). */
  bestGrade: Grade;
  /** The indicators came from the clerk's 评分设置 sheet (not the default profile). */
  fromSheet: boolean;
  rows: ScoreRow[];
  /** The rules the data-scored rows followed (the report's score formulas repeat them), and the grade thresholds (gradeBands). */
  rules: Pick<ScoreProfile, 'execution' | 'adjustment' | 'grades'>;
}

/** The figures the data-scored indicators need. */
export interface ScoreFacts {
  executionRate: number | null;
  adjustmentRate: number | null;
  /** Projects with a rate, and how many of them reached their target. */
  rated: number;
  onTarget: number;
  /** 项目自评平均分 (of 100) and how many projects it covers; null when no project has indicators. */
  projectAverage?: { average: number; projects: number } | null;
}

const round2 = (v: number) => roundHalfAway(v, 2);
/** A displayed rate in hundredths of a percent, as an integer: no float noise at the band edges. */
const basisPoints = (rate: number) => Math.round(displayedRate(rate) * 10000);

export function executionScore(rate: number, points: number, profile: ScoreProfile): number {
  const short = 10000 - basisPoints(rate);
  if (short <= 0) return points;
  const steps = Math.floor(short / Math.round(profile.execution.step * 10000));
  return Math.max(0, points - steps * profile.execution.penaltyShare * points);
}

export function adjustmentScore(rate: number, points: number, profile: ScoreProfile): number {
  const bp = Math.abs(basisPoints(rate));
  if (bp === 0) return points * profile.adjustment.zeroShare;
  const band = profile.adjustment.bands.find((b) => bp <= Math.round(b.upTo * 10000));
  return band ? points * band.share : 0;
}

export function gradeOf(score: number, profile: Pick<ScoreProfile, 'grades'>): Grade {
  const shown = round2(score);
  return profile.grades.find((g) => shown >= g.from)?.grade ?? '差';
}

/** 优 ≥ 90 分，80 分 ≤ 良 < 90 分，60 分 ≤ 中 < 80 分，差 < 60 分 (or in English), from the profile's thresholds. */
export function gradeBands(profile: Pick<ScoreProfile, 'grades'>, lang: Lang): string {
  const { score: w, clauseSeparator } = words(lang);
  const parts = profile.grades.map((g, i) => (i === 0 ? w.firstBand(g.grade, g.from) : w.band(g.grade, g.from, profile.grades[i - 1].from)));
  const last = profile.grades[profile.grades.length - 1];
  if (last) parts.push(w.poor(last.from));
  return parts.join(clauseSeparator);
}

export function computeScore(facts: ScoreFacts, profile: ScoreProfile, lang: Lang, style: NumberStyle = 'fixed'): Score {
  const w = words(lang).score;
  const pct = (v: number) => formatRate(v, style);
  const rows: ScoreRow[] = profile.indicators.map((ind) => {
    const base = {
      name: ind.name,
      kind: ind.kind,
      points: ind.points,
      ...(ind.pointsCell ? { pointsCell: ind.pointsCell } : {}),
      ...(ind.scoreCell ? { scoreCell: ind.scoreCell } : {}),
    };
    switch (ind.kind) {
      case 'execution': {
        const rate = facts.executionRate;
        if (rate === null) return { ...base, actual: null, score: null, note: w.noExecutionRate };
        const step = w.points(round2(profile.execution.step * 100));
        const penalty = round2(profile.execution.penaltyShare * ind.points);
        return {
          ...base,
          actual: rate,
          score: round2(executionScore(rate, ind.points, profile)),
          note: w.execution(step, penalty),
        };
      }
      case 'adjustment': {
        const rate = facts.adjustmentRate;
        if (rate === null) return { ...base, actual: null, score: null, note: w.noAdjustmentRate };
        const bands = profile.adjustment.bands.map((b) => w.adjustmentBand(pct(b.upTo), round2(b.share * ind.points)));
        return {
          ...base,
          actual: rate,
          score: round2(adjustmentScore(rate, ind.points, profile)),
          note: w.adjustment(round2(profile.adjustment.zeroShare * ind.points), bands),
        };
      }
      case 'projects': {
        if (facts.rated === 0) return { ...base, actual: null, score: null, note: w.noRatedProject };
        const share = facts.onTarget / facts.rated;
        return {
          ...base,
          actual: share,
          score: round2(ind.points * share),
          note: w.projects(facts.rated, facts.onTarget),
        };
      }
      case 'project-average': {
        const avg = facts.projectAverage ?? null;
        if (avg === null) return { ...base, actual: null, score: null, note: w.noProjectAverage };
        return {
          ...base,
          actual: avg.average / 100,
          score: round2((ind.points * Math.min(100, Math.max(0, avg.average))) / 100),
          note: w.projectAverage(avg.projects, round2(avg.average)),
        };
      }
      case 'manual':
        return {
          ...base,
          actual: null,
          score: ind.manualScore === null ? null : round2(ind.manualScore),
          note: ind.manualScore === null ? w.manualPending : w.manual,
        };
    }
  });
  const total = round2(rows.reduce((s, r) => s + (r.score ?? 0), 0));
  const max = round2(rows.reduce((s, r) => s + r.points, 0));
  const unscored = round2(rows.reduce((s, r) => s + (r.score === null ? r.points : 0), 0));
  const on100 = (v: number) => (max > 0 && max !== 100 ? (v * 100) / max : v);
  const grade = gradeOf(on100(total), profile);
  return { total, max, unscored, grade, provisional: unscored > 0, bestGrade: gradeOf(on100(total + unscored), profile), fromSheet: profile.source === 'sheet', rows, rules: { execution: profile.execution, adjustment: profile.adjustment, grades: profile.grades } };
}
