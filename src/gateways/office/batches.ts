/// <reference types="office-js" />
// Requests under Excel's payload limit. Excel on the web refuses a request (or a response) over 5 MB, so writes
// are queued as measured pieces and sent in as few requests as fit: one for any ordinary report, one more per
// further chunk for a huge one. The count grows with the payload, never with a loop over rows or sheets.

/** What we allow one request to carry, as we count it: a margin under the 5 MB limit for office.js's envelope. */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
/** What one queued command costs in a request besides its arguments (object path, action, ids). */
export const COMMAND_BYTES = 300;

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

export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}

/** A piece of a request: queues its commands on the context when called. */
export interface QueuedWrite {
  bytes: number;
  queue: () => void;
}

export function write(commands: number, queue: () => void, payload = 0): QueuedWrite {
  return { bytes: commands * COMMAND_BYTES + payload, queue };
}

/** Groups writes, in order, into requests of at most `budget` bytes; `alreadyQueued` counts toward the first. */
export function packRequests(writes: readonly QueuedWrite[], budget: number, alreadyQueued = 0): QueuedWrite[][] {
  const groups: QueuedWrite[][] = [];
  let current: QueuedWrite[] = [];
  let size = alreadyQueued;
  for (const w of writes) {
    if (size + w.bytes > budget && (current.length > 0 || size > 0)) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(w);
    size += w.bytes;
  }
  if (current.length > 0 || alreadyQueued > 0) groups.push(current);
  return groups;
}

/**
 * Queues each group and syncs after it: one request per group. Recursive rather than a loop on purpose: the
 * number of groups is set by the payload (one for any ordinary workbook), and each sync must finish before the
 * next group is queued.
 */
export async function syncGroups(context: Excel.RequestContext, groups: readonly QueuedWrite[][]): Promise<void> {
  if (groups.length === 0) return;
  const [first, ...rest] = groups;
  first.forEach((w) => w.queue());
  await context.sync();
  await syncGroups(context, rest);
}
