// The browser page's host reads with the same reader, so the same limits (lowerable through its deps).
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { openWorkbookFile } from '../../../src/gateways/xlsx/fileHost';
import { rawXlsx, rowsXml } from './rawXlsx';

describe('openWorkbookFile and the size limits', () => {
  it('refuses a file over a limit with the limit, for the pane to word in its language', async () => {
    const bytes = await rawXlsx([{ name: '项目支出', rows: rowsXml(Array.from({ length: 12 }, (_, i) => [`项目${i}`, i])) }]);
    const limits = { ...DEFAULT_CONFIG.limits, maxRowsPerSheet: 10 };
    expect(await openWorkbookFile({ name: 'a.xlsx', bytes }, { limits })).toEqual({
      ok: false,
      problem: { reason: 'too-large', limit: { limit: 'maxRowsPerSheet', found: 12, allowed: 10, sheet: '项目支出' } },
    });
    expect((await openWorkbookFile({ name: 'a.xlsx', bytes })).ok).toBe(true);
  });

  it('a damaged file gives what was wrong as the detail, the pane its advice', async () => {
    const bytes = Buffer.from(await rawXlsx([{ name: 'S', rows: rowsXml([['Alpha']]) }], { store: true }));
    bytes.write('Alphb', bytes.indexOf('Alpha'));
    expect(await openWorkbookFile({ name: 'a.xlsx', bytes: new Uint8Array(bytes) }, {}, 'en')).toEqual({ ok: false, problem: { reason: 'corrupt', detail: 'checksum mismatch' } });
  });
});
