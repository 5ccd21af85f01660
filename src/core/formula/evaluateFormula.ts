// The formula model's second interpreter: computes an expression as Excel does, so that the engine's figures
// and the formulas written beside them can be checked against each other without a spreadsheet.
import { roundHalfAway } from '../numbers';
import type { Expr } from './formula';

export type FormulaError = { error: '#DIV/0!' | '#VALUE!' | '#N/A' };
/** A cell's or a formula's value; `null` is a blank cell. */
export type FormulaValue = number | string | boolean | null | FormulaError;

/** Where references are read: the cells a formula points at. */
export interface FormulaEnv {
  /** One cell (`C5`, `$F4`, `'项目支出'!D6`); a blank is `null`. */
  cell(ref: string): FormulaValue;
  /** The cells of a range (`A5:A9`), in any order. */
  range(ref: string): FormulaValue[];
}

class Failure {
  constructor(readonly value: FormulaError) {}
}
const fail = (error: FormulaError['error']): never => {
  throw new Failure({ error });
};

export function isFormulaError(value: FormulaValue): value is FormulaError {
  return typeof value === 'object' && value !== null;
}

/** The expression's value; an error (`#DIV/0!`) propagates outwards, as in Excel. */
export function evaluateFormula(e: Expr, env: FormulaEnv): FormulaValue {
  try {
    return value(e, env);
  } catch (err) {
    if (err instanceof Failure) return err.value;
    throw err;
  }
}

function value(e: Expr, env: FormulaEnv): Exclude<FormulaValue, FormulaError> {
  switch (e.kind) {
    case 'number':
    case 'text':
      return e.value;
    case 'group':
      return value(e.inner, env);
    case 'ref': {
      if (e.ref.includes(':')) return fail('#VALUE!');
      const v = env.cell(e.ref);
      if (isFormulaError(v)) throw new Failure(v);
      return v;
    }
    case 'op':
      return operate(e.op, value(e.left, env), value(e.right, env));
    case 'call':
      return callFunction(e, env);
  }
}

/** A value in arithmetic: a blank is 0, TRUE 1, numeric text its number; other text is #VALUE!. */
function toNumber(v: Exclude<FormulaValue, FormulaError>): number {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const n = v.trim() === '' ? NaN : Number(v);
  return Number.isFinite(n) ? n : fail('#VALUE!');
}

/** A condition: numbers are true unless 0, a blank is false, text is #VALUE!. */
function toBoolean(v: Exclude<FormulaValue, FormulaError>): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const upper = v.toUpperCase();
  return upper === 'TRUE' ? true : upper === 'FALSE' ? false : fail('#VALUE!');
}

function toText(v: Exclude<FormulaValue, FormulaError>): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Excel orders numbers < text < logicals; text without regard to case; a blank is 0, "" or FALSE as compared. */
function compare(a: Exclude<FormulaValue, FormulaError>, b: Exclude<FormulaValue, FormulaError>): number {
  const rank = (v: Exclude<FormulaValue, FormulaError>) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (a === null) a = b === null ? 0 : typeof b === 'number' ? 0 : typeof b === 'string' ? '' : false;
  if (b === null) b = typeof a === 'number' ? 0 : typeof a === 'string' ? '' : false;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

function operate(op: string, a: Exclude<FormulaValue, FormulaError>, b: Exclude<FormulaValue, FormulaError>): Exclude<FormulaValue, FormulaError> {
  switch (op) {
    case '+':
      return toNumber(a) + toNumber(b);
    case '-':
      return toNumber(a) - toNumber(b);
    case '*':
      return toNumber(a) * toNumber(b);
    case '/': {
      const x = toNumber(a);
      const y = toNumber(b);
      return y === 0 ? fail('#DIV/0!') : x / y;
    }
    case '=':
      return compare(a, b) === 0;
    case '<>':
      return compare(a, b) !== 0;
    case '<':
      return compare(a, b) < 0;
    case '<=':
      return compare(a, b) <= 0;
    case '>':
      return compare(a, b) > 0;
    default:
      return compare(a, b) >= 0;
  }
}

/** COUNTIF's criterion as this report uses it: equal to a text or a number. */
function matches(cellValue: FormulaValue, criterion: Exclude<FormulaValue, FormulaError>): boolean {
  if (isFormulaError(cellValue) || cellValue === null) return false;
  if (typeof criterion === 'number') return typeof cellValue === 'number' ? cellValue === criterion : Number(cellValue) === criterion;
  return typeof cellValue === 'string' && cellValue.toLowerCase() === toText(criterion).toLowerCase();
}

function rangeOf(e: Expr, env: FormulaEnv): FormulaValue[] {
  if (e.kind !== 'ref') return [value(e, env)];
  return e.ref.includes(':') ? env.range(e.ref) : [env.cell(e.ref)];
}

function callFunction(e: Extract<Expr, { kind: 'call' }>, env: FormulaEnv): Exclude<FormulaValue, FormulaError> {
  const arg = (i: number) => value(e.args[i], env);
  switch (e.name) {
    case 'IF':
      // Only the branch taken is computed: IF(d>0,a/d,"") is no #DIV/0!.
      return toBoolean(arg(0)) ? arg(1) : e.args.length > 2 ? arg(2) : false;
    case 'AND':
      return e.args.every((_, i) => toBoolean(arg(i)));
    case 'ROUND':
      return roundHalfAway(toNumber(arg(0)), Math.trunc(toNumber(arg(1))));
    case 'INT':
      return Math.floor(toNumber(arg(0)));
    case 'ABS':
      return Math.abs(toNumber(arg(0)));
    case 'MAX':
      return Math.max(...e.args.map((_, i) => toNumber(arg(i))));
    case 'ISNUMBER':
    case 'ISTEXT': {
      const values = rangeOf(e.args[0], env);
      const v = values.length === 1 ? values[0] : null;
      return e.name === 'ISNUMBER' ? typeof v === 'number' : typeof v === 'string';
    }
    case 'LEFT':
      return toText(arg(0)).slice(0, Math.max(0, Math.trunc(toNumber(arg(1)))));
    case 'SUM': {
      let total = 0;
      for (const a of e.args) {
        for (const v of rangeOf(a, env)) {
          if (isFormulaError(v)) throw new Failure(v);
          // In a range, SUM skips text and logicals, as Excel does.
          if (typeof v === 'number') total += v;
        }
      }
      return total;
    }
    case 'COUNTA':
      return e.args.flatMap((a) => rangeOf(a, env)).filter((v) => v !== null).length;
    case 'COUNTIF': {
      const criterion = arg(1);
      return rangeOf(e.args[0], env).filter((v) => matches(v, criterion)).length;
    }
  }
}
