// The pane's Web Worker (webpack 5: `new Worker(new URL('./pane.worker.ts', import.meta.url))` in spawn.ts):
// the .xlsx gateway and the pipeline run here, so the page keeps answering the clerk however large the file.
import type { ToWorker } from './protocol';
import { createJobService } from './service';

// The worker's global scope, typed by hand: the project compiles with the DOM library, not WebWorker's.
const scope = self as unknown as {
  onmessage: ((event: { data: ToWorker }) => void) | null;
  postMessage(message: unknown): void;
};

const serve = createJobService();
scope.onmessage = (event) => void serve(event.data, (reply) => scope.postMessage(reply));
