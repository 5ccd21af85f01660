// Starts the pane's Web Worker, from the page's own origin (a file webpack emits next to the page: allowed by
// the Content-Security-Policy's worker-src 'self'). Loaded with import() and only where Worker exists: Jest
// compiles to CommonJS, where `import.meta` is a syntax error.
import type { Port } from './client';

export function spawnPaneWorker(): Port {
  // import.meta is valid in the ES modules webpack compiles; tsconfig.json's CommonJS (tests, type check) rejects it.
  // eslint-disable-next-line @typescript-eslint/ban-ts-comment
  // @ts-ignore TS1343
  return new Worker(new URL('./pane.worker.ts', import.meta.url), { name: 'pane-worker' }) as unknown as Port;
}
