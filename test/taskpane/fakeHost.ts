// A WorkbookHost for the pane's tests: every call is recorded, and every answer is a promise the test settles.
import type { DocxOutcome, GenerateOutcome, HostCapabilities, Progress, Settings, WorkbookHost } from '../../src/gateways/host';

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
  answer: Deferred<GenerateOutcome>;
}

export class FakeHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  readonly capabilities: HostCapabilities = { conditionalFormats: true, charts: true, insertWorksheets: true };

  readonly generateCalls: GenerateCall[] = [];
  readonly insertTemplateCalls: Deferred<void>[] = [];
  readonly exportDocxCalls: { settings: Settings; answer: Deferred<DocxOutcome> }[] = [];
  readonly removeHighlightsCalls: Deferred<void>[] = [];
  readonly selected: string[] = [];
  readonly saved: Settings[] = [];
  /** What select answers; resolved by default. */
  selectAnswer: () => Promise<void> = () => Promise.resolve();
  /** What loadSettings answers; nothing stored by default. */
  readonly load = new Deferred<Partial<Settings>>();
  loadCalls = 0;

  constructor(stored: Partial<Settings> | 'pending' = {}) {
    if (stored !== 'pending') this.load.resolve(stored);
  }

  generate(settings: Settings, onProgress?: (step: Progress) => void, reportDate?: Date): Promise<GenerateOutcome> {
    const answer = new Deferred<GenerateOutcome>();
    this.generateCalls.push({ settings, onProgress, reportDate, answer });
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

  removeHighlights(): Promise<void> {
    const answer = new Deferred<void>();
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
