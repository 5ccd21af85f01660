// The ExcelJS internals the adapter relies on, for both builds: these fail if an ExcelJS upgrade changes them.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import type * as Adapter from '../../../src/gateways/xlsx/excelAdapter';
import { declaredSize } from '../../../src/gateways/xlsx/zipParts';
import { mergedSheet, rawXlsx, rowsXml } from './rawXlsx';

const SAMPLE = new Uint8Array(fs.readFileSync(path.join(__dirname, '../../../assets/sample-2021.xlsx')));

type Build = { name: string; load(): { adapter: typeof Adapter; ExcelJS: typeof ExcelJS } };

// The command runs ExcelJS's lib/ (package.json "main"); the browser page its prebuilt dist/ ("browser").
const BUILDS: Build[] = [
  { name: 'lib (Node)', load: () => ({ adapter: jest.requireActual('../../../src/gateways/xlsx/excelAdapter'), ExcelJS }) },
  {
    name: 'dist (browser)',
    load: () => {
      let loaded!: { adapter: typeof Adapter; ExcelJS: typeof ExcelJS };
      jest.isolateModules(() => {
        jest.doMock('exceljs', () => jest.requireActual('exceljs/dist/exceljs.min.js'));
        loaded = { adapter: jest.requireActual('../../../src/gateways/xlsx/excelAdapter'), ExcelJS: jest.requireActual('exceljs/dist/exceljs.min.js') };
      });
      return loaded;
    },
  },
];

describe.each(BUILDS)('ExcelJS internals the adapter uses ($name)', (build) => {
  const { adapter, ExcelJS: Excel } = build.load();

  it('reads a workbook as ExcelJS load() does: same sheets, cells and merges', async () => {
    const plain = new Excel.Workbook();
    await plain.xlsx.load(SAMPLE as unknown as ExcelJS.Buffer);
    const { workbook } = await adapter.loadWithExcelJS(SAMPLE, await JSZip.loadAsync(SAMPLE), () => undefined);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(plain.worksheets.map((ws) => ws.name));
    for (const ws of workbook.worksheets) {
      const other = plain.getWorksheet(ws.name)!;
      // The whole sheet model (rows, cells, styles, merges) as ExcelJS itself would have it.
      expect(ws.model).toEqual(other.model);
    }
  });

  it('hands each worksheet part to beforeSheet with its name, before ExcelJS parses it', async () => {
    const seen: { path: string; name: string | undefined; head: string }[] = [];
    const { partOfSheet } = await adapter.loadWithExcelJS(SAMPLE, await JSZip.loadAsync(SAMPLE), (part) => seen.push({ path: part.path, name: part.name, head: part.xml.slice(0, 40) }));
    expect(seen.map((s) => s.name)).toEqual(['部门信息', '部门支出', '项目支出', '绩效指标']);
    expect(seen.every((s) => s.head.startsWith('<?xml'))).toBe(true);
    expect([...partOfSheet.entries()]).toEqual(seen.map((s) => [s.name, s.path]));
  });

  it('stops before the sheet is parsed when beforeSheet throws', async () => {
    const proto = Object.getPrototypeOf(new Excel.Workbook().xlsx) as { _processWorksheetEntry(): Promise<void> };
    const parse = jest.spyOn(proto, '_processWorksheetEntry');
    try {
      await expect(
        adapter.loadWithExcelJS(SAMPLE, await JSZip.loadAsync(SAMPLE), () => {
          throw new Error('too big');
        }),
      ).rejects.toThrow('too big');
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('applies merges through the merge index as mergeCells would, and lists them', async () => {
    const bytes = await rawXlsx([{ name: 'S', rows: rowsXml([['a', null, 'b'], [null, null, null]]), merges: ['A1:B1', 'C1:C2'] }]);
    const { workbook } = await adapter.loadWithExcelJS(bytes, await JSZip.loadAsync(bytes), () => undefined);
    const ws = workbook.worksheets[0];
    expect(adapter.sheetMerges(ws)).toEqual([
      { top: 0, left: 0, bottom: 0, right: 1 },
      { top: 0, left: 2, bottom: 1, right: 2 },
    ]);
    expect(ws.getCell('B1').isMerged).toBe(true);
    expect(ws.getCell('B1').master.address).toBe('A1');
    expect(ws.getCell('C2').master.address).toBe('C1');
    expect(ws.model.merges).toEqual(['A1:B1', 'C1:C2']);
    // ExcelJS's own index still works afterwards: a later overlapping merge is refused by ExcelJS itself.
    expect(() => ws.mergeCells('B1:C1')).toThrow('Cannot merge already merged cells');
  });

  it('refuses overlapping merges as ExcelJS does', async () => {
    const bytes = await rawXlsx([{ name: 'S', rows: rowsXml([['a', 'b', 'c']]), merges: ['A1:B1', 'B1:C1'] }]);
    await expect(adapter.loadWithExcelJS(bytes, await JSZip.loadAsync(bytes), () => undefined)).rejects.toThrow('Cannot merge already merged cells');
  });

  it('writes the merges back: a round trip keeps them', async () => {
    const bytes = await rawXlsx([mergedSheet(50)]);
    const { workbook } = await adapter.loadWithExcelJS(bytes, await JSZip.loadAsync(bytes), () => undefined);
    const written = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const again = await adapter.loadWithExcelJS(written, await JSZip.loadAsync(written), () => undefined);
    expect(adapter.sheetMerges(again.workbook.worksheets[0])).toHaveLength(50);
  });

  it('reads 40,000 merges (linear: ExcelJS alone checks 800 million pairs)', async () => {
    const bytes = await rawXlsx([mergedSheet(40_000)]);
    const { workbook } = await adapter.loadWithExcelJS(bytes, await JSZip.loadAsync(bytes), () => undefined);
    const merges = adapter.sheetMerges(workbook.worksheets[0]);
    expect(merges).toHaveLength(40_000);
    expect(merges[39_999]).toEqual({ top: 39_999, left: 0, bottom: 39_999, right: 1 });
  }, 60_000);
});

describe('JSZip internals', () => {
  it('declaredSize reads the uncompressed size from the directory, without unzipping', async () => {
    const zip = new JSZip();
    zip.file('a.xml', 'x'.repeat(100_000));
    const loaded = await JSZip.loadAsync(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(declaredSize(loaded.file('a.xml')!)).toBe(100_000);
  });
});

describe('the lean XML writer (Node build: ExcelJS lib/utils/xml-stream)', () => {
  type Stream = {
    openXml(attrs?: unknown): void;
    openNode(name: string, attrs?: Record<string, unknown>): void;
    closeNode(): void;
    leafNode(name: string, attrs?: Record<string, unknown>, text?: string): void;
    addRollback(): void;
    rollback(): void;
    commit(): void;
    readonly xml: string;
    _joined?: string[];
  };
  type StreamClass = new () => Stream;
  // The adapter (imported above through the builds) made the process's copy lean; an isolated registry gives
  // ExcelJS's own, untouched, to compare with.
  const lean = jest.requireActual('exceljs/lib/utils/xml-stream') as StreamClass;
  let plain!: StreamClass;
  let PlainExcel!: typeof ExcelJS;
  jest.isolateModules(() => {
    plain = jest.requireActual('exceljs/lib/utils/xml-stream');
    PlainExcel = jest.requireActual('exceljs');
  });
  jest.requireActual('../../../src/gateways/xlsx/excelAdapter');

  const write = (Stream: StreamClass, body: (s: Stream) => void) => {
    const s = new Stream();
    s.openXml({ version: '1.0' });
    s.openNode('sheetData');
    body(s);
    return s;
  };
  const rows = (s: Stream, from: number, count: number) => {
    for (let r = from; r < from + count; r++) {
      s.openNode('row', { r });
      s.leafNode('c', { r: `A${r}`, t: 'inlineStr' }, `项目 ${r} & <x>`);
      s.closeNode();
    }
  };

  it('is in place for lib/, and does nothing where the module is absent (the browser build)', () => {
    expect(plain).not.toBe(lean);
    expect(adapterOf().leanXmlWriter(lean)).toBe(true);
    expect(adapterOf().leanXmlWriter(null)).toBe(false);
    expect(adapterOf().leanXmlWriter({})).toBe(false);
  });

  it('joins the text as it goes, and writes the same text as ExcelJS’s own writer', () => {
    const a = write(lean, (s) => rows(s, 1, 30000));
    const b = write(plain, (s) => rows(s, 1, 30000));
    expect(a._joined?.length).toBeGreaterThan(0);
    expect(b._joined).toBeUndefined();
    expect(a.xml).toBe(b.xml);
  });

  it('joins nothing while a rollback is pending, so a rollback still takes back what it should', () => {
    const body = (s: Stream) => {
      rows(s, 1, 10);
      s.addRollback();
      rows(s, 11, 30000);
      s.rollback();
      s.addRollback();
      rows(s, 11, 30000);
      s.commit();
      rows(s, 30011, 10);
    };
    const a = write(lean, body);
    expect(a.xml).toBe(write(plain, body).xml);
    expect(a.xml).not.toContain('r="A30011"></c><c');
  });

  it('a whole workbook: the sheet text is the same byte for byte', async () => {
    const fill = (wb: ExcelJS.Workbook) => {
      const ws = wb.addWorksheet('项目支出');
      for (let r = 1; r <= 8000; r++) {
        const row = ws.getRow(r);
        row.values = [`项目${r}`, r * 1.5, { formula: `B${r}*2`, result: r * 3 }, r % 7 === 0 ? '=文本' : null];
        row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
        row.getCell(4).numFmt = '@';
      }
      ws.mergeCells('E1:F2');
    };
    const sheetText = async (wb: ExcelJS.Workbook) => {
      fill(wb);
      const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
      return Promise.all(['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'].map((p) => zip.file(p)?.async('string')));
    };
    expect(await sheetText(new ExcelJS.Workbook())).toEqual(await sheetText(new PlainExcel.Workbook()));
  });
});

function adapterOf(): typeof Adapter {
  return jest.requireActual('../../../src/gateways/xlsx/excelAdapter');
}
