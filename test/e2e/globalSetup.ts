// Before the end-to-end tests: dist/ must hold a build of the current sources, and Chromium must be there.
import { buildDist, distState } from '../../scripts/dist-state';
import { chromiumMissingMessage } from './harness';

export default async function globalSetup(): Promise<void> {
  const missing = chromiumMissingMessage();
  if (missing) throw new Error(missing);
  const state = distState();
  if (state !== 'fresh') {
    console.log(`\ne2e: dist/ is ${state}; building it (npm run build)…`);
    buildDist();
  }
}
