/// <reference types="office-js" />
// Cancel in Excel: the pipeline runs off the main thread (the pane passes a worker-backed runner); a cancel
// while reading or composing answers at once and writes nothing; once writing has begun it completes.
import { isCancelled } from '../../../src/gateways/host';
import type { PipelineRunner } from '../../../src/gateways/office/excelHost';
import { runPipeline } from '../../../src/core/pipeline';
import { describeState, findSheet } from '../../fakes/excel';
import { install, REPORT_DATE, sampleWorkbook, SETTINGS, uninstall } from './helpers';

afterEach(uninstall);

/** A pipeline the test lets finish: as the worker's, it can be stopped from outside. */
function heldPipeline() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const runs: { signal?: AbortSignal }[] = [];
  const pipeline: PipelineRunner = async (snapshot, options, signal) => {
    runs.push({ signal });
    await released;
    return runPipeline(snapshot, options);
  };
  return { pipeline, release, runs };
}

it('runs the pipeline through the runner it is given, and writes its result', async () => {
  const state = await sampleWorkbook();
  const held = heldPipeline();
  const { host } = install(state, {}, { pipeline: held.pipeline });
  const done = host.generate(SETTINGS, undefined, REPORT_DATE);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(held.runs).toHaveLength(1);
  held.release();
  await expect(done).resolves.toMatchObject({ ok: true, reportSheet: '绩效自评报告' });
  expect(findSheet(state, '绩效自评报告')).toBeDefined();
});

it('a cancel while composing answers at once and writes nothing', async () => {
  const state = await sampleWorkbook();
  const before = describeState(state);
  const held = heldPipeline();
  const { host } = install(state, {}, { pipeline: held.pipeline });
  const abort = new AbortController();
  const steps: string[] = [];
  const done = host.generate(SETTINGS, (step) => steps.push(step), REPORT_DATE, abort.signal);
  while (held.runs.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(held.runs[0].signal).toBe(abort.signal);
  abort.abort();
  const error = await done.catch((e: unknown) => e);
  expect(isCancelled(error)).toBe(true);
  // The batch goes on to its next check (the pipeline ends) and stops there: nothing is written.
  held.release();
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(steps).toEqual(['reading', 'computing']);
  expect(describeState(state)).toEqual(before);
});

it('a cancel before the read ends stops before composing', async () => {
  const state = await sampleWorkbook();
  const before = describeState(state);
  const held = heldPipeline();
  const { host } = install(state, {}, { pipeline: held.pipeline });
  const abort = new AbortController();
  const done = host.generate(SETTINGS, undefined, REPORT_DATE, abort.signal);
  abort.abort();
  expect(isCancelled(await done.catch((e: unknown) => e))).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(held.runs).toHaveLength(0);
  expect(describeState(state)).toEqual(before);
});

it('once writing has begun, a cancel lets it complete', async () => {
  const state = await sampleWorkbook();
  const abort = new AbortController();
  const { host } = install(state);
  const outcome = await host.generate(
    SETTINGS,
    (step) => {
      if (step === 'writing') abort.abort();
    },
    REPORT_DATE,
    abort.signal,
  );
  expect(outcome).toMatchObject({ ok: true, reportSheet: '绩效自评报告' });
  expect(findSheet(state, '绩效自评报告')).toBeDefined();
});
