// A cell's text as Excel shows it: a clerk's 95% is stored as 0.95 with a `0%` format, and the report must quote
// it as the clerk sees it. Only the number formats clerks use for figures are rendered (decimals, %, thousands,
// literal text); anything else (scientific, fractions) falls back to the General text.
import type { CellValue } from './model';
import { dateText, roundHalfAway } from './numbers';

/** A number as Excel's General format shows it: the shortest text, without float noise (0.1 + 0.2 → 0.3). */
export function generalText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = String(Number(value.toPrecision(15)));
  return text === '-0' ? '0' : text;
}

interface Section {
  prefix: string;
  suffix: string;
  minDecimals: number;
  maxDecimals: number;
  thousands: boolean;
  percent: number;
  /** Trailing commas after the digits: each divides by 1000. */
  scale: number;
}

/** One section of a format as literal text around one run of digit placeholders; null when it is not that. */
function parseSection(section: string): Section | null {
  let prefix = '';
  let suffix = '';
  let digits = '';
  let percent = 0;
  let state: 'before' | 'digits' | 'after' = 'before';
  const literal = (text: string) => {
    if (state === 'before') prefix += text;
    else {
      state = 'after';
      suffix += text;
    }
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literal(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      literal(section[i + 1] ?? '');
      i++;
    } else if (ch === '_') {
      literal(' '); // a space as wide as the next character
      i++;
    } else if (ch === '*') {
      i++; // fill: nothing in a text
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inside = section.slice(i + 1, end < 0 ? undefined : end);
      const currency = /^\$([^-\]]*)/.exec(inside); // [$¥-804]: the currency symbol is shown
      if (currency) literal(currency[1]);
      i = end < 0 ? section.length : end;
    } else if (ch === '%') {
      percent++;
      literal('%');
    } else if ('0#?.,'.includes(ch)) {
      if ((state as string) === 'after') return null; // two runs of digits (fractions, phone numbers)
      state = 'digits';
      digits += ch;
    } else if (/[eE]/.test(ch) && (state as string) === 'digits') {
      return null; // scientific
    } else if (/[ymdhsAaPp@]/.test(ch)) {
      return null; // a date or text format: not rendered here
    } else {
      literal(ch);
    }
  }
  if (digits === '') return null;
  const trailing = /,*$/.exec(digits)![0].length;
  const body = digits.slice(0, digits.length - trailing);
  const point = body.indexOf('.');
  const decimals = point < 0 ? '' : body.slice(point + 1);
  const integer = point < 0 ? body : body.slice(0, point);
  return {
    prefix,
    suffix,
    minDecimals: (decimals.match(/0/g) ?? []).length,
    maxDecimals: (decimals.match(/[0#?]/g) ?? []).length,
    thousands: integer.includes(','),
    percent,
    scale: trailing,
  };
}

function render(value: number, s: Section, sign: string): string {
  const scaled = (value * 100 ** s.percent) / 1000 ** s.scale;
  const rounded = roundHalfAway(Math.abs(scaled), s.maxDecimals);
  let text = rounded.toFixed(s.maxDecimals);
  if (s.maxDecimals > s.minDecimals) {
    // Optional decimals (#): dropped when zero, down to the required ones.
    const [whole, frac] = text.split('.');
    const kept = frac.replace(/0+$/, '').padEnd(s.minDecimals, '0');
    text = kept === '' ? whole : `${whole}.${kept}`;
  }
  if (s.thousands) text = text.replace(/^\d+/, (whole) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
  return `${sign}${s.prefix}${text}${s.suffix}`;
}

/** A number under a number format, as Excel shows it; General (or a format not rendered here) gives generalText. */
export function formatNumber(value: number, format: string | null | undefined): string {
  if (!Number.isFinite(value) || !format || /^general$/i.test(format.trim())) return generalText(value);
  const sections = format.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  let section = sections[0];
  let sign = value < 0 ? '-' : '';
  if (value < 0 && sections.length > 1) {
    section = sections[1];
    sign = ''; // the negative section writes its own sign or brackets
  } else if (value === 0 && sections.length > 2) {
    section = sections[2];
  }
  if (/^general$/i.test(section.trim())) return generalText(value);
  const parsed = parseSection(section);
  if (!parsed) {
    // The zero section of accounting formats is often `"-"`: literal only.
    if (!/[0#?]/.test(section) && !/[ymdhs@]/i.test(section.replace(/"[^"]*"/g, ''))) return section.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1').replace(/[_*]./g, '').replace(/\[[^\]]*\]/g, '').trim();
    return generalText(value);
  }
  const text = render(value, parsed, sign);
  // -0.001 shown with no decimals is 0, not -0 (Excel drops the sign of a zero it shows).
  return sign && !/[1-9]/.test(text) ? text.slice(1) : text;
}

/** The text a clerk sees in a cell: its text, or its number under its number format. */
export function shownValue(value: CellValue | undefined, format?: string | null): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return formatNumber(value, format);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('error' in value) return value.error;
  return value.invalid.trim();
}
