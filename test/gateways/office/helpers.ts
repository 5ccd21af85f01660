/// <reference types="office-js" />
// Fake workbooks for the Office.js gateway tests: from an .xlsx (via the .xlsx gateway's loadWorkbook), or
// generated project tables of any size; and a host wired to the installed fake.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rangeAddress } from '../../../src/core/address';
import { DEFAULT_SETTINGS, type Settings, type WorkbookHost } from '../../../src/gateways/host';
import { createExcelHost, type ExcelHostDeps } from '../../../src/gateways/office';
import { loadWorkbook, type LoadedWorkbook } from '../../../src/gateways/xlsx/readWorkbook';
import { createFakeWorkbook, installFakeOffice, type FakeInitValue, type FakeOffice, type FakeOfficeOptions, type FakeWorkbookInit, type FakeWorkbookState } from '../../fakes/excel';

export const ASSETS = path.join(__dirname, '..', '..', '..', 'assets');
export const SAMPLE = readFileSync(path.join(ASSETS, 'sample-2021.xlsx'));
export const TEMPLATE = readFileSync(path.join(ASSETS, 'template.xlsx'));
export const REPORT_DATE = new Date(Date.UTC(2022, 0, 15));
export const SETTINGS: Settings = { ...DEFAULT_SETTINGS };

type RuleList = { ref: string; rules: { type: string; formulae?: string[] }[] }[];

/** An ExcelJS workbook (with the snapshot loadWorkbook read from it) as the fake's plain data. */
export function fakeInitFromLoaded(loaded: LoadedWorkbook): FakeWorkbookInit {
  return {
    sheets: loaded.workbook.worksheets.map((ws, i) => {
      const snapshot = loaded.snapshot.sheets[i];
      const formulas: Record<string, string> = {};
      const numberFormats: Record<string, string> = {};
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas[cell.address] = `=${cell.formula}`;
          if (cell.numFmt) numberFormats[cell.address] = cell.numFmt;
        }),
      );
      const rules = ((ws as unknown as { conditionalFormattings?: RuleList }).conditionalFormattings ?? []).flatMap((cf) =>
        cf.rules.filter((r) => r.type === 'expression' && r.formulae?.[0]).map((r) => ({ range: cf.ref, formula: `=${r.formulae?.[0]}` })),
      );
      return {
        name: ws.name,
        values: snapshot.values.map((row) => (row ?? []).map((v) => v as FakeInitValue)),
        formulas,
        numberFormats,
        merges: snapshot.merges.map(rangeAddress),
        conditionalFormats: rules,
      };
    }),
    names: loaded.workbook.definedNames.model.flatMap((n) => n.ranges.map((reference) => ({ name: n.name, reference }))),
  };
}

export async function fakeInitFromXlsx(bytes: Uint8Array): Promise<FakeWorkbookInit> {
  return fakeInitFromLoaded(await loadWorkbook(bytes));
}

export async function sampleWorkbook(): Promise<FakeWorkbookState> {
  return createFakeWorkbook(await fakeInitFromXlsx(SAMPLE));
}

/** Decodes insertWorksheetsFromBase64's argument the way Excel would: the .xlsx's sheets. */
export async function decodeWorkbook(base64: string): Promise<FakeWorkbookInit> {
  return fakeInitFromXlsx(Buffer.from(base64, 'base64'));
}

const STEMS = ['应急管理工作经费', '三防抢险工作经费', '安全生产执法检查经费', '应急物资储备经费', '危险化学品专项整治经费', '消防安全专项经费', '安全生产宣传教育经费'];

export interface ProjectTableOptions {
  /** Project names to use first (e.g. texts that look like formulas). */
  names?: string[];
}

/**
 * A workbook in the sample's layout with `count` projects in 万元: every 7th at 93% (under the 95% target),
 * every 13th at 85% (under 90%, no reason given: a warning), the rest at 98% or 100%.
 */
export function projectWorkbookInit(count: number, options: ProjectTableOptions = {}): FakeWorkbookInit {
  const projects: FakeInitValue[][] = [];
  let initial = 0;
  let adjustment = 0;
  let actual = 0;
  for (let i = 1; i <= count; i++) {
    const name = options.names?.[i - 1] ?? `${STEMS[i % STEMS.length]}${String(i).padStart(5, '0')}`;
    const init = 100 + ((i * 37) % 900);
    const adj = (i % 5) - 2;
    const rate = i % 13 === 0 ? 0.85 : i % 7 === 0 ? 0.93 : i % 2 === 0 ? 0.98 : 1;
    const spent = Math.round((init + adj) * rate * 100) / 100;
    initial += init;
    adjustment += adj;
    actual += spent;
    projects.push([i, name, init, adj, init + adj, spent, '项目经费支出', '按计划完成年度任务。']);
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    sheets: [
      {
        name: '部门信息',
        values: [['年度部门整体支出绩效自评基础信息'], [], ['部门名称', '测试市测试局'], ['年度', 2021], ['金额单位', '万元'], ['执行率目标', 0.95], ['说明阈值', 0.9]],
        merges: ['A1:B1'],
      },
      {
        name: '项目支出',
        values: [
          ['年度项目支出绩效情况表'],
          ['单位：万元'],
          ['序号', '项目名称', '年初预算数', '预算调整数', '调整后预算数', '实际支出数', '资金用途', '绩效目标完成情况', '偏差原因'],
          ...projects,
          [null, '合计', round(initial), round(adjustment), round(initial + adjustment), round(actual)],
        ],
        merges: ['A1:I1'],
      },
    ],
  };
}

export interface Installed {
  fake: FakeOffice;
  host: WorkbookHost;
}

let current: FakeOffice | null = null;

/** Installs the fake as the Office / Excel globals (uninstalling the previous one) and makes a host on it. */
export function install(state: FakeWorkbookState, options: FakeOfficeOptions = {}, deps: Partial<ExcelHostDeps> = {}): Installed {
  current?.uninstall();
  const fake = installFakeOffice(globalThis, state, { decodeWorkbook, ...options });
  current = fake;
  const host = createExcelHost({ fetchTemplate: async () => new Uint8Array(TEMPLATE), now: () => REPORT_DATE, ...deps });
  return { fake, host };
}

export function uninstall(): void {
  current?.uninstall();
  current = null;
}

/** Runs a batch on the installed fake (what the gateway does), for tests that call gateway functions directly. */
export function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(batch);
}
