// A WorkbookHost for the pane's tests: every call is recorded, and every answer is a promise the test settles.
import type { Lang } from '../../src/core/model';
import type { DocxOutcome, Freshness, GenerateOutcome, HostCapabilities, Progress, RemoveOutcome, Settings, WorkbookHost } from '../../src/gateways/host';

export class Deferred<T> {
  readonly promise: Promise<T>;
  resolve!: (value: T) => void;
  reject!: (reason: unknown) => void;
  constructor() {
    this.promise = new Promise<T>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }
}

export interface GenerateCall {
  settings: Settings;
  onProgress?: (step: Progress) => void;
  reportDate?: Date;
  signal?: AbortSignal;
  answer: Deferred<GenerateOutcome>;
}

/** checkFreshness's answer for a workbook the tool never evaluated. */
export const NO_REPORT: Freshness = { status: 'none', fingerprint: null, reports: [] };

/** checkFreshness's answer for a report sheet whose data changed since (or still matches, with 'current'). */
export function freshness(status: 'current' | 'stale', sheet = '绩效自评报告'): Freshness {
  return {
    status,
    fingerprint: status === 'current' ? 'f1' : 'f2',
    reports: [{ sheet, status, recorded: 'f1' }],
  };
}

export class FakeHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  readonly capabilities: HostCapabilities = { conditionalFormats: true, charts: true, insertWorksheets: true };

  readonly generateCalls: GenerateCall[] = [];
  readonly insertTemplateCalls: Deferred<void>[] = [];
  readonly exportDocxCalls: { settings: Settings; answer: Deferred<DocxOutcome> }[] = [];
  readonly removeHighlightsCalls: Deferred<RemoveOutcome>[] = [];
  readonly selected: string[] = [];
  readonly saved: Settings[] = [];
  /** What select answers; resolved by default. */
  selectAnswer: () => Promise<void> = () => Promise.resolve();
  /** What loadSettings answers; nothing stored by default. */
  readonly load = new Deferred<Partial<Settings>>();
  loadCalls = 0;

  /** What checkFreshness answers (a function, to answer differently or fail); no fingerprinted report by default. */
  freshness: Freshness | ((lang: Lang) => Promise<Freshness>) = NO_REPORT;
  /** The language of every checkFreshness call. */
  readonly freshnessCalls: Lang[] = [];
  /** The listeners the pane registered through onDataChanged (see withDataChanges), and how many it removed. */
  readonly dataListeners: (() => void)[] = [];
  removedDataListeners = 0;
  /** Present only after withDataChanges(): like a host without change events by default. */
  onDataChanged?: (listener: () => void) => Promise<() => Promise<void>>;

  constructor(stored: Partial<Settings> | 'pending' = {}) {
    if (stored !== 'pending') this.load.resolve(stored);
  }

  checkFreshness(lang: Lang): Promise<Freshness> {
    this.freshnessCalls.push(lang);
    const answer = this.freshness;
    return typeof answer === 'function' ? answer(lang) : Promise.resolve(answer);
  }

  /** Gives the host change events (as Excel with ExcelApi 1.9 has); `changeData()` then raises one. */
  withDataChanges(): this {
    this.onDataChanged = (listener) => {
      this.dataListeners.push(listener);
      return Promise.resolve(() => {
        const index = this.dataListeners.indexOf(listener);
        if (index >= 0) {
          this.dataListeners.splice(index, 1);
          this.removedDataListeners++;
        }
        return Promise.resolve();
      });
    };
    return this;
  }

  /** A cell of the workbook changed: every registered listener is called. */
  changeData(): void {
    for (const listener of [...this.dataListeners]) listener();
  }

  generate(settings: Settings, onProgress?: (step: Progress) => void, reportDate?: Date, signal?: AbortSignal): Promise<GenerateOutcome> {
    const answer = new Deferred<GenerateOutcome>();
    this.generateCalls.push({ settings, onProgress, reportDate, signal, answer });
    return answer.promise;
  }

  /** The latest generate call (the test fails loudly when there is none). */
  get lastGenerate(): GenerateCall {
    const call = this.generateCalls[this.generateCalls.length - 1];
    if (!call) throw new Error('generate was not called');
    return call;
  }

  exportDocx(settings: Settings): Promise<DocxOutcome> {
    const answer = new Deferred<DocxOutcome>();
    this.exportDocxCalls.push({ settings, answer });
    return answer.promise;
  }

  removeHighlights(): Promise<RemoveOutcome> {
    const answer = new Deferred<RemoveOutcome>();
    this.removeHighlightsCalls.push(answer);
    return answer.promise;
  }

  insertTemplate(): Promise<void> {
    const answer = new Deferred<void>();
    this.insertTemplateCalls.push(answer);
    return answer.promise;
  }

  select(reference: string): Promise<void> {
    this.selected.push(reference);
    return this.selectAnswer();
  }

  loadSettings(): Promise<Partial<Settings>> {
    this.loadCalls++;
    return this.load.promise;
  }

  saveSettings(settings: Settings): Promise<void> {
    this.saved.push(settings);
    return Promise.resolve();
  }
}
