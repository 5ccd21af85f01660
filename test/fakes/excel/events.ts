// Excel's change events, as much of them as the gateway uses: `worksheets.onChanged.add(handler)` (ExcelApi 1.9),
// `worksheet.onChanged` (one sheet's, 1.7) and `worksheets.onAdded` (1.7): `add` registers the handler at the next sync and returns an EventHandlerResult whose `remove()` is queued, like any
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

export interface FakeWorksheetAddedEventArgs {
  type: 'WorksheetAdded';
  worksheetId: string;
  source: 'Local' | 'Remote';
}

type FakeEventArgs = FakeWorksheetChangedEventArgs | FakeWorksheetAddedEventArgs;
type Handler = (args: never) => unknown;

/** Which events a handler hears: changes (of every sheet, or of one), or sheets added. */
export type EventScope = { kind: 'changed'; sheetId: (() => string) | null } | { kind: 'added' };

interface Registration {
  context: FakeRequestContext;
  handler: Handler;
  kind: 'changed' | 'added';
  /** For a sheet's own onChanged: that sheet's id. */
  sheetId: string | null;
}

/** The live handlers of the installed fake and the changes waiting to be raised (one per fake Office install). */
export class FakeEventRegistry {
  private readonly changed: Registration[] = [];
  private pending: FakeEventArgs[] = [];
  /** Events raised so far (the add-in's writes and the user's edits). */
  raised = 0;

  /** Handlers of change events (the collection's and the sheets' own). */
  get changedHandlers(): number {
    return this.changed.filter((r) => r.kind === 'changed').length;
  }

  register(context: FakeRequestContext, handler: Handler, scope: EventScope = { kind: 'changed', sheetId: null }): void {
    this.changed.push({ context, handler, kind: scope.kind, sheetId: scope.kind === 'changed' && scope.sheetId ? scope.sheetId() : null });
  }

  unregister(context: FakeRequestContext, handler: Handler): void {
    const index = this.changed.findIndex((r) => r.context === context && r.handler === handler);
    // As office.js does for a handler that is not registered in this context.
    if (index < 0) throw officeError('InvalidArgument', 'The event handler was not added in this request context (or was removed already).');
    this.changed.splice(index, 1);
  }

  /** A change applied by a sync: raised once the sync is over (see flush). */
  note(args: FakeEventArgs): void {
    this.pending.push(args);
  }

  /** Raises the changes noted during a sync. Returns when every handler has run. */
  flush(): Promise<void> {
    const events = this.pending;
    this.pending = [];
    return events.length === 0 ? Promise.resolve() : this.raise(events);
  }

  /** Calls every registered handler with each event, after the current task's microtasks; errors are dropped. */
  async raise(events: FakeEventArgs[]): Promise<void> {
    await Promise.resolve();
    for (const args of events) {
      if (args.type === 'WorksheetChanged') this.raised += 1;
      const hearing = this.changed.filter((r) =>
        args.type === 'WorksheetAdded' ? r.kind === 'added' : r.kind === 'changed' && (r.sheetId === null || r.sheetId === args.worksheetId),
      );
      for (const { handler } of hearing) {
        try {
          await (handler as (a: FakeEventArgs) => unknown)({ ...args });
        } catch {
          // Excel ignores what a handler throws.
        }
      }
    }
  }
}

/** `worksheets.onChanged`, `worksheet.onChanged`, `worksheets.onAdded`: an OfficeExtension.EventHandlers. */
export class FakeEventHandlers {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly path: string,
    private readonly member: string,
    private readonly api: string,
    private readonly scope: EventScope = { kind: 'changed', sheetId: null },
  ) {}

  add(handler: Handler): FakeEventHandlerResult {
    if (typeof handler !== 'function') throw officeError('InvalidArgument', 'An event handler is a function.');
    const context = this.context;
    context._queue({
      kind: 'call',
      member: `${this.member}.add`,
      path: this.path,
      api: this.api,
      exec: () => context.host.events.register(context, handler, this.scope),
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
