// The pane outside Excel (a plain browser, or office.js unavailable): open an .xlsx file (button or drag and
// drop), then the same Generate, settings and results as in Excel, with the evaluated copy to download.
// The file is read in the page and never sent anywhere.
import { Button, Link, makeStyles, mergeClasses, MessageBar, MessageBarBody, MessageBarTitle, shorthands, Spinner, Text, tokens, useId } from '@fluentui/react-components';
import { Fragment, useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { Lang } from '../../../core/model';
import { isCancelled, type WorkbookHost } from '../../../gateways/host';
import { useStrings, type Strings } from '../../i18n';
import type { OpenFile, OpenProblem } from './openFile';

/** What the file input offers; other files can still be dropped or picked, and are explained. */
export const ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  body: { margin: 0 },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    ...shorthands.border(tokens.strokeWidthThick, 'dashed', tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  dragging: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  button: { maxWidth: '100%' },
  hint: { color: tokens.colorNeutralForeground2 },
  // The input stays in the page (tests and automation set files on it) but out of sight: the button opens it.
  input: { position: 'absolute', width: '1px', height: '1px', marginTop: '-1px', marginLeft: '-1px', paddingTop: 0, paddingRight: 0, paddingBottom: 0, paddingLeft: 0, overflowX: 'hidden', overflowY: 'hidden', clip: 'rect(0 0 0 0)', borderTopWidth: 0, borderRightWidth: 0, borderBottomWidth: 0, borderLeftWidth: 0 },
  status: { margin: 0, minHeight: tokens.lineHeightBase300 },
  opening: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  tools: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
});

type State =
  | { kind: 'empty' }
  | { kind: 'opening'; name: string; before: State; abort: AbortController }
  | { kind: 'open'; name: string; host: WorkbookHost; id: number }
  | { kind: 'problem'; name: string; problem: OpenProblem };

export interface FileModeProps {
  openFile: OpenFile;
  /** The language the workbook is first read in (the report's notes on content ExcelJS drops). */
  lang: Lang;
  /** The workbench (Generate, settings, results) for an open file. */
  children(host: WorkbookHost): ReactNode;
}

export function problemText(strings: Strings, problem: OpenProblem): { message: string; detail: string | null } {
  switch (problem.reason) {
    case 'format':
      return { message: strings.fileProblem.format(problem.extension), detail: null };
    case 'too-large':
      return { message: strings.fileProblem['too-large'](problem.limit), detail: null };
    case 'corrupt':
    case 'unreadable':
    case 'failed':
      return { message: strings.fileProblem[problem.reason], detail: problem.detail || null };
    default:
      return { message: strings.fileProblem[problem.reason], detail: null };
  }
}

export function FileMode({ openFile, lang, children }: FileModeProps) {
  const strings = useStrings();
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: 'empty' });
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(0);
  const ids = { intro: useId('browser-intro'), tools: useId('browser-tools') };

  // A file dropped beside the drop zone would make the browser leave the page (and the result) to show it.
  useEffect(() => {
    const keep = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  const open = async (file: File) => {
    const id = ++latest.current;
    const abort = new AbortController();
    // Cancel goes back to this: the file open before (if any), as it was.
    const before = state.kind === 'opening' ? state.before : state;
    // A file still being read is dropped: its worker is ended rather than left to finish before this one.
    if (state.kind === 'opening') state.abort.abort();
    setState({ kind: 'opening', name: file.name, before, abort });
    let result;
    try {
      result = await openFile(file, lang, abort.signal);
    } catch (error) {
      if (id !== latest.current) return;
      // Cancelled (the worker was ended) or failed outside the gateway: back to where the clerk was.
      setState(isCancelled(error) ? before : { kind: 'problem', name: file.name, problem: { reason: 'failed', detail: String(error) } });
      return;
    }
    if (id !== latest.current) return; // another file was picked meanwhile
    setState(result.ok ? { kind: 'open', name: file.name, host: result.host, id } : { kind: 'problem', name: file.name, problem: result.problem });
  };

  const cancelOpening = () => {
    if (state.kind !== 'opening') return;
    latest.current++;
    state.abort.abort();
    setState(state.before);
  };

  const onDrag = (event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDragLeave = (event: DragEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void open(file);
  };

  const problem = state.kind === 'problem' ? problemText(strings, state.problem) : null;
  return (
    <>
      <section className={styles.section} aria-labelledby={ids.intro}>
        <h2 id={ids.intro} className={styles.heading}>
          {strings.noExcelTitle}
        </h2>
        <p className={styles.body}>{strings.noExcelBody}</p>
        <div
          role="group"
          aria-label={strings.dropZoneLabel}
          className={mergeClasses(styles.drop, dragging && styles.dragging)}
          onDragEnter={onDrag}
          onDragOver={onDrag}
          onDragLeave={onDragLeave}
          onDrop={onDrop}
        >
          <Button
            appearance={state.kind === 'open' ? 'secondary' : 'primary'}
            className={styles.button}
            disabled={state.kind === 'opening'}
            onClick={() => input.current?.click()}
          >
            {strings.openWorkbook}
          </Button>
          <Text size={200} className={styles.hint}>
            {strings.dropHint}
          </Text>
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            className={styles.input}
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              // Cleared, so picking the same file again (after fixing it) opens it again.
              event.currentTarget.value = '';
              if (file) void open(file);
            }}
          />
        </div>
        <div role="status" aria-live="polite">
          {state.kind === 'opening' && (
            <div className={styles.opening}>
              <Spinner size="tiny" labelPosition="after" label={strings.opening(state.name)} />
              <Button size="small" onClick={cancelOpening}>
                {strings.cancel}
              </Button>
            </div>
          )}
          {state.kind === 'open' && <p className={styles.status}>{strings.opened(state.name)}</p>}
        </div>
        {state.kind === 'problem' && problem && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{strings.openFailed(state.name)}</MessageBarTitle>
              {problem.message}
              {problem.detail && (
                <Text as="p" size={200} className={styles.hint}>
                  {strings.errorDetail(problem.detail)}
                </Text>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
      </section>

      {state.kind === 'open' && <Fragment key={state.id}>{children(state.host)}</Fragment>}

      <section className={styles.tools} aria-labelledby={ids.tools}>
        <h2 id={ids.tools} className={styles.heading}>
          {strings.tools}
        </h2>
        <div>
          {/* Served with the page (webpack copies assets/template.xlsx into dist/). */}
          <Link href="assets/template.xlsx" download={strings.templateFileName}>
            {strings.downloadTemplate}
          </Link>
        </div>
        <Text size={200} className={styles.hint}>
          {strings.downloadTemplateHint}
        </Text>
        <Text size={200} className={styles.hint}>
          {strings.noExcelOther} <code className={styles.code}>{strings.noExcelCommandExample}</code> {strings.noExcelCommandResult}
        </Text>
      </section>
    </>
  );
}
