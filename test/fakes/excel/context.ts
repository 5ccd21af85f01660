// The request/sync machinery of the fake: proxies queue commands; `context.sync()` sends them as one request
// (measured), applies them in order against the state (stopping at the first failure, as Excel does: what ran
// before it stays applied), and only then makes loaded properties readable.
import { FakeOfficeError, notLoaded, officeError } from './errors';
import type { FakeEventRegistry } from './events';
import type { FakeWorkbookState } from './state';

export interface FakeCommand {
  kind: 'set' | 'call' | 'load' | 'probe';
  /** `Class.member`, e.g. `Range.values`, `Worksheet.delete`, `ConditionalFormatCollection.add`. */
  member: string;
  path: string;
  args?: unknown;
  /** ExcelApi requirement set the member needs. */
  api: string;
  exec: () => void | Promise<void>;
}

/** What the context needs from the installed fake (see office.ts). */
export interface FakeHost {
  readonly state: FakeWorkbookState;
  supports(api: string): boolean;
  /** Records the request and applies sync-level rules (cell-edit mode, payload limit, injected sync failures). */
  beforeSync(context: FakeRequestContext, requestBytes: number, commandCount: number): Promise<void>;
  /** An injected failure for this command, if one is armed. */
  failureFor(command: FakeCommand): FakeOfficeError | null;
  afterSync(responseBytes: number): void;
  /** Turns template bytes (base64) into sheets, for insertWorksheetsFromBase64; undefined when the fake cannot. */
  readonly decodeWorkbook?: (base64: string) => Promise<import('./state').FakeWorkbookInit> | import('./state').FakeWorkbookInit;
  readonly insertNameClash: 'fail' | 'rename';
  /** Registered event handlers, and the changes a sync made, raised when it ends (events.ts). */
  readonly events: FakeEventRegistry;
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------------------
// load() arguments

export interface LoadTree {
  all: boolean;
  scalars: Set<string>;
  children: Map<string, LoadTree>;
}

function emptyTree(): LoadTree {
  return { all: false, scalars: new Set(), children: new Map() };
}

function addPath(tree: LoadTree, path: string): void {
  const parts = path
    .split('/')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return;
  let node = tree;
  for (const part of parts.slice(0, -1)) {
    let child = node.children.get(part);
    if (!child) {
      child = emptyTree();
      node.children.set(part, child);
    }
    node = child;
  }
  const last = parts[parts.length - 1];
  if (last === '*' || last === '$all') node.all = true;
  else node.scalars.add(last);
}

function addObject(tree: LoadTree, spec: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(spec)) {
    if (key === '$all') tree.all = tree.all || value === true;
    else if (key === 'select' && typeof value === 'string') value.split(',').forEach((p) => addPath(tree, p));
    else if (key === 'expand' && typeof value === 'string') value.split(',').forEach((p) => addPath(tree, `${p}/*`));
    else if (value === true) tree.scalars.add(key);
    else if (value && typeof value === 'object') {
      const child = tree.children.get(key) ?? emptyTree();
      addObject(child, value as Record<string, unknown>);
      tree.children.set(key, child);
    }
  }
}

export function parseLoad(arg: unknown): LoadTree {
  const tree = emptyTree();
  if (arg === undefined || arg === null) tree.all = true;
  else if (typeof arg === 'string') arg.split(',').forEach((p) => addPath(tree, p));
  else if (Array.isArray(arg)) arg.forEach((p) => String(p).split(',').forEach((q) => addPath(tree, q)));
  else if (typeof arg === 'object') addObject(tree, arg as Record<string, unknown>);
  if (!tree.all && tree.scalars.size === 0 && tree.children.size === 0) tree.all = true;
  return tree;
}

function describeTree(tree: LoadTree): string {
  const parts = [...tree.scalars];
  if (tree.all) parts.push('*');
  for (const [name, child] of tree.children) parts.push(`${name}/(${describeTree(child)})`);
  return parts.join(',');
}

// ---------------------------------------------------------------------------------------------------------
// Proxies

export interface ScalarSpec<T> {
  /** ExcelApi set that has the property. */
  api?: string;
  get?: (target: T, self: FakeObject<T>) => unknown;
  set?: (target: T, value: unknown, self: FakeObject<T>) => void;
}

export type Scalars<T> = Record<string, ScalarSpec<T>>;

export interface ReadResult {
  json: unknown;
  apply: (json: unknown) => void;
}

interface ProxyClass {
  className: string;
  scalars: Scalars<never>;
}

/** Every proxy: queued writes, loads that become readable only after sync, null objects, API-set checks. */
export abstract class FakeObject<T = unknown> {
  static className = 'ClientObject';
  static scalars: Scalars<never> = {};

  readonly _loaded = new Map<string, unknown>();
  _nullState: boolean | undefined;
  private _binding: { target: T | null } | null = null;
  protected readonly _children = new Map<string, FakeObject>();

  constructor(
    readonly context: FakeRequestContext,
    readonly _path: string,
    private readonly _resolver: () => T | null,
    readonly _nullable = false,
  ) {
    context._assertOpen();
    if (_nullable) {
      // Whether it exists is known after the next sync, loaded or not (as office.js does for *OrNullObject).
      context._queue({
        kind: 'probe',
        member: `${this._class.className}.isNullObject`,
        path: _path,
        api: '1.1',
        exec: () => {
          const missing = this._targetOrNull() === null;
          context._deliver({ isNullObject: missing }, () => {
            this._nullState = missing;
          });
        },
      });
    }
  }

  protected get _class(): ProxyClass {
    return this.constructor as unknown as ProxyClass;
  }

  get isNullObject(): boolean {
    if (!this._nullable) return false;
    if (this._nullState === undefined) throw notLoaded(`${this._class.className}.isNullObject`);
    return this._nullState;
  }

  /** The state object this proxy stands for, resolved once (then followed, as Excel tracks objects). */
  _targetOrNull(): T | null {
    if (!this._binding) this._binding = { target: this._resolver() };
    const target = this._binding.target;
    if (target !== null && !this._alive(target)) {
      throw officeError('ItemNotFound', `The requested ${this._class.className} no longer exists.`, this._path);
    }
    return target;
  }

  _target(): T {
    const target = this._targetOrNull();
    if (target === null) throw officeError('ItemNotFound', `The ${this._class.className} is a null object (it does not exist).`, this._path);
    return target;
  }

  _bind(target: T): void {
    this._binding = { target };
  }

  protected _alive(target: T): boolean {
    return !(target as { deleted?: boolean }).deleted;
  }

  protected _child<C extends FakeObject>(name: string, make: () => C): C {
    let child = this._children.get(name);
    if (!child) {
      child = make();
      this._children.set(name, child);
    }
    return child as C;
  }

  _get(name: string): unknown {
    if (!this._loaded.has(name)) throw notLoaded(`${this._class.className}.${name}`);
    return this._loaded.get(name);
  }

  _set(name: string, value: unknown): void {
    const spec = (this._class.scalars as Scalars<T>)[name];
    if (!spec?.set) throw new TypeError(`Cannot set read-only property ${this._class.className}.${name}`);
    this.context._queue({
      kind: 'set',
      member: `${this._class.className}.${name}`,
      path: this._path,
      args: value,
      api: spec.api ?? '1.1',
      exec: () => spec.set?.(this._target(), value, this),
    });
  }

  _call(method: string, args: unknown[], api: string, exec: () => void | Promise<void>): void {
    this.context._queue({
      kind: 'call',
      member: `${this._class.className}.${method}`,
      path: this._path,
      args: args.map((a) => (a instanceof FakeObject ? { ref: a._path } : a)),
      api,
      exec,
    });
  }

  /** Path of a proxy derived by a method call, e.g. `….getRange("A1")`. */
  protected _sub(segment: string): string {
    return `${this._path}.${segment}`;
  }

  load(arg?: unknown): this {
    const tree = parseLoad(arg);
    this.context._queue({
      kind: 'load',
      member: `${this._class.className}.load`,
      path: this._path,
      args: describeTree(tree),
      api: '1.1',
      exec: () => {
        const result = this._read(tree);
        this.context._deliver(result.json, result.apply);
      },
    });
    return this;
  }

  _read(tree: LoadTree): ReadResult {
    const target = this._targetOrNull();
    if (target === null) {
      return {
        json: { isNullObject: true },
        apply: () => {
          this._nullState = true;
        },
      };
    }
    const scalars = this._class.scalars as Scalars<T>;
    const names = tree.all ? Object.keys(scalars).filter((n) => scalars[n].get && this.context.host.supports(scalars[n].api ?? '1.1')) : [...tree.scalars];
    const json: Record<string, unknown> = {};
    for (const name of names) {
      const spec = scalars[name];
      if (!spec?.get) {
        if (this._nav(name)) {
          throw officeError('InvalidArgument', `Cannot load the navigation property '${name}' as a value; load its properties (${name}/…).`, this._path);
        }
        throw officeError('InvalidArgument', `The property '${name}' does not exist on ${this._class.className}.`, this._path);
      }
      if (!this.context.host.supports(spec.api ?? '1.1')) {
        throw officeError('ApiNotFound', `${this._class.className}.${name} needs ExcelApi ${spec.api}.`, this._path);
      }
      json[name] = spec.get(target, this);
    }
    const children: [string, ReadResult][] = [];
    for (const [name, sub] of tree.children) {
      const child = this._nav(name);
      if (!child) throw officeError('InvalidArgument', `The property '${name}' is not a navigation property of ${this._class.className}.`, this._path);
      const result = child._read(sub);
      json[name] = result.json;
      children.push([name, result]);
    }
    return {
      json,
      apply: (data) => {
        const d = data as Record<string, unknown>;
        for (const name of names) this._loaded.set(name, d[name]);
        if (this._nullable) this._nullState = false;
        for (const [name, result] of children) result.apply(d[name]);
      },
    };
  }

  /** A navigation property (a child proxy) by name, for nested loads. */
  _nav(name: string): FakeObject | undefined {
    if ((this._class.scalars as Scalars<T>)[name]) return undefined;
    const descriptor = findGetter(Object.getPrototypeOf(this), name);
    if (!descriptor) return undefined;
    const value: unknown = descriptor.call(this);
    return value instanceof FakeObject ? value : undefined;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded.entries());
  }
}

function findGetter(proto: object | null, name: string): (() => unknown) | undefined {
  while (proto && proto !== Object.prototype) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (d?.get) return d.get;
    proto = Object.getPrototypeOf(proto);
  }
  return undefined;
}

/** Gives a proxy class its scalar properties: reads need load + sync, writes are queued. */
export function defineScalars<T>(cls: { className: string; scalars: Scalars<never>; prototype: object }, scalars: Scalars<T>): void {
  cls.scalars = scalars as Scalars<never>;
  for (const name of Object.keys(scalars)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: FakeObject) {
        return this._get(name);
      },
      set(this: FakeObject, value: unknown) {
        this._set(name, value);
      },
    });
  }
}

/** A collection: `items` after load; `load('name')` means `items/name`. */
export abstract class FakeCollection<T, I extends FakeObject> extends FakeObject<T> {
  private _items: I[] | undefined;

  get items(): I[] {
    if (!this._items) throw notLoaded(`${this._class.className}.items`);
    return this._items;
  }

  protected abstract _itemTargets(target: T): unknown[];
  protected abstract _makeItem(target: unknown, index: number): I;

  override _read(tree: LoadTree): ReadResult {
    const target = this._targetOrNull();
    if (target === null) return super._read(tree);
    let itemTree = tree.children.get('items');
    if (!itemTree) {
      itemTree = tree.scalars.has('items') ? parseLoad(undefined) : tree;
    }
    const proxies = this._itemTargets(target).map((t, i) => this._makeItem(t, i));
    const reads = proxies.map((p) => p._read(itemTree));
    return {
      json: { items: reads.map((r) => r.json) },
      apply: (data) => {
        const items = (data as { items: unknown[] }).items;
        this._items = proxies;
        reads.forEach((r, i) => r.apply(items[i]));
      },
    };
  }
}

export class FakeClientResult<T> {
  private _ready = false;
  private _value: T | undefined;

  get value(): T {
    if (!this._ready) throw officeError('ValueNotLoaded', 'The value of the result object has not been loaded yet. Call "context.sync()" first.');
    return this._value as T;
  }

  _resolve(value: T): void {
    this._ready = true;
    this._value = value;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The request context

export interface FakeRunOptions {
  delayForCellEdit?: boolean;
}

export class FakeRequestContext {
  /** Set by the workbook module (the object model's root). */
  workbook!: unknown;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private _commands: FakeCommand[] = [];
  private _deliveries: { json: unknown; apply: (json: unknown) => void }[] = [];
  private _closed = false;

  constructor(
    readonly host: FakeHost,
    readonly runOptions: FakeRunOptions = {},
  ) {}

  _assertOpen(): void {
    if (this._closed) throw officeError('InvalidRequestContext', 'The request context was used after its Excel.run batch ended.');
  }

  /** `Excel.run(context, batch)` with the context of an earlier run (e.g. to remove an event handler). */
  _reopen(): boolean {
    const wasClosed = this._closed;
    this._closed = false;
    return wasClosed;
  }

  _close(): number {
    this._closed = true;
    const left = this._commands.length;
    this._commands = [];
    return left;
  }

  _queue(command: FakeCommand): void {
    this._assertOpen();
    this._commands.push(command);
  }

  _deliver(json: unknown, apply: (json: unknown) => void): void {
    this._deliveries.push({ json, apply });
  }

  /** Commands queued and not yet sent. */
  get pendingCommands(): number {
    return this._commands.length;
  }

  load<O extends FakeObject>(object: O, properties?: unknown): O {
    return object.load(properties);
  }

  async sync(): Promise<void> {
    this._assertOpen();
    const commands = this._commands;
    this._commands = [];
    this._deliveries = [];
    const request = JSON.stringify(commands.map((c) => ({ k: c.kind, m: c.member, p: c.path, a: c.args })));
    await this.host.beforeSync(this, utf8Length(request), commands.length);
    try {
      for (const command of commands) {
        try {
          if (!this.host.supports(command.api)) {
            throw officeError('ApiNotFound', `${command.member} needs ExcelApi ${command.api}, which this host does not support.`, command.path);
          }
          const injected = this.host.failureFor(command);
          if (injected) throw injected;
          await command.exec();
        } catch (error) {
          this._deliveries = [];
          if (error instanceof FakeOfficeError) throw error;
          throw officeError('GeneralException', `${command.member}: ${(error as Error).message}`, command.path);
        }
      }
    } finally {
      // What the commands changed (up to a failure: it stays applied) is raised to the change handlers, later.
      void this.host.events.flush();
    }
    const deliveries = this._deliveries;
    this._deliveries = [];
    const response = JSON.stringify(deliveries.map((d) => d.json));
    this.host.afterSync(utf8Length(response));
    const parsed = JSON.parse(response) as unknown[];
    deliveries.forEach((d, i) => d.apply(parsed[i]));
  }
}
