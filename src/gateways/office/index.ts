// The Office.js gateway: the only code that calls Excel.* and Office.*. The task pane uses createExcelHost.
export { createExcelHost, parseSettings, SETTINGS_KEY, type ExcelHostDeps } from './excelHost';
export { readSnapshot, type WorkbookRead, type ReadOptions } from './readSnapshot';
export { writeResult, type WriteOptions, type WriteOutcome } from './writeResult';
export { removeHighlights } from './highlights';
export { insertTemplate, type TemplateOutcome } from './insertTemplate';
export { toHostError } from './excelErrors';
