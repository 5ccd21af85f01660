// The cells a project's figures were read from, whichever way they are kept (model.ts: RowSources for a table
// row, AmountSources for a form).
import { AMOUNT_FIELDS, type AmountField, type AmountSources, type ProjectInput, type RowSources, type SourceCell } from './model';

type WithSources = Pick<ProjectInput, 'sources' | 'location'>;

export function isRowSources(sources: AmountSources | RowSources): sources is RowSources {
  return (sources as RowSources).row !== undefined;
}

/** The cell a figure of the project was read from; undefined for a figure derived or not read. */
export function sourceOf(p: WithSources, field: AmountField): SourceCell | undefined {
  const { sources } = p;
  if (!isRowSources(sources)) return sources[field];
  const cell = sources.row[field];
  return cell && { ref: cell.column + (p.location.row + 1), divisor: cell.divisor, formula: cell.formula };
}

/** Whether a figure of the project was read from a cell (sourceOf, without making the reference). */
export function hasSource(p: WithSources, field: AmountField): boolean {
  const { sources } = p;
  return (isRowSources(sources) ? sources.row[field] : sources[field]) !== undefined;
}

/** Every figure's cell, as AmountSources (made afresh for a table row). */
export function sourcesOf(p: WithSources): AmountSources {
  if (!isRowSources(p.sources)) return p.sources;
  const out: AmountSources = {};
  for (const field of AMOUNT_FIELDS) {
    const cell = sourceOf(p, field);
    if (cell) out[field] = cell;
  }
  return out;
}
