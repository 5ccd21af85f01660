// Installs the fake as the `Office` and `Excel` globals (in jest, or in a browser page in place of office.js),
// and hands the test a handle: the workbook state, counters of every sync (request and response sizes),
// injectable failures, cell-edit mode.
import { formatRect, parseRect, splitSheet } from './address';
import { FakeObject, FakeRequestContext, type FakeCommand, type FakeHost, type FakeRunOptions } from './context';
import { FakeOfficeError, officeError } from './errors';
import { FakeEventRegistry } from './events';
import { cellAt, findSheet, type FakeScalar, type FakeWorkbookInit, type FakeWorkbookState } from './state';
import { FakeWorkbook } from './workbook';

export interface FakeOfficeOptions {
  /** The highest ExcelApi set the host supports: '1.5' is an old Excel 2016, '1.17' a current one. */
  maxExcelApi?: string;
  /** Other requirement sets and their versions, e.g. `{ DialogApi: '1.2' }`. */
  requirementSets?: Record<string, string>;
  /** Turns base64 workbook bytes into sheets for insertWorksheetsFromBase64; without it the API fails. */
  decodeWorkbook?: (base64: string) => FakeWorkbookInit | Promise<FakeWorkbookInit>;
  /** false: insertWorksheetsFromBase64 fails with ApiNotFound although ExcelApi 1.13 is claimed (e.g. Excel on iPad). */
  insertWorksheets?: boolean;
  /** What insertWorksheetsFromBase64 does with a sheet name that is taken (Excel's behaviour is not documented). */
  insertNameClash?: 'fail' | 'rename';
  displayLanguage?: string;
  platform?: string;
  /** Excel on the web refuses requests and responses over 5 MB; null for no limit. */
  maxRequestBytes?: number | null;
  maxResponseBytes?: number | null;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  commands: number;
}

export interface FakeStats {
  runs: number;
  syncs: number;
  requests: SyncRecord[];
  /** Commands queued but never synced when an Excel.run batch ended (office.js drops them). */
  unsyncedCommands: number;
  /** Syncs that waited for the user to leave cell-edit mode (delayForCellEdit). */
  delayedForCellEdit: number;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
}

export interface FailureRule {
  /** `Class.member` of the command to fail (`Range.values`, `Worksheet.delete`, `ConditionalFormatCollection.add`, `Chart.setPosition`), or `sync` for the whole next sync. */
  member: string;
  code: string;
  message?: string;
  /** Let this many matching commands pass first. */
  skip?: number;
  when?: (command: FakeCommand) => boolean;
}

export interface FakeOffice {
  readonly state: FakeWorkbookState;
  readonly stats: FakeStats;
  resetStats(): void;
  /** Arms a failure: the matching command (or the next sync) throws an Excel-like error, once. */
  failNext(rule: FailureRule): void;
  /** The user is typing in a cell: batches fail, or wait when run with delayForCellEdit. */
  enterCellEditMode(): void;
  exitCellEditMode(): void;
  /** The next settings.saveAsync fails with this error. */
  failNextSettingsSave(code?: string, message?: string): void;
  /**
   * The user types into a cell (`'项目支出!F5'`; null empties it): the state changes and every handler added with
   * `worksheets.onChanged.add` gets a WorksheetChanged event. Resolves once the handlers have run.
   */
  editCell(reference: string, value: FakeScalar | null): Promise<void>;
  /** Handlers registered through `worksheets.onChanged.add` and not removed. */
  readonly changeHandlers: number;
  /** WorksheetChanged events raised so far (the add-in's writes and editCell). */
  readonly changeEvents: number;
  /** Removes the globals this install defined (restoring what was there before). */
  uninstall(): void;
}

export const FIVE_MB = 5 * 1024 * 1024;

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

type Callback = (result: { status: 'succeeded' | 'failed'; value?: unknown; error?: { code: string; name: string; message: string }; asyncContext?: unknown }) => void;

export function installFakeOffice(target: typeof globalThis, workbook: FakeWorkbookState, options: FakeOfficeOptions = {}): FakeOffice {
  const maxApi = options.maxExcelApi ?? '1.17';
  const limits = {
    request: options.maxRequestBytes === undefined ? FIVE_MB : options.maxRequestBytes,
    response: options.maxResponseBytes === undefined ? FIVE_MB : options.maxResponseBytes,
  };
  const failures: FailureRule[] = [];
  let cellEdit: { promise: Promise<void>; release: () => void } | null = null;
  let settingsFailure: { code: string; message: string } | null = null;

  const newStats = (): FakeStats => {
    const stats = {
      runs: 0,
      syncs: 0,
      requests: [] as SyncRecord[],
      unsyncedCommands: 0,
      delayedForCellEdit: 0,
      get maxRequestBytes() {
        return Math.max(0, ...stats.requests.map((r) => r.requestBytes));
      },
      get maxResponseBytes() {
        return Math.max(0, ...stats.requests.map((r) => r.responseBytes));
      },
    };
    return stats;
  };
  let stats = newStats();

  const supports = (api: string) => compareVersions(api, maxApi) <= 0;

  const events = new FakeEventRegistry();
  const host: FakeHost = {
    state: workbook,
    events,
    supports,
    insertNameClash: options.insertNameClash ?? 'fail',
    decodeWorkbook: options.insertWorksheets === false ? undefined : options.decodeWorkbook,
    async beforeSync(context: FakeRequestContext, requestBytes: number, commands: number) {
      await Promise.resolve();
      stats.syncs += 1;
      stats.requests.push({ requestBytes, responseBytes: 0, commands });
      if (cellEdit) {
        if (context.runOptions.delayForCellEdit && supports('1.11')) {
          stats.delayedForCellEdit += 1;
          await cellEdit.promise;
        } else {
          throw officeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
        }
      }
      if (limits.request !== null && requestBytes > limits.request) {
        throw officeError('RequestPayloadSizeLimitExceeded', `The request payload size (${requestBytes} bytes) has exceeded the limit.`);
      }
      const index = failures.findIndex((f) => f.member === 'sync');
      if (index >= 0) {
        const [rule] = failures.splice(index, 1);
        throw officeError(rule.code, rule.message ?? `Injected ${rule.code} at sync`);
      }
    },
    failureFor(command: FakeCommand): FakeOfficeError | null {
      for (let i = 0; i < failures.length; i++) {
        const rule = failures[i];
        if (rule.member !== command.member || !(rule.when?.(command) ?? true)) continue;
        if (rule.skip && rule.skip > 0) {
          rule.skip -= 1;
          continue;
        }
        failures.splice(i, 1);
        return officeError(rule.code, rule.message ?? `Injected ${rule.code} at ${command.member}`, command.path);
      }
      return null;
    },
    afterSync(responseBytes: number) {
      stats.requests[stats.requests.length - 1].responseBytes = responseBytes;
      if (limits.response !== null && responseBytes > limits.response) {
        throw officeError('ResponsePayloadSizeLimitExceeded', `The response payload size (${responseBytes} bytes) has exceeded the limit.`);
      }
    },
  };

  async function run(first: unknown, second?: unknown): Promise<unknown> {
    let runOptions: FakeRunOptions = {};
    let batch: unknown = first;
    // Excel.run(context, batch) / Excel.run(object, batch): the batch runs in that earlier context (how an event
    // handler is removed: in the context it was added in).
    let reused: FakeRequestContext | null = null;
    if (typeof first !== 'function') {
      if (first instanceof FakeRequestContext) reused = first;
      else if (first instanceof FakeObject) reused = first.context;
      else if (first && typeof first === 'object' && !Array.isArray(first)) runOptions = first as FakeRunOptions;
      else throw officeError('NotImplemented', 'The fake runs Excel.run(batch), Excel.run(options, batch) and Excel.run(context, batch) only.');
      batch = second;
    }
    if (typeof batch !== 'function') throw officeError('InvalidArgument', 'Excel.run needs a batch function.');
    if (reused && reused.host !== host) throw officeError('InvalidRequestContext', 'The request context belongs to another Excel.');
    let context: FakeRequestContext;
    let closeAfter = true;
    if (reused) {
      context = reused;
      closeAfter = context._reopen(); // a run nested in the context's own run leaves it open
    } else {
      context = new FakeRequestContext(host, runOptions);
      context.workbook = new FakeWorkbook(context, 'wb', () => workbook);
    }
    stats.runs += 1;
    try {
      const pending = (batch as (ctx: FakeRequestContext) => unknown)(context);
      if (!pending || typeof (pending as Promise<unknown>).then !== 'function') {
        throw officeError('RunMustReturnPromise', 'The batch function passed to the ".run" method didn\'t return a promise.');
      }
      return await pending;
    } finally {
      if (closeAfter) stats.unsyncedCommands += context._close();
    }
  }

  let pendingSettings: Record<string, unknown> = JSON.parse(JSON.stringify(workbook.settings)) as Record<string, unknown>;
  const settings = {
    get(name: string): unknown {
      return Object.prototype.hasOwnProperty.call(pendingSettings, name) ? pendingSettings[name] : null;
    },
    set(name: string, value: unknown): void {
      pendingSettings[name] = JSON.parse(JSON.stringify(value)) as unknown;
    },
    remove(name: string): void {
      delete pendingSettings[name];
    },
    saveAsync(optionsOrCallback?: unknown, maybeCallback?: unknown): void {
      const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback) as Callback | undefined;
      const asyncContext = typeof optionsOrCallback === 'object' && optionsOrCallback ? (optionsOrCallback as { asyncContext?: unknown }).asyncContext : undefined;
      const failure = settingsFailure;
      settingsFailure = null;
      void Promise.resolve().then(() => {
        if (failure) {
          callback?.({ status: 'failed', error: { code: failure.code, name: failure.code, message: failure.message }, asyncContext });
          return;
        }
        workbook.settings = JSON.parse(JSON.stringify(pendingSettings)) as Record<string, unknown>;
        callback?.({ status: 'succeeded', asyncContext });
      });
    },
    refreshAsync(callback?: Callback): void {
      pendingSettings = JSON.parse(JSON.stringify(workbook.settings)) as Record<string, unknown>;
      void Promise.resolve().then(() => callback?.({ status: 'succeeded', value: settings }));
    },
  };

  const platform = options.platform ?? 'PC';
  const info = { host: 'Excel', platform };
  const officeGlobal = {
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    context: {
      host: 'Excel',
      platform,
      displayLanguage: options.displayLanguage ?? 'zh-CN',
      contentLanguage: options.displayLanguage ?? 'zh-CN',
      diagnostics: { host: 'Excel', platform, version: '16.0.0.0' },
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const version = name.toLowerCase() === 'excelapi' ? maxApi : options.requirementSets?.[name];
          if (version === undefined) return false;
          return minVersion === undefined || compareVersions(String(minVersion), version) <= 0;
        },
      },
      document: { settings },
    },
  };
  const excelGlobal = {
    run,
    ErrorCodes: {
      accessDenied: 'AccessDenied',
      apiNotFound: 'ApiNotFound',
      generalException: 'GeneralException',
      invalidArgument: 'InvalidArgument',
      invalidOperation: 'InvalidOperation',
      invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
      itemAlreadyExists: 'ItemAlreadyExists',
      itemNotFound: 'ItemNotFound',
      notImplemented: 'NotImplemented',
      requestAborted: 'RequestAborted',
      responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
      unsupportedOperation: 'UnsupportedOperation',
    },
  };

  const globals = target as unknown as Record<string, unknown>;
  const previous = { Office: globals.Office, Excel: globals.Excel };
  globals.Office = officeGlobal;
  globals.Excel = excelGlobal;

  return {
    state: workbook,
    get stats() {
      return stats;
    },
    resetStats() {
      stats = newStats();
    },
    failNext(rule: FailureRule) {
      failures.push({ ...rule });
    },
    enterCellEditMode() {
      if (cellEdit) return;
      let release = () => undefined as void;
      const promise = new Promise<void>((resolve) => {
        release = resolve;
      });
      cellEdit = { promise, release };
    },
    exitCellEditMode() {
      const current = cellEdit;
      cellEdit = null;
      current?.release();
    },
    failNextSettingsSave(code = 'GeneralException', message = 'Injected settings save failure') {
      settingsFailure = { code, message };
    },
    editCell(reference: string, value: FakeScalar | null): Promise<void> {
      const { sheet: name, address } = splitSheet(reference);
      const sheet = name === null ? undefined : findSheet(workbook, name);
      const rect = parseRect(address);
      if (!sheet || !rect || rect.top !== rect.bottom || rect.left !== rect.right) throw new Error(`fake Excel: editCell needs one cell of a sheet, not ${reference}`);
      if (sheet.protected) throw new Error(`fake Excel: ${sheet.name} is protected; the user cannot type into it`);
      const cell = cellAt(sheet, rect.top, rect.left, true);
      delete cell.formula;
      cell.value = value ?? '';
      return events.raise([{ type: 'WorksheetChanged', worksheetId: sheet.id, address: formatRect(rect), changeType: 'RangeEdited', source: 'Local' }]);
    },
    get changeHandlers() {
      return events.changedHandlers;
    },
    get changeEvents() {
      return events.raised;
    },
    uninstall() {
      if (previous.Office === undefined) delete globals.Office;
      else globals.Office = previous.Office;
      if (previous.Excel === undefined) delete globals.Excel;
      else globals.Excel = previous.Excel;
    },
  };
}
