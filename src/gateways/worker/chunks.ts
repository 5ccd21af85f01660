// Large arrays cross postMessage in slices. A message is taken apart (serialized) by the sender and rebuilt
// (deserialized) by the receiver each in one task: a 60,000-project evaluation in one message held the page
// for over half a second. Sent as slices of CHUNK items, one message each, the page rebuilds a slice a task
// and answers the clerk between them. Plain data only (what structured clone takes); holes of sparse arrays
// (a sheet's empty rows) stay holes.

/** Items per slice: a few milliseconds to rebuild on a slow PC. */
export const CHUNK = 1000;

export type Path = (string | number)[];

export type Part =
  /** Items from `start` of the array at `path` (empty in the shell), whose length is `length`. */
  | { path: Path; start: number; length: number; items: unknown[] }
  /** The array at `path` is the same array as the one at `as` (sent once). */
  | { path: Path; as: Path };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * `value` with every array longer than `chunk` emptied (copies along the way: `value` is left as it is), and
 * the slices to send after it.
 */
export function split(value: unknown, chunk = CHUNK): { shell: unknown; parts: Part[] } {
  const parts: Part[] = [];
  const sent = new Map<unknown[], Path>();
  const walk = (node: unknown, path: Path): unknown => {
    if (Array.isArray(node)) {
      if (node.length > chunk) {
        const first = sent.get(node);
        if (first) {
          parts.push({ path, as: first });
          return [];
        }
        sent.set(node, path);
        for (let start = 0; start < node.length; start += chunk) parts.push({ path, start, length: node.length, items: node.slice(start, start + chunk) });
        return [];
      }
      let copy: unknown[] | null = null;
      node.forEach((item, i) => {
        const inner = walk(item, [...path, i]);
        if (inner !== item) (copy ??= node.slice())[i] = inner;
      });
      return copy ?? node;
    }
    if (isPlainObject(node)) {
      let copy: Record<string, unknown> | null = null;
      for (const [key, item] of Object.entries(node)) {
        const inner = walk(item, [...path, key]);
        if (inner !== item) (copy ??= { ...node })[key] = inner;
      }
      return copy ?? node;
    }
    return node;
  };
  return { shell: walk(value, []), parts };
}

function at(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

/** The shell with its slices put back (in the order they were sent). */
export function join(shell: unknown, parts: readonly Part[]): unknown {
  const root = { value: shell };
  for (const part of parts) {
    const path: Path = ['value', ...part.path];
    if ('as' in part) {
      const parent = at(root, path.slice(0, -1)) as Record<string | number, unknown>;
      parent[path[path.length - 1]] = at(root, ['value', ...part.as]);
      continue;
    }
    const target = at(root, path) as unknown[];
    for (let i = 0; i < part.items.length; i++) if (i in part.items) target[part.start + i] = part.items[i];
    // Only at the last slice (trailing holes): setting a long length on a short array would turn it into a
    // slow dictionary array, and appending 60,000 items to that held the page for half a second.
    const last = part.start + part.items.length >= part.length;
    if (last && target.length < part.length) target.length = part.length;
  }
  return root.value;
}
