// The one formula tokenizer (src/core/formulaText.ts): references outside quotes move, text in quotes never does.
import { formulaPieces, formulaShape, shiftFormulaRows } from '../../src/core/formulaText';

describe('formula tokenizer', () => {
  it('keeps "A1" inside a string literal as text, escaped quotes included', () => {
    expect(shiftFormulaRows('IF(B5>0,"A1 ""B2"" C3",B5)&"A1"', 2)).toBe('IF(B7>0,"A1 ""B2"" C3",B7)&"A1"');
    expect(formulaPieces('"A1"&A1').filter((p) => p.kind === 'ref')).toHaveLength(1);
  });

  it('reads sheet-qualified references, quoted (with \'\' escapes) or bare, and leaves the sheet name alone', () => {
    expect(shiftFormulaRows("'B2 表'!F5+'O''Brien'!$E5+项目支出!F5/10000", 1)).toBe("'B2 表'!F6+'O''Brien'!$E6+项目支出!F6/10000");
    const [ref] = formulaPieces("'B2 表'!$F$5").filter((p) => p.kind === 'ref');
    expect(ref).toMatchObject({ sheet: "'B2 表'!", col: 5, row: 4, colAbsolute: true, rowAbsolute: true });
  });

  it('tells a call from a reference and leaves absolute rows, numbers and names alone', () => {
    expect(shiftFormulaRows('LOG10(2)+ROUND($E$4/E4,4)+E$4+1E5+0.95+[@A1]', 3)).toBe('LOG10(2)+ROUND($E$4/E7,4)+E$4+1E5+0.95+[@A1]');
  });

  it('gives one shape to a formula filled down, and tells apart formulas that differ in quoted text', () => {
    expect(formulaShape('项目支出!F5/10000+$E$2', 4, 2)).toBe(formulaShape('项目支出!F6/10000+$E$2', 5, 2));
    expect(formulaShape('$E$2', 4, 2)).not.toBe(formulaShape('$E$3', 5, 2));
    // The old shape (a regular expression over the whole text) took "A5" for a reference: these two were one
    // shared formula, and the second cell would have shown "A5".
    expect(formulaShape('"A5"&B5', 4, 2)).not.toBe(formulaShape('"A6"&B6', 5, 2));
  });
});
