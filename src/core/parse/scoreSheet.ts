// The 评分设置 sheet: the clerk's scoring profile, one row per indicator under a header
//   指标 | 分值 | 类型 | 得分 | 评分标准 (the last column is free text, not read)
// 类型 is 预算完成率 / 预算调整率 / 项目达标率 / 人工评分; 得分 is read for 人工评分 rows only (blank = unscored).
// Bad cells give a finding at their cell and leave that row out (bad 分值) or unscored (bad 得分).
import { cellRef } from '../address';
import { makeFinding } from '../findings';
import { normalise } from '../headers';
import type { Finding, Lang } from '../model';
import { isBlank, readNumber } from '../numbers';
import { profileWith, SCORE_KIND_WORDS, type ScoreIndicator, type ScoreKind, type ScoreProfile } from '../score/profile';
import type { Grid } from './grid';

export const SCORE_SHEET_NAMES: readonly string[] = ['评分设置', 'Scoring'];
export const SCORE_HEADER = { name: ['指标', '指标名称', 'Indicator'], points: ['分值', 'Points'], kind: ['类型', '计分方式', 'Kind'], score: ['得分', 'Score'] } as const;

const HEADER_ROWS = 15;

export function isScoreSheet(name: string): boolean {
  return SCORE_SHEET_NAMES.some((n) => normalise(n) === normalise(name));
}

const KIND_LOOKUP = new Map<string, ScoreKind>();
for (const [kind, words] of Object.entries(SCORE_KIND_WORDS) as [ScoreKind, readonly string[]][]) {
  for (const word of words) KIND_LOOKUP.set(normalise(word), kind);
}

type Column = keyof typeof SCORE_HEADER;

function findHeader(grid: Grid): { row: number; cols: Record<Column, number> } | null {
  for (let r = 0; r < Math.min(grid.rowCount, HEADER_ROWS); r++) {
    const cols: Partial<Record<Column, number>> = {};
    for (let c = 0; c < grid.width(r); c++) {
      const text = normalise(grid.text(r, c));
      for (const [key, words] of Object.entries(SCORE_HEADER) as [Column, readonly string[]][]) {
        if (cols[key] === undefined && words.some((w) => normalise(w) === text)) cols[key] = c;
      }
    }
    if (cols.name !== undefined && cols.points !== undefined && cols.kind !== undefined && cols.score !== undefined) {
      return { row: r, cols: cols as Record<Column, number> };
    }
  }
  return null;
}

/** The profile a 评分设置 sheet holds, or null (and a finding) when it has no usable header. */
export function readScoreSheet(grid: Grid, lang: Lang, findings: Finding[]): ScoreProfile | null {
  const zh = lang === 'zh';
  const problem = (row: number, col: number, text: string) => findings.push(makeFinding('score-setting', cellRef(grid.name, row, col), lang, { text }));
  const header = findHeader(grid);
  if (!header) {
    problem(0, 0, zh ? '未找到表头“指标 | 分值 | 类型 | 得分”，按默认评分标准计分' : 'no header "Indicator | Points | Kind | Score" found; the default scoring is used');
    return null;
  }
  const { cols } = header;
  const indicators: ScoreIndicator[] = [];
  for (let r = header.row + 1; r < grid.rowCount; r++) {
    const name = grid.text(r, cols.name);
    if (name === '') continue;
    const rawPoints = grid.value(r, cols.points);
    const points = readNumber(rawPoints, false);
    if (!points || !points.ok || points.value <= 0 || points.percent) {
      problem(r, cols.points, zh ? `“${name}”的分值应为正数，实为“${isBlank(rawPoints) ? '空' : grid.text(r, cols.points) || String(rawPoints)}”，此指标未计入` : `the points of "${name}" should be a positive number, found "${grid.text(r, cols.points) || String(rawPoints)}"; the indicator is left out`);
      continue;
    }
    const kindText = grid.text(r, cols.kind);
    const kind = KIND_LOOKUP.get(normalise(kindText));
    if (!kind) {
      const words = Object.values(SCORE_KIND_WORDS).map((w) => w[0]).join(zh ? '、' : ', ');
      problem(r, cols.kind, zh ? `“${name}”的类型“${kindText}”无法识别（可用：${words}），此指标未计入` : `the kind "${kindText}" of "${name}" is not one of ${words}; the indicator is left out`);
      continue;
    }
    let manualScore: number | null = null;
    const rawScore = grid.value(r, cols.score);
    if (kind === 'manual' && !isBlank(rawScore)) {
      const score = readNumber(rawScore, false);
      if (!score || !score.ok || score.percent || score.value < 0 || score.value > points.value) {
        problem(
          r,
          cols.score,
          zh
            ? `“${name}”的得分应为 0 至 ${points.value} 之间的数字，实为“${grid.text(r, cols.score) || String(rawScore)}”，按待评分处理`
            : `the score of "${name}" should be a number from 0 to ${points.value}, found "${grid.text(r, cols.score) || String(rawScore)}"; treated as unscored`,
        );
      } else manualScore = score.value;
    }
    indicators.push({ name, points: points.value, kind, manualScore });
  }
  if (indicators.length === 0) {
    problem(header.row, cols.name, zh ? '评分设置表没有可用的指标行，按默认评分标准计分' : 'the Scoring sheet has no usable indicator; the default scoring is used');
    return null;
  }
  const max = indicators.reduce((s, i) => s + i.points, 0);
  if (Math.abs(max - 100) > 1e-9) {
    problem(header.row, cols.points, zh ? `分值合计为 ${max} 分，不是 100 分：等级按折算为百分制的得分确定` : `the points add up to ${max}, not 100: the grade uses the score scaled to 100`);
  }
  return profileWith(indicators);
}
