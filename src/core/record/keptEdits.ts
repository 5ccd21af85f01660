// Regenerating over a report the clerk has worked on: a paragraph they rewrote keeps their text, with the text
// generated now beside it for comparison; paragraphs they did not touch are simply regenerated.
import type { Block } from '../compose/narrative';
import type { ReportRecord } from './reportRecord';

export interface KeptParagraph {
  id: string;
  /** Index of the kept paragraph in the returned blocks. */
  block: number;
  /** The heading it sits under and its place there, from 1 (for the message); null when its place is gone. */
  heading: string | null;
  ordinal: number;
}

export function keepEdits(fresh: Block[], previous: ReportRecord | null): { blocks: Block[]; kept: KeptParagraph[] } {
  const edited = new Map((previous?.paragraphs ?? []).filter((p) => p.edited).map((p) => [p.id, p]));
  if (edited.size === 0) return { blocks: fresh, kept: [] };
  const blocks: Block[] = [];
  const kept: KeptParagraph[] = [];
  let heading: string | null = null;
  let ordinal = 0;
  const used = new Set<string>();
  for (const block of fresh) {
    if (block.kind === 'heading1' || block.kind === 'heading2') [heading, ordinal] = [block.text, 0];
    if (block.kind === 'paragraph') ordinal++;
    const mine = block.kind === 'paragraph' && block.id !== undefined ? edited.get(block.id) : undefined;
    if (block.kind === 'paragraph' && mine) {
      used.add(mine.id);
      kept.push({ id: mine.id, block: blocks.length, heading, ordinal });
      blocks.push({ ...block, text: mine.text, fresh: block.text });
    } else blocks.push(block);
  }
  // Edited paragraphs whose place the new report no longer has (fewer projects under target, say) are not
  // dropped: they go after the last paragraph, before the signature.
  const orphans = [...edited.values()].filter((p) => !used.has(p.id)).sort((a, b) => a.row - b.row);
  if (orphans.length > 0) {
    let at = blocks.findIndex((b) => b.kind === 'signature');
    if (at < 0) at = blocks.length;
    const moved: Block[] = orphans.map((p) => ({ kind: 'paragraph', text: p.text, id: p.id, fresh: '' }));
    blocks.splice(at, 0, ...moved);
    for (const k of kept) if (k.block >= at) k.block += moved.length;
    orphans.forEach((p, i) => kept.push({ id: p.id, block: at + i, heading: null, ordinal: 0 }));
  }
  return { blocks, kept };
}
