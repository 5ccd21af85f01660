// The pane's words in English. Typed as `Strings`, so a missing or extra key is a compile error.
import { limitMessage, type LimitExceeded } from '../../core/limits';
import type { Strings } from './zh';

export const en: Strings = {
  langTag: 'en',
  title: 'Budget performance self-evaluation',
  switchLanguage: '中文',
  switchLanguageLabel: '切换为中文界面',

  generate: 'Generate evaluation',
  generateHint: "Reads this workbook's budget tables, computes the execution rates, writes a report sheet and marks the projects under target.",
  progressLabel: 'Progress',
  progress: {
    starting: 'Starting…',
    reading: 'Reading the workbook… (step 1 of 3)',
    computing: 'Computing the rates and drafting the report… (step 2 of 3)',
    writing: 'Writing the report sheet… (step 3 of 3)',
  },
  busyHint: 'Working, please wait.',
  cancel: 'Cancel',
  cancelled: 'Cancelled: nothing was changed in the workbook.',
  cancelledFile: 'Cancelled: no result was made.',
  fixSettingsFirst: 'A setting has an invalid value: correct it before generating.',

  settings: 'Settings',
  settingsSaveFailed: 'The settings could not be saved in this workbook (this run still uses them).',
  target: 'Execution target (%)',
  targetHint: (fallback: string) => `Leave empty to use the workbook's own 执行率目标 (execution target); ${fallback} when it has none.`,
  explainBelow: 'Explain below (%)',
  explainBelowHint: (fallback: string) =>
    `Projects under this rate need a written reason. Leave empty to use the workbook's own 说明阈值; ${fallback} when it has none.`,
  percentInvalid: 'Enter a number from 0 to 100, e.g. 95, or leave it empty.',
  explainAboveTarget: (target: string) => `Above the execution target: the run uses the target, ${target}, as the explain-below threshold.`,
  basis: 'Execution rate denominator',
  basisOptions: {
    adjusted: 'Adjusted budget (调整后预算)',
    initial: 'Initial budget (年初预算)',
    'adjusted-plus-carryover': 'Adjusted budget + carry-over (上年结转)',
  },
  reportLang: 'Report language',
  reportLangOptions: { zh: '中文 (Chinese)', en: 'English' },
  numberStyle: 'Number style',
  numberStyleOptions: {
    trim: 'Trailing zeros off: 126万元, 100%',
    fixed: 'Two decimals: 126.00万元, 100.00%',
  },

  results: 'Results',
  resultsIntro: (department: string) => `${department}:`,
  summaryDone: (rate: string, under: number) => `Evaluation written. Execution rate ${rate}; ${under} project(s) under target.`,
  summaryNotWritten: (errors: number) => `The report was not written: the data has ${errors} error(s).`,
  summaryFailed: 'Could not finish.',
  totals: 'Department totals',
  adjustedBudget: 'Adjusted budget',
  actual: 'Actual expenditure',
  adjustmentRate: 'Budget adjustment rate',
  executionRate: 'Execution rate',
  // No-break spaces: the figure and its unit stay on one line.
  amount: (value: string) => `${value}\u00a0(10k\u00a0yuan)`,
  score: 'Self-evaluation score',
  scoreValue: (points: string, unscored: string, grade: string) =>
    unscored ? `${points} (${unscored} still to score by hand; provisional grade ${grade})` : `${points} (${grade})`,
  grades: { 优: 'Excellent', 良: 'Good', 中: 'Fair', 差: 'Poor' },
  noRate: 'cannot be computed',
  underTarget: (count: number) => `Projects under target (${count})`,
  noneUnderTarget: 'Every project reached its execution target.',
  projectRate: (rate: string, target: string) => `rate ${rate}, target ${target}`,
  projectNoRate: (target: string) => `no rate can be computed, target ${target}`,
  selfScores: (count: number) => `Project self-evaluation scores (${count})`,
  selfScoresHint: 'By the rule: the execution-rate score plus each indicator scored by the published rule; filed: the score of the form’s total row, or the sum of the score cells.',
  selfScore: (rule: string, clerk: string, max: string) => (clerk ? `by the rule ${rule}, filed ${clerk} (of ${max})` : `by the rule ${rule}, none filed (of ${max})`),
  selfScoreAbove: ': the filed score is above the rule’s, and a reviewer may deduct',
  selectHint: 'Select this cell in the workbook',
  openReport: (sheet: string) => `Open the report sheet "${sheet}"`,
  highlightRule: 'The projects under target are marked in your table with conditional formatting.',
  highlightFill:
    'This Excel version lacks conditional formatting, so the rows of the projects under target were filled with colour; Remove highlights takes the colour away.',
  highlightProtected: (sheets: string, count: number) =>
    `${count === 1 ? 'The sheet' : 'The sheets'} ${sheets} ${count === 1 ? 'is' : 'are'} protected, so the marks there were not updated (the report was written as usual): remove the protection on the Review tab and generate again to mark them.`,
  sheetName: (sheet: string) => `"${sheet}"`,
  sheetSeparator: ', ',
  notWritten: 'The report was not written: correct the errors below in the workbook, then click Generate evaluation again.',
  selectFailed: 'Could not select that cell.',

  exportDocx: {
    label: 'Export to Word',
    hint: 'Makes the report (the text, Table 1 the score, Table 3 the projects’ self-scores when they have indicators, Table 4 the projects) a Word document laid out as an official document, to download; the workbook is not changed.',
    running: 'Making the Word document…',
    download: 'Download the Word document',
    ready: (name: string) => `${name}: the report text with Tables 1 and 4 (and Table 3 when projects have indicators), laid out as an official document (GB/T 9704); edit it in Word or WPS.`,
    notMade: 'No Word document: correct these errors in the workbook first.',
    failed: 'The Word document could not be made.',
  },

  findings: 'Problems in the data',
  noFindings: 'No problems found in the data.',
  severity: {
    error: (count: number) => `Errors (${count})`,
    warning: (count: number) => `Warnings (${count})`,
    info: (count: number) => `Notes (${count})`,
  },
  wholeWorkbook: 'Whole workbook',
  seeAlso: 'See also ',
  findingsShown: (shown: number, total: number) => `Listing the first ${shown} of ${total}.`,
  findingsShowAll: (total: number) => `Show all ${total}`,

  tools: 'Tools',
  insertTemplate: {
    label: 'Insert template',
    hint: 'Adds the blank template sheets to this workbook without touching your sheets.',
    done: 'Template sheets inserted: fill them in, then click Generate evaluation.',
    failed: 'The template could not be inserted.',
  },
  removeHighlights: {
    label: 'Remove highlights',
    hint: "Takes this tool's marks (conditional formats or fills) out of your tables.",
    done: "This tool's marks were removed from your tables.",
    keptProtected: (sheets: string, count: number) =>
      `${count === 1 ? 'The sheet' : 'The sheets'} ${sheets} ${count === 1 ? 'is' : 'are'} protected, so the marks there stay: remove the protection, then click Remove highlights again.`,
    failed: 'The highlights could not be removed.',
  },

  undoTitle: 'Undo does not apply',
  undoBody:
    "Excel's Undo (Ctrl+Z) cannot take back what this add-in writes. To take the marks out of your tables, click Remove highlights; to remove the report, delete the report sheet. Your own figures are never changed.",
  undoDismiss: 'Got it',

  staleTitle: 'Data changed since the report was made',
  staleBody: (sheets: string, count: number) =>
    count === 1
      ? `The data changed after the report sheet ${sheets} was made: its figures may be out of date.`
      : `The data changed after the report sheets ${sheets} were made: their figures may be out of date.`,
  staleGenerate: 'Generate again',

  errorDetail: (detail: string) => `Details: ${detail}`,
  hostError: {
    protected: 'A sheet or the workbook is protected: remove the protection on the Review tab, then try again. Export to Word changes nothing in the workbook and works while it is protected.',
    'cell-edit': 'Excel is editing a cell: press Enter or Esc to leave the cell, then try again.',
    'too-large': 'The data is more than Excel can take in one request: split very large tables, or run the budget-eval command on the .xlsx file.',
    'item-exists': 'A sheet with that name already exists: rename or delete it, then try again.',
    'not-found': 'A sheet or cell the add-in needs is gone (deleted or renamed): generate again, then retry.',
    unsupported: 'This Excel version lacks a feature the add-in needs: update Office, or run the budget-eval command on the .xlsx file.',
    busy: 'Excel is busy: wait a moment, then try again.',
    limit: 'The workbook is larger than this tool takes: split it as the details say, then try again.',
    unknown: 'Something unexpected went wrong: try again; if it fails again, save the workbook, reopen it and retry.',
  },

  noExcelTitle: 'Not open in Excel',
  noExcelBody:
    'You can work on an .xlsx file right here in the browser: open the workbook, generate the evaluation, then download the result. The file is processed on this computer only and never uploaded.',
  noExcelOther: 'The tool also runs as an Excel add-in, or as the budget-eval command, for example:',
  noExcelCommandExample: 'npx budget-eval my-budget.xlsx',
  noExcelCommandResult: 'It writes my-budget.evaluation.xlsx: your file untouched plus a report sheet. WPS users: save as .xlsx first.',

  openWorkbook: 'Open workbook',
  dropHint: 'or drop an .xlsx file here',
  dropZoneLabel: 'Open workbook: choose or drop an .xlsx file',
  opening: (name: string) => `Opening "${name}"…`,
  opened: (name: string) => `Open: ${name}`,
  openFailed: (name: string) => `"${name}" cannot be opened`,
  fileProblem: {
    format: (extension: string) => `${extension} files are not supported: save it as .xlsx (Excel or WPS: Save As), then open that.`,
    encrypted: 'The file is encrypted (password to open) or an old .xls: remove the password and save it as .xlsx (Excel or WPS: Save As), then open that.',
    'not-xlsx': 'This is not an .xlsx workbook: save it as .xlsx (Excel or WPS: Save As), then open that.',
    corrupt: 'This workbook cannot be read (the file may be damaged): open it in Excel or WPS, save it as .xlsx and try again.',
    unreadable: 'The browser could not read this file: make sure no other program holds it, then try again.',
    failed: 'The part of the page that reads .xlsx files could not be loaded: reload the page and try again.',
    'too-large': (limit: LimitExceeded) => limitMessage(limit, 'en'),
  },
  generateHintFile: "Reads this file's budget tables, computes the execution rates and makes a copy with a report sheet for you to download; your file is not changed.",
  download: 'Download the evaluated workbook',
  downloadHint: (name: string, sheet: string) =>
    `${name}: your workbook plus the report sheet "${sheet}", with the projects under target marked. Your file is not changed.`,
  downloadTemplate: 'Download the blank template',
  downloadTemplateHint: "Fill in the budget and expenditure under the template's headers, save it, then open it here.",
  templateFileName: 'budget-evaluation-template.xlsx',
};
