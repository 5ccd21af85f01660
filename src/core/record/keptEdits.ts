// Regenerating over a report the clerk has worked on: a paragraph they rewrote keeps their text, with the text
// generated now beside it for comparison; paragraphs they did not touch are simply regenerated.
import type { Block } from '../compose/narrative';
import type { ReportRecord } from './reportRecord';

export interface KeptParagraph {
  /** The paragraph's id, or null for one the clerk added. */
  id: string | null;
  /** Index of the kept paragraph in the returned blocks. */
  block: number;
  /** The heading (or title) it sits under and its place there, from 1 (for the message); null when its place is gone. */
  heading: string | null;
  ordinal: number;
}

export function keepEdits(fresh: Block[], previous: ReportRecord | null): { blocks: Block[]; kept: KeptParagraph[] } {
  const edited = new Map((previous?.paragraphs ?? []).filter((p) => p.edited).map((p) => [p.id, p]));
  const added = previous?.added ?? [];
  if (edited.size === 0 && added.length === 0) return { blocks: fresh, kept: [] };
  const addedAfter = new Map<string, string[]>();
  for (const a of added) addedAfter.set(a.after, [...(addedAfter.get(a.after) ?? []), a.text]);
  const blocks: Block[] = [];
  const kept: KeptParagraph[] = [];
  let heading: string | null = null;
  let ordinal = 0;
  const used = new Set<string>();
  const push = (block: Block) => {
    if (block.kind === 'title' || block.kind === 'heading1' || block.kind === 'heading2') [heading, ordinal] = [block.text, 0];
    if (block.kind === 'paragraph') ordinal++;
    blocks.push(block);
  };
  for (const block of fresh) {
    const mine = block.kind === 'paragraph' && block.id !== undefined ? edited.get(block.id) : undefined;
    if (block.kind === 'paragraph' && mine) {
      used.add(mine.id);
      push({ ...block, text: mine.text, fresh: block.text });
      kept.push({ id: mine.id, block: blocks.length - 1, heading, ordinal });
    } else push(block);
    // The clerk's own paragraphs follow the row they were added after.
    const own = block.id !== undefined ? addedAfter.get(block.id) : undefined;
    if (own && block.id !== undefined) {
      addedAfter.delete(block.id);
      for (const text of own) {
        push({ kind: 'paragraph', text, own: true });
        kept.push({ id: null, block: blocks.length - 1, heading, ordinal });
      }
    }
  }
  // Edited paragraphs whose place the new report no longer has (fewer projects under target, say), and added
  // ones whose anchor is gone, are not dropped: they go after the last paragraph, before the signature.
  const orphans: Block[] = [
    ...[...edited.values()].filter((p) => !used.has(p.id)).sort((a, b) => a.row - b.row).map((p): Block => ({ kind: 'paragraph', text: p.text, id: p.id, fresh: '' })),
    ...[...addedAfter.values()].flat().map((text): Block => ({ kind: 'paragraph', text, own: true })),
  ];
  if (orphans.length > 0) {
    let at = blocks.findIndex((b) => b.kind === 'signature');
    if (at < 0) at = blocks.length;
    blocks.splice(at, 0, ...orphans);
    for (const k of kept) if (k.block >= at) k.block += orphans.length;
    orphans.forEach((b, i) => kept.push({ id: b.kind === 'paragraph' && !b.own ? (b.id ?? null) : null, block: at + i, heading: null, ordinal: 0 }));
  }
  return { blocks, kept };
}
