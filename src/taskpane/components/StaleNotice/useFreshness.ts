// Whether the report sheets still match the workbook's data (the fingerprint each recorded, WorkbookHost.checkFreshness),
// checked when the pane opens on a workbook and when the data changes: on the host's change events (debounced:
// typing a column of figures raises one event a cell; the host leaves out its own report sheets), or, for an
// Excel without them, when the clerk comes back to the pane. A Generate makes its report current without a
// check (no second read of the workbook). Never a check while a Generate runs, and a check that was under way
// when one started is ignored. A failed check shows nothing: a missing warning must
// never stand in the clerk's way.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../../core/model';
import type { Freshness, WorkbookHost } from '../../../gateways/host';

/** How long the data must stay unchanged before it is checked. */
export const CHANGE_DEBOUNCE_MS = 1500;

export interface FreshnessTracker {
  /** The report sheets whose data changed since they were made; empty when there is nothing to say. */
  staleSheets: string[];
  /** Call when a Generate starts. */
  generateStarted(): void;
  /**
   * Call when it ends, with the sheet written when a report was made: that report is current by construction
   * (made from the data just read), so it leaves the list without reading the workbook again.
   */
  generateEnded(reportSheet: string | null): void;
}

export function staleSheets(freshness: Freshness): string[] {
  return freshness.status === 'stale' ? freshness.reports.filter((r) => r.status === 'stale').map((r) => r.sheet) : [];
}

/**
 * `lang` is the report's language (the settings'), in which the data is read; `ready` once the stored settings
 * have arrived: the first check waits for them.
 */
export function useFreshness(host: WorkbookHost, lang: Lang, ready: boolean): FreshnessTracker {
  const [stale, setStale] = useState<string[]>([]);
  const langRef = useRef(lang);
  langRef.current = lang;
  const readyRef = useRef(ready);
  readyRef.current = ready;
  const generating = useRef(false);
  // Each check's number: only the latest one's answer is shown.
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const live = useRef(true);

  // Data changed while a Generate ran: checked once it ends.
  const changedDuringRun = useRef(false);

  const check = useCallback(() => {
    if (generating.current) {
      changedDuringRun.current = true;
      return;
    }
    if (!live.current || !readyRef.current) return;
    const id = ++latest.current;
    let pending: Promise<Freshness>;
    try {
      pending = host.checkFreshness(langRef.current);
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (freshness) => {
        if (id !== latest.current || !live.current) return;
        const sheets = staleSheets(freshness);
        setStale((current) => (sameList(current, sheets) ? current : sheets));
      },
      (error: unknown) => console.warn('budget-eval: could not check whether the report is up to date', error),
    );
  }, [host]);

  const cancelTimer = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const schedule = useCallback(() => {
    cancelTimer();
    timer.current = setTimeout(() => {
      timer.current = null;
      check();
    }, CHANGE_DEBOUNCE_MS);
  }, [cancelTimer, check]);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      cancelTimer();
    };
  }, [check, cancelTimer]);

  // When the pane opens on a workbook (in Excel, or a file in the browser: each file has its own host).
  useEffect(() => {
    if (ready) check();
  }, [ready, check]);

  useEffect(() => {
    const subscribe = host.onDataChanged?.bind(host);
    if (!subscribe) {
      // A file in the browser does not change under the pane; an Excel without change events is checked when the
      // clerk returns to the pane (after editing in the grid).
      if (host.kind !== 'excel') return undefined;
      const onFocus = () => check();
      window.addEventListener('focus', onFocus);
      return () => window.removeEventListener('focus', onFocus);
    }
    let subscribed = true;
    let stop: (() => Promise<void>) | null = null;
    const stopQuietly = (remove: () => Promise<void>) =>
      remove().catch((error: unknown) => console.warn('budget-eval: could not stop listening for changes', error));
    subscribe(() => {
      if (subscribed) schedule();
    }).then(
      (remove) => {
        if (subscribed) stop = remove;
        else void stopQuietly(remove);
      },
      (error: unknown) => console.warn('budget-eval: could not listen for changes to the workbook', error),
    );
    return () => {
      subscribed = false;
      if (stop) void stopQuietly(stop);
    };
  }, [host, check, schedule]);

  const generateStarted = useCallback(() => {
    generating.current = true;
    changedDuringRun.current = false;
    latest.current++; // an answer under way is about the data before this run
    cancelTimer();
  }, [cancelTimer]);

  const generateEnded = useCallback(
    (reportSheet: string | null) => {
      generating.current = false;
      if (changedDuringRun.current) {
        changedDuringRun.current = false;
        schedule();
      }
      if (reportSheet === null) {
        // Nothing written (the data has errors, or the run failed): the warning stands as the last check left it.
        return;
      }
      latest.current++;
      // A file in the browser is left as it was and the fresh copy is the download: nothing there is stale now.
      // In Excel the new report is current; another report (the other language's) keeps its state. The clerk's
      // edits during the run raise change events of their own, which are checked as usual.
      setStale((current) => (host.kind === 'file' ? [] : current.filter((s) => s.toLowerCase() !== reportSheet.toLowerCase())));
    },
    [host, schedule],
  );

  return { staleSheets: stale, generateStarted, generateEnded };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
