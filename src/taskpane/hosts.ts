// The one place the pane's entry reaches for the Office.js gateway, so the entry's test can stand in for it.
export { createExcelHost, type ExcelHostDeps } from '../gateways/office/excelHost';
