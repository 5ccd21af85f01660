// The scan of a sheet's text before ExcelJS parses it: sizes, and numeric cells that hold no number.
import { scanSheetXml } from '../../../src/gateways/xlsx/sheetXml';
import { sheetXml } from './rawXlsx';

describe('scanSheetXml', () => {
  it('counts rows, cells and merged cells and reads the dimension', () => {
    const xml = sheetXml({ name: 'S', dimension: 'A1:C3', rows: '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"/></row><row r="3"><c r="C3"><v>2</v></c></row>', merges: ['A5:B6'] });
    const facts = scanSheetXml(xml);
    expect(facts).toMatchObject({ dimensionRows: 3, rows: 2, cells: 3, mergedCells: 4 });
    expect(facts.invalid.size).toBe(0);
  });

  it('stays linear on a report sheet full of text results (formulas with t="str", no bare <c>)', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="str"><f>B${i + 1}&amp;"x"</f><v>第${i}项 文字</v></c></row>`).join('');
    const started = Date.now();
    const facts = scanSheetXml(sheetXml({ name: 'R', rows }));
    expect(facts.rows).toBe(50_000);
    expect(facts.invalid.size).toBe(0);
    // Quadratic (each text value searching back to the part's start) took minutes here.
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
