// The one place the pane reaches for a gateway, so the entry's test can stand in for them.
import type { Lang } from '../core/model';
import type { FileHostDeps, OpenedFile, WorkbookFile } from '../gateways/xlsx/fileHost';

export { createExcelHost, type ExcelHostDeps } from '../gateways/office/excelHost';

/**
 * Opens an .xlsx file for the browser page. The .xlsx gateway (and ExcelJS, ~1 MB) is loaded here, through
 * import(), the first time a file is opened: never at start, and never inside Excel.
 */
export async function openWorkbookFile(file: WorkbookFile, deps: FileHostDeps, lang: Lang): Promise<OpenedFile> {
  const gateway = await import(/* webpackChunkName: "file-host" */ '../gateways/xlsx/fileHost');
  return gateway.openWorkbookFile(file, deps, lang);
}
