// The one tokenizer of formula text (A1 style) that the gateways use to move a formula or to compare two:
// it skips string literals ("A1" stays text), quoted sheet names ('A1 表'!B2) and structured references
// ([…]), and tells a cell reference from a function name (LOG10( is a call). Pure: no Excel, no ExcelJS.
import { columnIndex } from './address';

export type FormulaPiece =
  | { kind: 'text'; text: string }
  | {
      kind: 'ref';
      /** The sheet prefix as written, `!` included (`'项目 支出'!`), or ''. */
      sheet: string;
      colAbsolute: boolean;
      /** 0-based. */
      col: number;
      rowAbsolute: boolean;
      /** 0-based. */
      row: number;
      /** The column letters as written (their case kept). */
      letters: string;
    };

/** Characters that end a name, a number or a reference. */
const DELIMITER = /[\s()+\-*/&=<>,;:^%{}!"'[\]@#]/;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;

/** Where a quoted run that starts at `from` with `quote` ends (after its closing quote; `""`/`''` are escapes). */
function quotedEnd(formula: string, from: number, quote: string): number {
  let i = from + 1;
  while (i < formula.length) {
    if (formula[i] === quote) {
      if (formula[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return formula.length;
}

/** The formula as pieces: references, and the text between them (joined back, the pieces give the formula). */
export function formulaPieces(formula: string): FormulaPiece[] {
  const pieces: FormulaPiece[] = [];
  const text = (t: string) => {
    const last = pieces.at(-1);
    if (last?.kind === 'text') last.text += t;
    else if (t) pieces.push({ kind: 'text', text: t });
  };
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === '[') {
      const end = ch === '"' ? quotedEnd(formula, i, '"') : Math.max(formula.indexOf(']', i) + 1, i + 1);
      text(formula.slice(i, end));
      i = end;
      continue;
    }
    let sheet = '';
    let start = i;
    if (ch === "'") {
      const end = quotedEnd(formula, i, "'");
      if (formula[end] !== '!') {
        text(formula.slice(i, end));
        i = end;
        continue;
      }
      sheet = formula.slice(i, end + 1);
      start = end + 1;
    } else if (DELIMITER.test(ch)) {
      text(ch);
      i++;
      continue;
    }
    let end = start;
    while (end < formula.length && !DELIMITER.test(formula[end])) end++;
    if (!sheet && formula[end] === '!') {
      // An unquoted sheet name: the word after it is the reference.
      sheet = formula.slice(start, end + 1);
      start = end + 1;
      end = start;
      while (end < formula.length && !DELIMITER.test(formula[end])) end++;
    }
    const word = formula.slice(start, end);
    const cell = CELL.exec(word);
    if (cell && formula[end] !== '(') {
      pieces.push({ kind: 'ref', sheet, colAbsolute: cell[1] === '$', letters: cell[2], col: columnIndex(cell[2].toUpperCase()), rowAbsolute: cell[3] === '$', row: Number(cell[4]) - 1 });
    } else text(sheet + word);
    i = end;
  }
  return pieces;
}

function printRef(p: Extract<FormulaPiece, { kind: 'ref' }>): string {
  return `${p.sheet}${p.colAbsolute ? '$' : ''}${p.letters}${p.rowAbsolute ? '$' : ''}${p.row + 1}`;
}

/** Moves the relative row references (`$E4`, `F4`) down by `rows`; absolute rows (`E$4`), names and text stay. */
export function shiftFormulaRows(formula: string, rows: number): string {
  if (rows === 0) return formula;
  return formulaPieces(formula)
    .map((p) => (p.kind === 'text' ? p.text : printRef(p.rowAbsolute ? p : { ...p, row: p.row + rows })))
    .join('');
}

/**
 * The formula in R1C1 terms as seen from (row, col), 0-based: two cells whose formulas have the same shape hold
 * the same formula filled down or across (what a shared formula may stand for).
 */
export function formulaShape(formula: string, row: number, col: number): string {
  return formulaPieces(formula)
    .map((p) => (p.kind === 'text' ? p.text : `${p.sheet}R${p.rowAbsolute ? p.row + 1 : `[${p.row - row}]`}C${p.colAbsolute ? p.col + 1 : `[${p.col - col}]`}`))
    .join('');
}
