import fc from 'fast-check';
import { cellAddress, cellRef, columnIndex, columnLetters, parseRange, quoteSheet, rangeAddress, splitReference } from '../../src/core/address';

describe('addresses', () => {
  it('names columns as Excel does', () => {
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(701)).toBe('ZZ');
    expect(columnLetters(702)).toBe('AAA');
    expect(columnLetters(16383)).toBe('XFD');
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (col) => columnIndex(columnLetters(col)) === col));
  });

  it('writes and reads cells and ranges', () => {
    expect(cellAddress(5, 1)).toBe('B6');
    expect(cellAddress(5, 1, true)).toBe('$B$6');
    expect(rangeAddress({ top: 0, left: 0, bottom: 0, right: 9 })).toBe('A1:J1');
    expect(rangeAddress({ top: 2, left: 1, bottom: 2, right: 1 })).toBe('B3');
    expect(parseRange('B2:D5')).toEqual({ top: 1, left: 1, bottom: 4, right: 3 });
    expect(parseRange('$D$5:B2')).toEqual({ top: 1, left: 1, bottom: 4, right: 3 });
    expect(parseRange('nonsense')).toBeNull();
  });
});

describe('sheet names in references', () => {
  it('leaves plain names bare', () => {
    for (const name of ['项目支出', 'Sheet1', 'Data_2021', 'Sheet.1', 'ABCD1']) expect(quoteSheet(name)).toBe(name);
    expect(cellRef('项目支出', 5, 1)).toBe('项目支出!B6');
  });

  it('quotes the rest as Excel does', () => {
    expect(cellRef('My sheet', 0, 0)).toBe("'My sheet'!A1");
    expect(cellRef("O'Brien", 0, 0)).toBe("'O''Brien'!A1");
    expect(quoteSheet('项目 支出')).toBe("'项目 支出'");
    expect(quoteSheet('2021')).toBe("'2021'");
    expect(quoteSheet('2021年项目')).toBe("'2021年项目'");
    expect(quoteSheet('Sheet-1')).toBe("'Sheet-1'");
    expect(quoteSheet('A1')).toBe("'A1'");
    expect(quoteSheet('xfd100')).toBe("'xfd100'");
  });

  it('quotes names Excel would read as R1C1 references or logicals', () => {
    for (const name of ['R', 'C', 'r2', 'C3', 'RC', 'R2C3', 'rc10', 'R1C', 'TRUE', 'false']) expect(quoteSheet(name)).toBe(`'${name}'`);
    for (const name of ['Rates', 'R1X', 'C1R', 'R1C1x', 'Truth']) expect(quoteSheet(name)).toBe(name);
  });

  it('splits what it writes back into the same name', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[\\/?*[\]:]/.test(s) && s.trim() === s && s !== ''), (name) => {
        expect(splitReference(cellRef(name, 3, 2))).toEqual({ sheet: name, address: 'C4' });
      }),
    );
  });
});
