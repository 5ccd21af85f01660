// The pane's languages: which one to start in, and the strings of each, handed down through a React context.
import { createContext, useContext } from 'react';
import type { Lang } from '../../core/model';
import { HostError, type HostErrorCode } from '../../gateways/host';
import { en } from './en';
import { zh, type Strings } from './zh';

export type { Strings } from './zh';

export const STRINGS: Record<Lang, Strings> = { zh, en };

/** Office's display language (`zh-CN`, `en-US`…) or the browser's: Chinese for any `zh`, else English. */
export function uiLanguage(displayLanguage: string | null | undefined): Lang {
  return /^zh(?:[-_]|$)/i.test(displayLanguage?.trim() ?? '') ? 'zh' : 'en';
}

export const StringsContext = createContext<Strings>(zh);

export function useStrings(): Strings {
  return useContext(StringsContext);
}

/** Sheet names as a sentence quotes them: “部门支出”、“项目支出” / "Spending", "Projects". */
export function sheetList(strings: Strings, sheets: readonly string[]): string {
  return sheets.map(strings.sheetName).join(strings.sheetSeparator);
}

/** What a clerk is told when a host operation fails: what happened and what to do, plus the host's own words. */
export interface ErrorText {
  message: string;
  detail: string | null;
}

export function describeError(strings: Strings, error: unknown): ErrorText {
  // Over a size limit: the limit, the figure and how to split the work, in the pane's language.
  if (error instanceof HostError && error.limit) return { message: strings.fileProblem['too-large'](error.limit), detail: null };
  if (error instanceof HostError) return { message: strings.hostError[error.code], detail: error.detail || null };
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : null;
  const code: HostErrorCode = 'unknown';
  return { message: strings.hostError[code], detail: detail || null };
}
