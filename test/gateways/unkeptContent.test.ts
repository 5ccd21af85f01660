// Parts of an .xlsx that ExcelJS would drop, attributed to the sheet that holds them.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Lang } from '../../src/core/model';
import { runPipeline } from '../../src/core/pipeline';
import { wordFinding } from '../../src/core/wording';
import { loadWorkbook } from '../../src/gateways/xlsx/readWorkbook';
import { findUnkeptContent } from '../../src/gateways/xlsx/unkeptContent';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rels = (...items: [string, string, string][]) =>
  `<Relationships>${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join('')}</Relationships>`;

function workbookZip(): JSZip {
  const zip = new JSZip();
  zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="项目支出" sheetId="1" r:id="rId1"/><sheet name="R&amp;D 图" sheetId="2" r:id="rId2"/></sheets></workbook>');
  zip.file('xl/_rels/workbook.xml.rels', rels(['rId1', 'worksheet', 'worksheets/sheet1.xml'], ['rId2', 'worksheet', 'worksheets/sheet2.xml']));
  zip.file('xl/worksheets/sheet1.xml', '<worksheet/>');
  zip.file('xl/worksheets/sheet2.xml', '<worksheet/>');
  return zip;
}

describe('findUnkeptContent', () => {
  it('finds nothing in a plain workbook', async () => {
    expect(await findUnkeptContent(workbookZip(), 'zh')).toEqual([]);
  });

  it('names the sheet that holds charts and pivot tables', async () => {
    const zip = workbookZip();
    zip.file('xl/worksheets/_rels/sheet2.xml.rels', rels(['rId1', 'drawing', '../drawings/drawing1.xml'], ['rId2', 'pivotTable', '../pivotTables/pivotTable1.xml']));
    zip.file('xl/drawings/drawing1.xml', '<xdr:wsDr/>');
    zip.file('xl/drawings/_rels/drawing1.xml.rels', rels(['rId1', 'chart', '../charts/chart1.xml'], ['rId2', 'chart', '../charts/chart2.xml'], ['rId3', 'image', '../media/image1.png']));
    zip.file('xl/charts/chart1.xml', '<c:chartSpace/>');
    zip.file('xl/charts/chart2.xml', '<c:chartSpace/>');
    zip.file('xl/pivotTables/pivotTable1.xml', '<pivotTableDefinition/>');
    expect(await findUnkeptContent(zip, 'zh')).toEqual([
      { what: '2 图表', where: 'R&D 图' },
      { what: '1 数据透视表', where: 'R&D 图' },
    ]);
  });

  it('reports add-in parts and macros for the workbook as a whole', async () => {
    const zip = workbookZip();
    zip.file('xl/webextensions/webextension1.xml', '<we:webextension/>');
    zip.file('xl/vbaProject.bin', 'x');
    expect(await findUnkeptContent(zip, 'en')).toEqual([
      { what: '1 add-in part(s)', where: 'the workbook' },
      { what: '1 macro project', where: 'the workbook' },
    ]);
  });

  it('finds them in namespace-prefixed parts (<x:sheet>, <pr:Relationship>, rel:id) too, as some producers write them', async () => {
    const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
    const prefixedRels = (...items: [string, string, string][]) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<pr:Relationships xmlns:pr="${PKG}">${items.map(([id, type, target]) => `<pr:Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join('')}</pr:Relationships>`;
    const zip = new JSZip();
    zip.file('xl/workbook.xml', `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:sheets><x:sheet name="项目支出" sheetId="1" rel:id="rId1"/><x:sheet name="图&amp;表" sheetId="2" rel:id="rId2"/></x:sheets></x:workbook>`);
    zip.file('xl/_rels/workbook.xml.rels', prefixedRels(['rId1', 'worksheet', 'worksheets/sheet1.xml'], ['rId2', 'worksheet', 'worksheets/sheet2.xml']));
    zip.file('xl/worksheets/_rels/sheet2.xml.rels', prefixedRels(['rId1', 'drawing', '../drawings/drawing1.xml']));
    zip.file('xl/drawings/_rels/drawing1.xml.rels', prefixedRels(['rId1', 'chart', '../charts/chart1.xml']));
    zip.file('xl/charts/chart1.xml', '<c:chartSpace/>');
    expect(await findUnkeptContent(zip, 'zh')).toEqual([{ what: '1 图表', where: '图&表' }]);
  });

  it('takes a sheet’s name from its name attribute, not from text that looks like one inside another attribute', async () => {
    const zip = workbookZip();
    zip.file('xl/workbook.xml', `<workbook xmlns:r="${REL}"><sheets><sheet note=' name="假"' name="真" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    zip.file('xl/worksheets/_rels/sheet1.xml.rels', rels(['rId1', 'pivotTable', '../pivotTables/pivotTable1.xml']));
    expect(await findUnkeptContent(zip, 'zh')).toEqual([{ what: '1 数据透视表', where: '真' }]);
  });
});

describe('the content-not-kept warning, read from a file', () => {
  it('is worded in both languages, so that an English pane shows it in English over a Chinese report', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('项目支出').addRows([
      ['项目名称', '年初预算数', '预算调整数', '调整后预算数', '实际支出数'],
      ['甲', 100, 0, 100, 100],
    ]);
    const zip = await JSZip.loadAsync((await book.xlsx.writeBuffer()) as ArrayBuffer);
    zip.file('xl/vbaProject.bin', 'x');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const { snapshot } = await loadWorkbook(bytes, 'zh');
    expect(snapshot.unkeptContent).toEqual([{ what: { zh: '1 宏', en: '1 macro project' }, where: { zh: '整个工作簿', en: 'the workbook' } }]);
    const run = (lang: Lang) => runPipeline(snapshot, { lang, basis: 'adjusted', style: 'fixed', reportDate: new Date(2022, 0, 1) }).findings.find((f) => f.code === 'content-not-kept')!;
    expect(run('zh').message).toBe('输出文件无法保留1 宏（整个工作簿），请在原工作簿中查看。');
    expect(wordFinding(run('zh'), 'en')).toBe(run('en').message);
    expect(run('en').message).toBe('The output file cannot keep 1 macro project (the workbook); see them in the original workbook.');
  });
});
