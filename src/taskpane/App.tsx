// The task pane. It talks to the workbook only through a WorkbookHost (src/gateways/host.ts): it never calls
// Excel or Office itself, so the same pane serves Excel and, in a plain browser, an .xlsx file the clerk opens.
import { Button, FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../core/model';
import { formatRate } from '../core/numbers';
import { isCancelled, type GenerateOutcome, type Progress, type WorkbookHost } from '../gateways/host';
import { DocxExport } from './components/DocxExport/DocxExport';
import { GeneratePanel } from './components/GeneratePanel/GeneratePanel';
import { FileMode } from './components/FileMode/FileMode';
import { makeOpenFile, type OpenFile } from './components/FileMode/openFile';
import { Results, type RunResult } from './components/Results/Results';
import { Settings } from './components/Settings/Settings';
import { StaleNotice } from './components/StaleNotice/StaleNotice';
import { useFreshness } from './components/StaleNotice/useFreshness';
import { useSettings } from './components/Settings/useSettings';
import { Tools } from './components/Tools/Tools';
import { UndoNotice, type NoticeStorage } from './components/UndoNotice/UndoNotice';
import { openWorkbookFile } from './hosts';
import { STRINGS, StringsContext, useStrings, type Strings } from './i18n';
import type { ThemeName } from './theme';

const useStyles = makeStyles({
  provider: { minHeight: '100vh' },
  root: {
    boxSizing: 'border-box',
    width: '100%',
    // A task pane is narrower than this; in a browser window the page keeps a readable measure.
    maxWidth: '48rem',
    marginLeft: 'auto',
    marginRight: 'auto',
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    overflowWrap: 'anywhere',
  },
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, minWidth: 0 },
  switch: { flexShrink: 0, minWidth: 0 },
});

export interface AppProps {
  /** The workbook to work on; null when the page is not running inside Excel. */
  host: WorkbookHost | null;
  /** The UI language to start in (from Office's display language); the clerk can switch it. */
  language: Lang;
  theme: ThemeName;
  /** Where the pane remembers that the Undo notice was dismissed (and, outside Excel, the settings); localStorage by default. */
  storage?: NoticeStorage | null;
  /** Outside Excel: opens the .xlsx file the clerk picks (default: the .xlsx gateway, loaded on first use). */
  openFile?: OpenFile;
}

export function App({ host, language, theme, storage = defaultStorage(), openFile }: AppProps) {
  const [lang, setLang] = useState<Lang>(language);
  const [defaultOpenFile] = useState(() => makeOpenFile(openWorkbookFile, { storage }));
  const strings = STRINGS[lang];
  const styles = useStyles();
  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} className={styles.provider}>
      <StringsContext.Provider value={strings}>
        <main lang={strings.langTag} className={styles.root}>
          <header className={styles.header}>
            <h1 className={styles.title}>{strings.title}</h1>
            <Button
              size="small"
              appearance="subtle"
              className={styles.switch}
              lang={lang === 'zh' ? 'en' : 'zh-CN'}
              aria-label={strings.switchLanguageLabel}
              onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            >
              {strings.switchLanguage}
            </Button>
          </header>
          {host ? (
            <Workbench host={host} storage={storage} />
          ) : (
            <FileMode openFile={openFile ?? defaultOpenFile} lang={lang}>
              {(fileHost) => <Workbench host={fileHost} storage={storage} />}
            </FileMode>
          )}
        </main>
      </StringsContext.Provider>
    </FluentProvider>
  );
}

type Settled = { kind: 'idle' } | { kind: 'cancelled' } | RunResult;
type Run = Settled | { kind: 'running'; step: Progress | null; before: Settled; abort: AbortController };

function Workbench({ host, storage }: { host: WorkbookHost; storage: NoticeStorage | null }) {
  const strings = useStrings();
  const form = useSettings(host);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const [toolBusy, setToolBusy] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [invalidSettings, setInvalidSettings] = useState(false);
  const [selectError, setSelectError] = useState<unknown>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const runId = useRef(0);
  const [finishedRuns, setFinishedRuns] = useState(0);
  // Whether the report sheets still match the data, checked in the report's language (the settings').
  const freshness = useFreshness(host, form.settings.lang, form.loaded);
  const { generateStarted, generateEnded } = freshness;

  // When a run ends, take focus to the result, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (finishedRuns > 0) resultHeading.current?.focus();
  }, [finishedRuns]);

  const generate = useCallback(async () => {
    if (run.kind === 'running' || toolBusy || exporting) return;
    if (!form.valid) {
      setInvalidSettings(true);
      setSettingsOpen(true);
      return;
    }
    setInvalidSettings(false);
    setSelectError(null);
    const id = ++runId.current;
    const abort = new AbortController();
    setRun({ kind: 'running', step: null, before: run, abort });
    generateStarted();
    let next: RunResult;
    try {
      const outcome = await host.generate(
        form.settings,
        (step) => {
          if (runId.current === id) setRun((current) => (current.kind === 'running' ? { ...current, step } : current));
        },
        undefined,
        abort.signal,
      );
      next = { kind: 'done', outcome };
    } catch (error) {
      if (isCancelled(error)) {
        // cancel() has already put the pane back as it was.
        generateEnded(null);
        return;
      }
      next = { kind: 'failed', error };
    }
    generateEnded(next.kind === 'done' && next.outcome.ok ? next.outcome.reportSheet : null);
    if (runId.current !== id) return;
    setRun(next);
    setFinishedRuns((n) => n + 1);
  }, [run, toolBusy, exporting, form.valid, form.settings, host, generateStarted, generateEnded]);

  // Cancel: the host stops (a file's worker is ended; Excel stops before writing) and the pane shows what it
  // showed before the click, with nothing of the cancelled run (no download). In Excel, once writing has begun
  // the button is gone: the write completes or rolls back as it would have.
  const cancel = useCallback(() => {
    if (run.kind !== 'running') return;
    runId.current++;
    run.abort.abort();
    setRun(run.before.kind === 'idle' ? { kind: 'cancelled' } : run.before);
  }, [run]);

  const select = useCallback(
    (reference: string) => {
      setSelectError(null);
      host.select(reference).catch((error: unknown) => setSelectError(error));
    },
    [host],
  );

  const running = run.kind === 'running';
  // A file in the browser: nothing is written in place (so no Undo notice, no highlights to remove, no
  // template to insert) and no cell can be selected (references show as text).
  const inExcel = host.kind === 'excel';
  return (
    <>
      {inExcel && <UndoNotice storage={storage} />}
      <StaleNotice sheets={freshness.staleSheets} disabled={running || toolBusy || exporting} onGenerate={() => void generate()} />
      <GeneratePanel
        running={running}
        disabled={toolBusy || exporting}
        step={running ? run.step : null}
        onCancel={running && !(inExcel && run.step === 'writing') ? cancel : undefined}
        announcement={invalidSettings && !form.valid ? strings.fixSettingsFirst : summary(strings, run, inExcel)}
        hint={inExcel ? undefined : strings.generateHintFile}
        onGenerate={() => void generate()}
      />
      <DocxExport
        host={host}
        settings={form.valid ? form.settings : null}
        disabled={running || toolBusy}
        onBusyChange={setExporting}
        onInvalidSettings={() => {
          setInvalidSettings(true);
          setSettingsOpen(true);
        }}
        onSelect={host.capabilities.select === false ? undefined : select}
      />
      <Settings form={form} open={settingsOpen} onToggle={() => setSettingsOpen((open) => !open)} />
      {(run.kind === 'done' || run.kind === 'failed') && (
        <Results
          result={run}
          onSelect={host.capabilities.select === false ? undefined : select}
          selectError={selectError}
          headingRef={resultHeading}
        />
      )}
      {inExcel && <Tools host={host} disabled={running} onBusyChange={setToolBusy} />}
    </>
  );
}

/** The one line the live region says when a run ends. */
function summary(strings: Strings, run: Run, inExcel: boolean): string {
  if (run.kind === 'cancelled') return inExcel ? strings.cancelled : strings.cancelledFile;
  if (run.kind === 'failed') return strings.summaryFailed;
  if (run.kind !== 'done') return '';
  return summarizeOutcome(strings, run.outcome);
}

function summarizeOutcome(strings: Strings, outcome: GenerateOutcome): string {
  if (!outcome.ok) return strings.summaryNotWritten(outcome.findings.filter((f) => f.severity === 'error').length);
  const { evaluation } = outcome;
  const rate = evaluation.totals.executionRate;
  return strings.summaryDone(
    rate === null ? strings.noRate : formatRate(rate, evaluation.options.style),
    evaluation.projects.filter((p) => p.underTarget).length,
  );
}

function defaultStorage(): NoticeStorage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null; // some sandboxes throw on merely reading localStorage
  }
}
