// Excel's change events, as much of them as the gateway uses: `worksheets.onChanged.add(handler)` (ExcelApi 1.9)
// registers the handler at the next sync and returns an EventHandlerResult whose `remove()` is queued, like any
// command, on the context the handler was added in (so it must run in `Excel.run(result.context, …)`). Changes of
// cell contents raise WorksheetChanged events: the add-in's own writes (Range.values / formulas, clear) once their
// sync has applied them, and the user's edits (`fake.editCell`). Handlers run asynchronously, after the change.
import type { FakeRequestContext } from './context';
import { officeError } from './errors';

export interface FakeWorksheetChangedEventArgs {
  type: 'WorksheetChanged';
  worksheetId: string;
  /** The changed range on its sheet, without the sheet's name (`F5`, `A1:C3`), as Excel gives it. */
  address: string;
  changeType: 'RangeEdited';
  source: 'Local' | 'Remote';
}

type Handler = (args: FakeWorksheetChangedEventArgs) => unknown;

interface Registration {
  context: FakeRequestContext;
  handler: Handler;
}

/** The live handlers of the installed fake and the changes waiting to be raised (one per fake Office install). */
export class FakeEventRegistry {
  private readonly changed: Registration[] = [];
  private pending: FakeWorksheetChangedEventArgs[] = [];
  /** Events raised so far (the add-in's writes and the user's edits). */
  raised = 0;

  get changedHandlers(): number {
    return this.changed.length;
  }

  register(context: FakeRequestContext, handler: Handler): void {
    this.changed.push({ context, handler });
  }

  unregister(context: FakeRequestContext, handler: Handler): void {
    const index = this.changed.findIndex((r) => r.context === context && r.handler === handler);
    // As office.js does for a handler that is not registered in this context.
    if (index < 0) throw officeError('InvalidArgument', 'The event handler was not added in this request context (or was removed already).');
    this.changed.splice(index, 1);
  }

  /** A change applied by a sync: raised once the sync is over (see flush). */
  note(args: FakeWorksheetChangedEventArgs): void {
    this.pending.push(args);
  }

  /** Raises the changes noted during a sync. Returns when every handler has run. */
  flush(): Promise<void> {
    const events = this.pending;
    this.pending = [];
    return events.length === 0 ? Promise.resolve() : this.raise(events);
  }

  /** Calls every registered handler with each event, after the current task's microtasks; errors are dropped. */
  async raise(events: FakeWorksheetChangedEventArgs[]): Promise<void> {
    await Promise.resolve();
    for (const args of events) {
      this.raised += 1;
      for (const { handler } of [...this.changed]) {
        try {
          await handler({ ...args });
        } catch {
          // Excel ignores what a handler throws.
        }
      }
    }
  }
}

/** `worksheets.onChanged`: an OfficeExtension.EventHandlers. */
export class FakeEventHandlers {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly path: string,
    private readonly member: string,
    private readonly api: string,
  ) {}

  add(handler: Handler): FakeEventHandlerResult {
    if (typeof handler !== 'function') throw officeError('InvalidArgument', 'An event handler is a function.');
    const context = this.context;
    context._queue({
      kind: 'call',
      member: `${this.member}.add`,
      path: this.path,
      api: this.api,
      exec: () => context.host.events.register(context, handler),
    });
    return new FakeEventHandlerResult(context, this, handler);
  }

  remove(handler: Handler): void {
    const context = this.context;
    context._queue({
      kind: 'call',
      member: `${this.member}.remove`,
      path: this.path,
      api: this.api,
      exec: () => context.host.events.unregister(context, handler),
    });
  }
}

/** What `add` returns: `remove()` queues the removal on the context the handler was added in. */
export class FakeEventHandlerResult {
  constructor(
    readonly context: FakeRequestContext,
    private readonly handlers: FakeEventHandlers,
    private readonly handler: Handler,
  ) {}

  remove(): void {
    this.handlers.remove(this.handler);
  }
}
