// A fake of the Excel JavaScript API (office.js) for tests: jest here, and injected in place of office.js in
// a browser for end-to-end tests. It enforces the rules that bite real add-ins (see README.md) and measures
// every request. No jest imports anywhere in this folder.
export { installFakeOffice, FIVE_MB, type FailureRule, type FakeOffice, type FakeOfficeOptions, type FakeStats, type SyncRecord } from './office';
export {
  cellByRef,
  cloneState,
  createFakeWorkbook,
  dateSerial,
  describeState,
  findSheet,
  sheetValues,
  usedRect,
  type FakeCell,
  type FakeChart,
  type FakeConditionalFormat,
  type FakeInitValue,
  type FakeName,
  type FakeScalar,
  type FakeSheet,
  type FakeSheetInit,
  type FakeWorkbookInit,
  type FakeWorkbookState,
} from './state';
export { FakeOfficeError, type FakeErrorCode } from './errors';
export { type FakeWorksheetChangedEventArgs } from './events';
export { formatAddress, formatRect, parseRect, type Rect } from './address';
