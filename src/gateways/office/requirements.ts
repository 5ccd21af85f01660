/// <reference types="office-js" />
// Which ExcelApi sets the host has. Everything in this gateway asks through a `Supports` function so that the
// read and write steps can be driven by a test without touching the Office global.

/** True when the host supports ExcelApi `version` (e.g. '1.6'). */
export type Supports = (version: string) => boolean;

/** The minimum for Generate and Remove highlights: getItemOrNullObject, getUsedRangeOrNullObject, names.add. */
export const MIN_EXCEL_API = '1.4';

export const API = {
  /** Conditional formats: the highlight as a rule; without them, plain fills. */
  conditionalFormats: '1.6',
  /** Chart series' category ranges (setXAxisValues), so the chart can name each project. */
  charts: '1.7',
  workbookProtection: '1.7',
  showGridlines: '1.8',
  /**
   * WorksheetCollection.onChanged, one handler for every sheet (Worksheet.onChanged is 1.7, per sheet; the
   * collection's event came with 1.9): the pane learns that data changed under a report.
   */
  changeEvents: '1.9',
  /** Worksheet.onChanged and WorksheetCollection.onAdded: the same, one handler per sheet (Office 2019). */
  sheetChangeEvents: '1.7',
  /** Page layout (A4, fit to width, print titles), worksheet.getRanges (one rule over several areas). */
  pageLayout: '1.9',
  rangeAreas: '1.9',
  /** getMergedAreasOrNullObject, insertWorksheetsFromBase64. */
  mergedAreas: '1.13',
  insertWorksheets: '1.13',
} as const;

export const officeSupports: Supports = (version) =>
  typeof Office !== 'undefined' && Boolean(Office.context?.requirements?.isSetSupported('ExcelApi', version));
