// Large arrays cross postMessage in slices (src/gateways/worker/chunks.ts): what is split is joined back
// equal, sparse rows stay sparse, an array reachable twice stays one array, and the sender's value is untouched.
import { join, split } from '../../../src/gateways/worker/chunks';

it('splits the long arrays of a value into slices and joins them back equal', () => {
  const projects = Array.from({ length: 25 }, (_, i) => ({ name: `项目${i}`, rate: i / 25, when: new Date(Date.UTC(2021, 0, 1 + i)) }));
  const findings = Array.from({ length: 12 }, (_, i) => ({ code: 'x', cell: `项目支出!B${i + 2}` }));
  const value = { ok: true, evaluation: { projects, findings, totals: { actual: 1 } }, findings, small: [1, 2, 3] };
  const { shell, parts } = split(value, 10);
  expect(parts.filter((p) => 'items' in p)).toHaveLength(3 + 2);
  expect(parts.filter((p) => 'as' in p)).toEqual([{ path: ['findings'], as: ['evaluation', 'findings'] }]);
  // The shell is small: the long arrays are empty in it.
  expect((shell as typeof value).evaluation.projects).toEqual([]);
  // The sender's value is left as it was.
  expect(value.evaluation.projects).toHaveLength(25);

  const back = join(shell, parts) as typeof value;
  expect(back).toEqual(value);
  expect(back.findings).toBe(back.evaluation.findings);
});

it('keeps the holes of a sparse array (a sheet’s empty rows)', () => {
  const values: unknown[][] = [];
  values[0] = ['序号', '项目名称'];
  values[7] = [1, '应急管理工作经费'];
  values[30] = [2, '三防'];
  const { shell, parts } = split({ sheets: [{ name: '项目支出', values }] }, 4);
  const back = join(shell, parts) as { sheets: { values: unknown[][] }[] };
  expect(back.sheets[0].values).toHaveLength(31);
  expect(Object.keys(back.sheets[0].values)).toEqual(['0', '7', '30']);
  expect(back.sheets[0].values[7]).toEqual([1, '应急管理工作经费']);
});

it('sends a value with no long array as it is', () => {
  const value = { op: 'freshness', lang: 'zh' };
  expect(split(value)).toEqual({ shell: value, parts: [] });
});
