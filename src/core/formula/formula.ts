// One formula model for every formula the report writes (the summary's rates and statuses, the scores, the
// highlight rules): an expression tree, printed to Excel's A1 syntax by `printFormula` and computed with
// Excel's semantics by `evaluateFormula` (./evaluateFormula.ts), so a rule is written once and its value can
// be checked against the engine's.

/** A reference as Excel writes it: `C5`, `$F4`, `'项目支出'!D6`, `A5:A9`. */
export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'ref'; ref: string }
  | { kind: 'call'; name: FunctionName; args: Expr[] }
  | { kind: 'op'; op: BinaryOp; left: Expr; right: Expr }
  /** Brackets the clerk sees, kept where they help reading (`(部门支出!D6)`); precedence needs none. */
  | { kind: 'group'; inner: Expr };

export type BinaryOp = '+' | '-' | '*' | '/' | '=' | '<>' | '<' | '<=' | '>' | '>=';
export type FunctionName = 'IF' | 'AND' | 'ROUND' | 'INT' | 'ABS' | 'MAX' | 'SUM' | 'COUNTA' | 'COUNTIF' | 'ISNUMBER' | 'ISTEXT' | 'LEFT';

export const num = (value: number): Expr => ({ kind: 'number', value });
export const text = (value: string): Expr => ({ kind: 'text', value });
export const ref = (at: string): Expr => ({ kind: 'ref', ref: at });
export const call = (name: FunctionName, ...args: Expr[]): Expr => ({ kind: 'call', name, args });
export const group = (inner: Expr): Expr => ({ kind: 'group', inner });
const op =
  (o: BinaryOp) =>
  (left: Expr, right: Expr): Expr => ({ kind: 'op', op: o, left, right });
export const add = op('+');
export const sub = op('-');
export const mul = op('*');
export const div = op('/');
export const eq = op('=');
export const ne = op('<>');
export const lt = op('<');
export const le = op('<=');
export const gt = op('>');
export const ge = op('>=');
export const IF = (test: Expr, then: Expr, otherwise: Expr): Expr => call('IF', test, then, otherwise);
export const ROUND = (value: Expr, places: number): Expr => call('ROUND', value, num(places));

/** Excel's precedence: comparisons bind loosest, then + −, then × ÷. */
const PRECEDENCE: Record<BinaryOp, number> = { '=': 1, '<>': 1, '<': 1, '<=': 1, '>': 1, '>=': 1, '+': 2, '-': 2, '*': 3, '/': 3 };

function precedence(e: Expr): number {
  if (e.kind === 'op') return PRECEDENCE[e.op];
  // A negative literal is a unary minus, which binds tighter than anything here.
  return 9;
}

/** The formula in A1 syntax, without its `=`; brackets only where precedence needs them, and the groups'. */
export function printFormula(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return printNumber(e.value);
    case 'text':
      return e.value.includes('"') ? `"${e.value.replace(/"/g, '""')}"` : `"${e.value}"`;
    case 'ref':
      return e.ref;
    case 'group':
      return `(${printFormula(e.inner)})`;
    case 'call': {
      // A loop, not map and join: formulas are printed for rows of tables.
      let args = '';
      for (let i = 0; i < e.args.length; i++) args += i === 0 ? printFormula(e.args[i]) : `,${printFormula(e.args[i])}`;
      return `${e.name}(${args})`;
    }
    case 'op': {
      const p = PRECEDENCE[e.op];
      const left = printFormula(e.left);
      const right = printFormula(e.right);
      // Left-associative: an operand of the same rank needs brackets on the right only (a−(b−c)).
      const l = precedence(e.left) < p ? `(${left})` : left;
      const r = precedence(e.right) <= p ? `(${right})` : right;
      return `${l}${e.op}${r}`;
    }
  }
}

/** A number as Excel reads it back exactly: shortest round-trip digits, `1e-7` as `1E-7`. */
export function printNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`a formula cannot hold ${value}`);
  const digits = String(value);
  return digits.includes('e') ? digits.toUpperCase().replace('E+', 'E') : digits;
}

/** Where a row template's row number goes: a character no reference, number or text of the report holds. */
const ROW = '\u0000';

/**
 * A formula whose rows differ only in the row number of their references (`F5/(D5+E5)`), printed once: its
 * text split where the row goes, so that `parts.join('5')` is `printFormula(build('5'))` and a table's
 * thousands of rows share one printing and build no tree each (the plan keeps such a column as the parts and
 * each row's number: PlanBody in compose/reportPlan.ts).
 */
export function rowTemplate(build: (row: string) => Expr): string[] {
  const parts = printFormula(build(ROW)).split(ROW);
  // Checked once: a formula whose text depends on its row in any other way cannot be a template.
  if (parts.join('1') !== printFormula(build('1'))) throw new Error('this formula is not the same from row to row');
  return parts;
}
