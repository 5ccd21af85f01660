// Reading an indicator's target or actual as a number: only when the whole text is [operator] number [unit]
// (`≥95%`, `≤90万元`, `=8个`, `95`, `95%以上`) or a range (`90%-100%`); anything else is text (效果明显,
// 12月底前完成), scored as qualitative.
import { foldWidth } from '../../numbers';

/** positive: more is better (≥); reverse: less is better (≤); equal: =; range: within [low, high]. */
export type Direction = 'positive' | 'reverse' | 'equal';

export type Quantity =
  | { kind: 'value'; direction: Direction | null; value: number; unit: string }
  | { kind: 'range'; low: number; high: number; unit: string };

// Longest first, so that >= is not read as > followed by `=`. ＞ and ＜ fold to > and <, read as ≥ and ≤.
const PREFIX: [string, Direction][] = [
  ['不低于', 'positive'],
  ['不少于', 'positive'],
  ['不超过', 'reverse'],
  ['不高于', 'reverse'],
  ['不多于', 'reverse'],
  ['>=', 'positive'],
  ['<=', 'reverse'],
  ['≥', 'positive'],
  ['≧', 'positive'],
  ['>', 'positive'],
  ['≤', 'reverse'],
  ['≦', 'reverse'],
  ['<', 'reverse'],
  ['==', 'equal'],
  ['=', 'equal'],
];
const SUFFIX: [string, Direction][] = [
  ['及以上', 'positive'],
  ['以上', 'positive'],
  ['及以下', 'reverse'],
  ['以下', 'reverse'],
  ['以内', 'reverse'],
];

const NUMBER = String.raw`[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
/** A unit: %, or a few letters (万元, 个, km, 天); not words of a date or a deadline (12月底前完成). */
const UNIT = String.raw`%|[\p{L}/²³]{1,4}`;
const VALUE = new RegExp(`^(${NUMBER})(${UNIT})?$`, 'u');
const RANGE = new RegExp(`^(${NUMBER})(${UNIT})?(?:-|~|至|到|—|–)(${NUMBER})(${UNIT})?$`, 'u');
const NOT_A_UNIT = /底|前|后|内|完成|达|及时|合规|左右|约/;

function unitOf(text: string | undefined): string | null {
  if (text === undefined) return '';
  return NOT_A_UNIT.test(text) ? null : text;
}

const num = (text: string) => Number(text.replace(/,/g, ''));
/** A number too long to be finite (400 digits) is text: no Infinity reaches the arithmetic. */
const finite = (...values: number[]) => values.every((v) => Number.isFinite(v));

/** The quantity a cell's text states, or null when it is text. Full-width forms and spaces are folded first. */
export function readQuantity(raw: string): Quantity | null {
  let text = foldWidth(raw).replace(/[\s\u00a0]/g, '').replace(/[−－]/g, '-');
  if (text === '') return null;
  let direction: Direction | null = null;
  for (const [word, dir] of PREFIX) {
    if (text.startsWith(word)) {
      direction = dir;
      text = text.slice(word.length);
      break;
    }
  }
  if (direction === null) {
    for (const [word, dir] of SUFFIX) {
      if (text.endsWith(word)) {
        direction = dir;
        text = text.slice(0, -word.length);
        break;
      }
    }
  }
  const value = VALUE.exec(text);
  if (value) {
    const unit = unitOf(value[2]);
    const n = num(value[1]);
    return unit === null || !finite(n) ? null : { kind: 'value', direction, value: n, unit };
  }
  if (direction !== null) return null;
  const range = RANGE.exec(text);
  if (!range) return null;
  const lowUnit = unitOf(range[2]);
  const highUnit = unitOf(range[4]);
  if (lowUnit === null || highUnit === null) return null;
  // `90-100%`: the low end takes the high end's unit.
  if (lowUnit !== '' && highUnit !== '' && lowUnit !== highUnit) return null;
  const low = num(range[1]);
  const high = num(range[3]);
  if (!finite(low, high) || low > high) return null;
  return { kind: 'range', low, high, unit: highUnit || lowUnit };
}
