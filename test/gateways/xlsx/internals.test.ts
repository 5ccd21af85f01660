// ExcelJS's private fields are reached in one module only (src/gateways/xlsx/excelAdapter.ts), where each use
// has a test that fails if an ExcelJS upgrade changes it (issue 10: "ExcelJS behind one adapter module").
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '../../../src');
const ADAPTER = path.join(SRC, 'gateways/xlsx/excelAdapter.ts');
/** ExcelJS members outside its typed API. */
const PRIVATE = /\b(matrixMap|_merges|_rows|_columns|_worksheets|_definedNames|_processWorksheetEntry|_xml|_rollbacks|prepareModel|addWorksheets)\b/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

it('no module but the adapter reaches into ExcelJS’s private fields', () => {
  const offenders = files(SRC)
    .filter((f) => f !== ADAPTER)
    .flatMap((f) => readFileSync(f, 'utf8').split('\n').flatMap((line, i) => (PRIVATE.test(line) && !/^\s*(\/\/|\*)/.test(line) ? [`${path.relative(SRC, f)}:${i + 1}: ${line.trim()}`] : [])));
  expect(offenders).toEqual([]);
});
