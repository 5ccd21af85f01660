// IndicatorInput / ProjectInput / BudgetInput objects for the scoring tests (the forms reader is tested apart).
import type { BudgetInput, FormExtras, IndicatorInput, ProjectInput } from '../../../src/core/model';

let n = 0;
export function ind(over: Partial<IndicatorInput> = {}): IndicatorInput {
  n++;
  return {
    level1: '产出指标',
    level1Points: null,
    level2: '数量指标',
    name: `指标${n}`,
    target: '≥100',
    actual: '100',
    points: 10,
    score: null,
    reason: null,
    cell: `表1!C${10 + n}`,
    scoreCell: `表1!G${10 + n}`,
    ...over,
  };
}

export function form(over: Partial<FormExtras> = {}): FormExtras {
  return {
    executionPoints: 10,
    executionScore: null,
    executionScoreCell: '表1!H8',
    totalPoints: null,
    totalScore: null,
    totalScoreCell: '表1!G30',
    department: null,
    departmentCell: null,
    unit: null,
    year: null,
    problems: null,
    improvements: null,
    conclusion: null,
    givenRate: null,
    givenRateCell: null,
    ...over,
  };
}

export function project(over: Partial<ProjectInput> = {}): ProjectInput {
  return {
    name: '项目甲',
    initialBudget: 100,
    adjustment: null,
    adjustedBudget: 100,
    carryover: 0,
    actual: 100,
    sources: {},
    targetSource: null,
    cell: '表1!B3',
    location: { sheet: '表1', table: 0, row: 2, firstCol: 0, lastCol: 7 },
    target: null,
    givenRate: null,
    givenRateCell: null,
    purpose: '',
    outcome: '',
    reason: '',
    ...over,
  };
}

export function input(projects: ProjectInput[], over: Partial<BudgetInput> = {}): BudgetInput {
  return {
    info: {
      name: '某局',
      year: 2024,
      target: 0.95,
      explainBelow: 0.9,
      responsibilities: null,
      annualWork: null,
      performanceManagement: null,
      unitsIncluded: null,
    },
    projects,
    categories: [],
    categoryTotal: null,
    projectTables: [],
    ...over,
  };
}
