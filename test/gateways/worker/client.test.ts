/**
 * @jest-environment node
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The page's side of the pane's worker, over the in-thread stand-in (Jest has no Worker): the same service and
// messages as the Web Worker. Cancel ends the worker and the next job starts a new one (the file read into it
// again); errors cross as plain data and keep their code (a passed size limit keeps its message); a worker
// that dies fails its jobs with a message.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { wordFinding } from '../../../src/core/wording';
import { HostError, isCancelled, type Settings } from '../../../src/gateways/host';
import { inThreadPort, JobClient, type Port } from '../../../src/gateways/worker/client';
import { fromPlainError, toPlainError } from '../../../src/gateways/worker/protocol';
import { openWorkbookFileIn } from '../../../src/gateways/worker/workerFileHost';

const SAMPLE = new Uint8Array(readFileSync(path.join(__dirname, '..', '..', '..', 'assets', 'sample-2021.xlsx')));
const SETTINGS: Settings = { basis: 'adjusted', lang: 'zh', style: 'trim' };
const REPORT_DATE = new Date(Date.UTC(2022, 2, 1));

it('opens a file in the worker, generates, and after a cancel reads it into a new worker', async () => {
  let spawned = 0;
  const client = new JobClient(() => {
    spawned++;
    return inThreadPort();
  });
  const opened = await openWorkbookFileIn(client, { name: 'sample-2021.xlsx', bytes: SAMPLE }, {}, 'zh');
  if (!opened.ok) throw new Error(`not opened: ${JSON.stringify(opened.problem)}`);
  expect(spawned).toBe(1);

  const abort = new AbortController();
  const steps: string[] = [];
  // Cancelled while the worker computes (its progress says so).
  const cancelled = opened.host.generate(
    SETTINGS,
    (step) => {
      steps.push(step);
      if (step === 'computing') abort.abort();
    },
    REPORT_DATE,
    abort.signal,
  );
  const error = await cancelled.catch((e: unknown) => e);
  expect(isCancelled(error)).toBe(true);

  const outcome = await opened.host.generate(SETTINGS, (step) => steps.push(step), REPORT_DATE);
  expect(spawned).toBe(2);
  expect(outcome).toMatchObject({ ok: true, reportSheet: '绩效自评报告', output: { name: 'sample-2021.evaluation.xlsx' } });
  expect(steps).toEqual(['reading', 'computing', 'reading', 'computing', 'writing']);
  if (!outcome.ok) throw new Error('not generated');
  expect(outcome.evaluation.totals.executionRate).toBeCloseTo(0.9648, 4);
  // Findings cross with their parameters, so that the pane words them in its own language.
  const [finding] = outcome.evaluation.findings;
  expect(finding).toMatchObject({ code: 'needs-explanation', params: { name: '安全生产宣传教育中心工作经费', rate: '88.31%', threshold: '90.00%' } });
  expect(wordFinding(finding, 'en')).toBe('"安全生产宣传教育中心工作经费" is at 88.31%, below 90.00%: a reason is required.');
});

it('rejects a job started on an aborted signal without starting a worker', async () => {
  let spawned = 0;
  const client = new JobClient(() => {
    spawned++;
    return inThreadPort();
  });
  const abort = new AbortController();
  abort.abort();
  await expect(client.run({ op: 'freshness', lang: 'zh' }, { signal: abort.signal })).rejects.toMatchObject({ name: 'AbortError' });
  expect(spawned).toBe(0);
});

it('carries a HostError across as plain data, code and message kept', () => {
  const message = '工作表“项目支出”有 1,048,576 行，超过上限 200,000 行：请把表格拆成几个文件分别处理。';
  const plain = toPlainError(new HostError('limit', message));
  expect(JSON.parse(JSON.stringify(plain))).toEqual(plain);
  const back = fromPlainError(plain);
  expect(back).toBeInstanceOf(HostError);
  expect(back).toMatchObject({ code: 'limit', detail: message });
  expect(isCancelled(fromPlainError(toPlainError(Object.assign(new Error('x'), { name: 'AbortError' }))))).toBe(true);
});

it('fails the jobs of a worker that dies, with a message, and starts a new one for the next job', async () => {
  const ports: Port[] = [];
  const client = new JobClient(() => {
    const port: Port = { onmessage: null, onerror: null, postMessage: () => undefined, terminate: () => undefined };
    ports.push(port);
    return port;
  });
  const job = client.run({ op: 'freshness', lang: 'zh' });
  await new Promise((resolve) => setTimeout(resolve, 10));
  ports[0].onerror?.({ message: 'Out of memory' });
  await expect(job).rejects.toMatchObject({ code: 'unknown', detail: expect.stringContaining('Out of memory') });
  void client.run({ op: 'freshness', lang: 'zh' }).catch(() => undefined);
  expect(ports).toHaveLength(2);
});
