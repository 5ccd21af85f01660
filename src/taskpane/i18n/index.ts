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

/** What a clerk is told when a host operation fails: what happened and what to do, plus the host's own words. */
export interface ErrorText {
  message: string;
  detail: string | null;
}

export function describeError(strings: Strings, error: unknown): ErrorText {
  // A passed size limit: the reader's own message says which limit and how to split the work (as the command does).
  if (error instanceof HostError && error.code === 'limit' && error.detail) return { message: error.detail, detail: null };
  if (error instanceof HostError) return { message: strings.hostError[error.code], detail: error.detail || null };
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : null;
  const code: HostErrorCode = 'unknown';
  return { message: strings.hostError[code], detail: detail || null };
}
