import type { CellValue } from '../../src/core/model';
import { Grid } from '../../src/core/parse/grid';

describe('Grid.firstTextCol (the row lead the table reader asks of every row)', () => {
  it('finds the cell firstText reads, for every kind of value, without making its text', () => {
    const kinds: CellValue[] = [null, '', '  ', '\u3000', 'x', ' 合计 ', 0, 12.5, -1, true, new Date(0), { error: '#N/A' }, { invalid: '12abc' }, { invalid: ' ' }];
    let seed = 5;
    const pick = () => kinds[(seed = (seed * 48271) % 2147483647) % kinds.length];
    const values: CellValue[][] = Array.from({ length: 3000 }, (_, r) => Array.from({ length: r % 7 }, pick));
    const grid = new Grid({ name: 'S', values, merges: [] });
    for (let r = 0; r < values.length + 2; r++) {
      for (const [from, to] of [[0, 3], [1, 8], [2, 2], [4, 1]]) {
        const col = grid.firstTextCol(r, from, to);
        expect(col < 0 ? '' : grid.text(r, col)).toBe(grid.firstText(r, from, to));
      }
    }
  });
});
