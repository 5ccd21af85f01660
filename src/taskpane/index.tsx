/// <reference types="office-js" />
// The pane's entry: wait for Office, pick the UI language and theme from it, make the host, render.
// office.js comes from Microsoft's CDN and may have failed to load: then `Office` is undefined and the pane
// says what the clerk can do without Excel.
import { createRoot } from 'react-dom/client';
import type { WorkbookHost } from '../gateways/host';
import { App } from './App';
import { createExcelHost, workerPipeline } from './hosts';
import { uiLanguage } from './i18n';
import { themeFromBackground } from './theme';

/** The blank template, served next to the page (webpack copies assets/template.xlsx there). */
async function fetchTemplate(): Promise<Uint8Array> {
  const url = new URL('assets/template.xlsx', document.baseURI).href;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

interface Start {
  host: WorkbookHost | null;
  displayLanguage: string | undefined;
  background: string | undefined;
}

async function connect(): Promise<Start> {
  if (typeof Office === 'undefined') return { host: null, displayLanguage: undefined, background: undefined };
  const info = await Office.onReady();
  let displayLanguage: string | undefined;
  let background: string | undefined;
  try {
    displayLanguage = Office.context?.displayLanguage;
    background = Office.context?.officeTheme?.bodyBackgroundColor;
  } catch {
    // Outside an Office host these may be missing or throw: the browser's language and the light theme stand.
  }
  const host = info.host === Office.HostType.Excel ? createExcelHost({ fetchTemplate, pipeline: workerPipeline }) : null;
  return { host, displayLanguage, background };
}

async function main(): Promise<void> {
  const { host, displayLanguage, background } = await connect();
  const container = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));
  createRoot(container).render(
    <App host={host} language={uiLanguage(displayLanguage ?? navigator.language)} theme={themeFromBackground(background)} />,
  );
}

void main();
