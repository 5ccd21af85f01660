// The report's words in English. Typed as `Wording`, so a missing or extra key is a compile error.
import type { InvalidNumberKind } from '../findings';
import type { FindingCode } from '../model';
import type { Grade } from '../score/profile';
import { HEADER_WORDS } from '../headers';
import { roundHalfAway } from '../numbers';
import type { IndicatorWords, ProjectWords, ScoreWords, TotalsWords, Wording, WordedParams } from './zh';

/** The grade as an English reader needs it: the word and the Chinese grade it stands for. */
export const GRADE_EN: Record<Grade, string> = { 优: 'Excellent (优)', 良: 'Good (良)', 中: 'Fair (中)', 差: 'Poor (差)' };
const GRADE_WORD: Record<Grade, string> = { 优: 'Excellent', 良: 'Good', 中: 'Fair', 差: 'Poor' };

const dflt = (v: { isDefault: boolean }) => (v.isDefault ? ', default' : '');
const shareName = (band: number) => (band === 0 ? 'the share at 0' : `band ${band}`);
const prompt = (what: string) => `[Please fill in: ${what}]`;
const list = (key: keyof typeof HEADER_WORDS) => HEADER_WORDS[key].join(', ');
const projectWords = () =>
  `a name column (${list('name')}), an actual column (${list('actual')}) and an initial budget (${list('initial')}) or adjusted budget (${list('adjusted')}) column`;
// As score.ts rounds (half away from zero), so the band's end reads as the score it stops below.
const round2 = (v: number) => roundHalfAway(v, 2);


const findings: Record<FindingCode, (p: WordedParams) => string> = {
  'no-project-table': () => `No project table found: a header row (within a sheet's first 30 rows and 20 columns) needs ${projectWords()}.`,
  'missing-column': (p) => `The project table lacks a "${p.column}" column (accepted headers: ${p.words}).`,
  'not-a-number': (p) => `"${p.column}" should be a number; found "${p.text}".`,
  'invalid-number': (p) => {
    switch (p.kind as InvalidNumberKind) {
      case 'invalid':
        return `The file stores "${p.text}" in this numeric cell ("${p.column}"), which is not a number; enter the number again.`;
      case 'date':
        return `"${p.column}" should be a number; found the date ${p.text} (the cell is formatted as a date): enter the number and format the cell as a number.`;
      case 'too-large':
        return `"${p.column}" is ${p.text}, beyond the largest value accepted: at most ${p.limit} either way (check the number and the unit).`;
      case 'sum-too-large':
        return `The rows' "${p.column}" add up to ${p.text}, beyond the largest amount accepted (${p.limit}); nothing can be computed (check the rows' numbers and units).`;
      case 'not-finite':
        return `Working out "${p.column}" gave ${p.text}, which is not a number; no report was made: check the figures and units involved.`;
    }
  },
  'error-value': (p) => `"${p.column}" holds the error ${p.text}; fix the formula or the data first.`,
  'negative-amount': (p) => `"${p.column}" should not be negative (${p.value}); only an adjustment may be.`,
  'over-budget': (p) => `"${p.name}" spent ${p.actual} (10k yuan), more than its budget of ${p.budget}.`,
  'total-mismatch': (p) => `The ${p.label} row's "${p.column}" is ${p.given}, but the rows it covers add up to ${p.sum} (off by ${p.diff}).`,
  'project-total-mismatch': (p) => `The totals table's project expenditure "${p.column}" is ${p.given} (10k yuan), but the projects add up to ${p.sum}.`,
  'adjusted-mismatch': (p) => `"${p.name}": initial ${p.initial} + adjustment ${p.adjustment} ≠ adjusted ${p.adjusted} (${p.unit}); the adjusted budget is used.`,
  'zero-budget': (p) => `"${p.name}" has a ${p.basis} of 0: no execution rate can be computed.`,
  'needs-explanation': (p) => `"${p.name}" is at ${p.rate}, below ${p.threshold}: a reason is required.`,
  'adjustment-over-30': (p) => `"${p.name}" has an adjustment rate of ${p.rate}, beyond ±${p.limit ?? '30%'}: explain the adjustment.`,
  'duplicate-project': (p) => `Project "${p.name}" appears twice (see also ${p.other}).`,
  'rate-mismatch': (p) => `The table gives "${p.name}" a rate of ${p.given}; the figures give ${p.computed}.`,
  'content-not-kept': (p) => `The output file cannot keep ${p.what} (${p.where}); see them in the original workbook.`,
  'unnamed-row': () => `This row has amounts but no project name; it was left out.`,
  'totals-from-projects': () => `No department totals table (Category / basic / project / total) was found; the department totals are the sum of the projects.`,
  'defaults-used': (p) => `Defaults used: ${p.what}.`,
  'score-setting': (p) => `Scoring: ${p.text}.`,
  'kept-addition': (p) => `Kept the paragraph you added to the report (${p.where}).`,
  'kept-edit': (p) => `Kept your rewritten paragraph (${p.where}); the text generated now is in the row below it for comparison.`,
  'score-sheet-ignored': (p) =>
    `The workbook has more than one Scoring sheet: "${p.used}" is used and "${p.ignored}" is not read (to use its settings, delete or rename the other one).`,
  'text-truncated': (p) =>
    `This cell's text is ${p.length} characters long, over Excel's limit of ${p.limit} per cell: the report cuts it (ending "${p.mark}"); see its source for the whole text.`,
  'threshold-out-of-range': (p) => `"${p.column}" is "${p.text}"; it should be ${p.expected}: not used (the setting or the default applies).`,
  'explain-above-target': (p) =>
    `The explain-below threshold ${p.explainBelow} (${from(p.from)}) is above the target ${p.target} (${from(p.targetFrom)}): the target ${p.target} is used as the explain-below threshold.`,
  'form-total-mismatch': (p) =>
    `"${p.name}", "${p.column}": the total row gives ${p.given} but the rows under it add up to ${p.sum} (${p.unit === '元' ? 'yuan' : '10k yuan'}); the ${p.used === 'sum' ? 'sum of the rows' : 'total row'} is used.`,
  'form-table-duplicate': (p) => `Project "${p.name}" has a form (${p.form}) and a project table row (${p.table}): the form is used and the row is left out.`,
  'form-info-mismatch': (p) =>
    `The forms disagree on the ${p.what === 'year' ? 'year' : 'supervising department'}: the most frequent, "${p.used}", is used; others: ${p.others}.`,
  'indicator-unknown-project': (p) => `Indicator "${p.indicator}" names project "${p.name}", which is in no project table or form; the row is left out.`,
  'indicator-not-comparable': (p) =>
    `"${p.project}", indicator "${p.name}": the target "${p.target}" and the actual "${p.actual}" cannot be compared by the rule; the clerk's score is used.`,
  'indicator-far-above-target': (p) =>
    `"${p.project}", indicator "${p.name}": the actual ${p.actual} is more than ${p.share} above the target ${p.target}; was the target set too low?`,
  'indicator-above-rule': (p) =>
    `"${p.project}", indicator "${p.name}": the score given, ${p.score}, is above the ${p.rule} the rule allows (of ${p.points}); a reviewer will deduct.`,
  'indicator-below-rule': (p) => `"${p.project}", indicator "${p.name}": the score given, ${p.score}, is below the rule's ${p.rule}.`,
  'indicator-missed-no-reason': (p) =>
    `"${p.project}", indicator "${p.name}" was missed (target ${p.target}, actual ${p.actual}): give the reason for the shortfall.`,
  'indicator-points': (p) =>
    p.kind === 'total'
      ? `"${p.project}": the points add up to ${p.sum} (with ${p.execution} for the execution rate), not the ${p.stated} of the total row.`
      : p.kind === 'other'
        ? `"${p.project}": the level-1 indicator "${p.level1}" is none of output, effect or satisfaction, and its indicators have no points: they count 0.`
        : `"${p.project}": the indicators under "${p.level1}" add up to ${p.sum} points, not the ${p.stated} it states.`,
  'form-figure-mismatch': (p) =>
    p.what === 'rate'
      ? `"${p.name}": the form's execution rate is ${p.given}; spent ÷ full-year budget gives ${p.computed}.`
      : p.what === 'execution'
        ? `"${p.name}": the form's execution score is ${p.given}; points × rate (at most 100%) gives ${p.computed}.`
        : `"${p.name}": the form's total score is ${p.given}; the sum of the form's own scores gives ${p.computed}.`,
};

/** Where a threshold came from: its cell, or the settings / the default. */
const from = (where: string | number) => (where === 'settings' ? 'the settings' : where === 'default' ? 'the default' : String(where));

export const en: Wording = {
  listSeparator: ', ',
  clauseSeparator: ', ',

  findings,
  amount: { yuan: (n) => `${n} yuan`, tenThousand: (n) => `${n} (10k yuan)` },
  nonFinite: { nan: 'not a number', infinity: 'infinity', minusInfinity: 'minus infinity', some: 'a non-finite value' },
  projectTotalColumns: { initialBudget: 'initial budget', adjustedBudget: 'adjusted budget', actual: 'actual expenditure' },
  basisName: { adjusted: 'adjusted budget', initial: 'initial budget', 'adjusted-plus-carryover': 'adjusted budget plus carry-over' },
  rateName: { execution: 'execution rate', adjustment: 'adjustment rate' },
  amountName: { initialBudget: 'Initial budget', adjustment: 'Adjustment', adjustedBudget: 'Adjusted budget', carryover: 'Carry-over', actual: 'Actual expenditure' },
  tenThousandYuan: '10k yuan',
  unitAssumed: (cells) => `amounts taken as 10k yuan (no unit given for the table at ${cells.join(', ')})`,
  defaultTarget: (pct) => `target ${pct}`,
  defaultExplainBelow: (pct) => `explain-below ${pct}`,
  cli: {
    unsupported: (ext) => `${ext} files are not supported: save it as .xlsx (Excel or WPS: Save As) and try again.`,
    noSuchFile: 'no such file.',
    isFolder: 'is a folder, not an .xlsx file.',
    cannotRead: (code) => `cannot be read (${code}).`,
    encrypted: 'the file is encrypted (password to open) or an old .xls: remove the password and save it as .xlsx.',
    notXlsx: (detail) => `not a valid .xlsx file (${detail}).`,
    checkWritesNothing: '--check only checks and writes nothing: not with -o or --docx',
    wroteDocx: (file) => `Wrote ${file} (Word document)`,
    noReport: (file) => `${file}: no report made by this tool with a data fingerprint: nothing to check (generate the report first).`,
    freshness: { current: 'matches the data', stale: 'data changed since the report was made: generate again', unknown: 'no data fingerprint (older version): cannot tell' },
    staleWithErrors: '(the data now has errors and cannot be evaluated; run budget-eval to list them)',
    rates: (dept, execution, adjustment) => `${dept}: execution rate ${execution}, adjustment rate ${adjustment}`,
    projects: (count, under, shown, more) => `${count} projects, ${under} under target${under ? `: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}` : ''}`,
    score: (points, provisional, unscored, grade) =>
      `Self-evaluation score ${points}${provisional ? ` (${unscored} still to score by hand; provisional grade ${grade})` : ` (grade ${grade})`}`,
    problems: (warnings, notes) => `Data problems: ${warnings} warning(s), ${notes} note(s)`,
    moreFindings: (more) => `  … ${more} more in Table 2 of the report`,
    wrote: (file, sheet) => `Wrote ${file} (sheet "${sheet}")`,
    outOfMemory: (limitMb, raise) =>
      `out of memory (the command's limit is ${limitMb} MB); nothing was written. Split the workbook into smaller files, or allow more memory: ${raise}`,
  },
  unreadable: {
    damaged: (detail) =>
      `the file is damaged and cannot be read (${detail}): find the original, or open it in Excel or WPS (repair it if asked), save it as a new .xlsx and try again.`,
    checksum: 'checksum mismatch',
    partSize: 'a part’s size does not match the zip directory',
    prefixed: (part) =>
      `${part} is written with XML namespace prefixes (such as <x:worksheet>), which this tool cannot read correctly: open the file in Excel or WPS and save it again as .xlsx`,
  },
  limits: {
    maxRowsPerSheet: (sheet, found, allowed) =>
      `sheet “${sheet}” has ${found} rows, over the limit of ${allowed} rows per sheet: split the table into several files (one table per file, at most ${allowed} rows each) and evaluate each, or delete the unneeded rows below the table.`,
    maxSheets: (found, allowed) =>
      `the workbook has ${found} sheets, over the limit of ${allowed}: put the forms into several workbooks (at most ${allowed} sheets each) and evaluate each.`,
    maxCells: (sheet, found, allowed) =>
      `the workbook holds ${found} cells${sheet ? ` (counted up to sheet “${sheet}”)` : ''}, over the limit of ${allowed}: delete the sheets, rows or columns you do not need, or split the tables into several files (one table per file) and evaluate each.`,
    maxUncompressedBytes: (found, allowed) =>
      `the workbook is ${found} uncompressed, over the limit of ${allowed}: delete the sheets, pictures or attachments you do not need, or split the tables into several files (one table per file) and evaluate each.`,
    maxParts: (found, allowed) =>
      `the workbook's package holds ${found} parts, over the limit of ${allowed}: delete the sheets, pictures or comments you do not need, or put the forms into several workbooks and evaluate each.`,
    unknown: 'the workbook is larger than can be processed: split the tables into several files (one table per file) and evaluate each.',
  },
  keptPlace: (heading, ordinal) => `${heading}, paragraph ${ordinal}`,
  keptPlaceGone: 'its place is gone; moved before the signature',

  narrative: {
    heading1: (i, text) => `${i + 1}. ${text}`,
    heading2: (i, text) => `(${String.fromCharCode(97 + i)}) ${text}`,
    headings: {
      basics: 'Basic information',
      department: 'The department',
      work: 'Annual work and key tasks',
      spending: 'Department-wide expenditure',
      management: 'Performance management',
      assessment: 'Overall assessment',
      summary: 'Summary of the self-evaluation',
      tasks: 'Performance of each task',
      problems: 'Main problems',
      nextSteps: 'Next steps',
    },
    prompts: {
      department: prompt('department name'),
      year: prompt('fiscal year'),
      responsibilities: prompt('main responsibilities'),
      units: prompt('units included'),
      work: prompt('annual work and key tasks'),
      management: prompt('how the department managed performance'),
    },
    date: (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    amount: (n) => `${n} (10k yuan)`,
    noRate: 'n/a',
    title: (name, year) => `${name}: Self-evaluation of Department-wide Expenditure Performance, ${year}`,
    responsibilities: (name, text) => `The main responsibilities of ${name}: ${text ?? prompt('main responsibilities')}`,
    units: (year, units) => `Units covered by this ${year} self-evaluation: ${units ?? prompt('units included')}.`.replace(/\.\.$/, '.'),
    category: (name, adjusted, actual, rate) => `${name}: adjusted budget ${adjusted}, actual ${actual}, execution rate ${rate}`,
    categories: (parts) => `By category — ${parts.join('; ')}.`,
    tasksIntro: 'Each task performed as follows:',
    totals: (t: TotalsWords) => {
      const head =
        t.initialBudget !== null && t.adjustment !== null
          ? `The department's initial budget was ${t.initialBudget}, adjusted by ${t.adjustment}; `
          : `The department's adjusted budget was ${t.adjustedBudget}; `;
      const carryText = t.carryover !== null ? `carry-over ${t.carryover}; ` : '';
      const adjRate = t.adjustmentRate !== null ? `an adjustment rate of ${t.adjustmentRate} and ` : '';
      return `${head}${carryText}actual expenditure was ${t.actual}${t.fromProjects ? ' (the sum of the projects)' : ''}: ${adjRate}an execution rate of ${t.executionRate}.`;
    },
    conclusion: (c) => {
      const overall =
        c.rate === null
          ? 'The department-wide execution rate cannot be computed (zero budget)'
          : `The department-wide execution rate was ${c.rate}, ${c.met ? 'meeting' : 'short of'} the ${c.target} target`;
      const projects = c.under === 0 ? `all ${c.count} projects met their targets` : `of ${c.count} projects, ${c.ok} met their targets and ${c.under} fell short`;
      return `${overall}; ${projects}.`;
    },
    score: (s: ScoreWords) => `By the scoring rules the department scores ${s.total} of ${s.max} points, grade ${GRADE_EN[s.grade]} (details in Table 1).`,
    scoreProvisionalSameGrade: (s: ScoreWords) =>
      `By the scoring rules the department scores ${s.total} of ${s.max} points so far (${s.unscored} points still to be scored by hand); provisional grade ${GRADE_EN[s.grade]}: whatever the hand-scored points, the total will be ${s.total}–${s.best} and the grade will not change (details in Table 1).`,
    scoreProvisional: (s: ScoreWords) =>
      `By the scoring rules the department scores ${s.total} of ${s.max} points so far (${s.unscored} points still to be scored by hand); provisional grade ${GRADE_EN[s.grade]} (on the scored points only): once scored by hand the total will be ${s.total}–${s.best} and the grade between ${GRADE_EN[s.grade]} and ${GRADE_EN[s.bestGrade]}, to be settled then (details in Table 1).`,
    project: (p: ProjectWords) => {
      const belowText = p.below !== null ? `, below its ${p.below} target` : '';
      const purpose = p.purpose ? ` Purpose: ${p.purpose.replace(/[。.]$/, '')}.` : '';
      const outcome = p.outcome ? ` ${p.outcome}` : '';
      return `${p.n}. ${p.name}: budget ${p.budget}, spent ${p.actual}, execution rate ${p.rate}${belowText}.${purpose}${outcome}`;
    },
    largestItem: (name, actual, rate) => `${name} (${actual}, ${rate})`,
    projectSummary: (s) =>
      `The department ran ${s.count} projects with a combined budget of ${s.budget} and spending of ${s.actual} (${s.rate}); ${s.under} fell short of target. The ${s.largest.length} largest: ${s.largest.join('; ')}. Every project is listed in Table 4.`,
    allMet: (count) => `The department ran ${count} projects and every one met its execution target; no shortfall in spending was found.`,
    someUnder: (count, under) => `The department ran ${count} projects; ${under} did not reach their execution target:`,
    reason: (reason) => ` Reason: ${reason.replace(/[。.]$/, '')}.`,
    reasonMissing: ' [Please explain the reason]',
    underItem: (n, name, rate, target, reasonText) => `(${n}) ${name}: ${rate}, below its ${target} target.${reasonText}`,
    moreUnder: (more) => `${more} more fall short; see Table 4.`,
    missedIndicator: (kind, name, target, actual) => `${kind} "${name}": target ${target || 'blank'}, actual ${actual || 'blank'}`,
    indicators: (i: IndicatorWords) => {
      const counts = ` Of its ${i.set} performance indicators, ${i.met} were met${i.missed > 0 ? ` and ${i.missed} missed` : ''}${i.unknown > 0 ? ` (${i.unknown} cannot be judged by the rule)` : ''}`;
      const missed = i.missedList.length > 0 ? ` Missed: ${i.missedList.join('; ')}.` : '';
      return `${counts}; by the scoring rule it scores ${i.score} of ${i.points} points.${missed}`;
    },
    indicatorsSummary: (projects, set, missed) => ` ${projects} projects set ${set} performance indicators, of which ${missed} were missed (scores in Table 3).`,
    missedIntro: (projects, missed) => `Performance indicators: ${missed} indicator(s) of ${projects} project(s) were missed:`,
    missedItem: (n, project, indicator, reasonText) => `(${n}) ${project}: ${indicator}.${reasonText}`,
    reasonPrompt: ' [Please fill in the reason for the shortfall]',
    moreMissed: (more) => `${more} more; see Table 3.`,
    formProblems: (project, text) => `${project}, problems its form lists: ${text.replace(/[。.]$/, '')}.`,
    moreFormProblems: (more) => `The forms of ${more} more projects list problems; see each form.`,
    formMeasures: (n, project, text) => `${n}. ${project}: ${text.replace(/[。.]$/, '')}.`,
    moreFormMeasures: (n, more) => `${n}. The forms of ${more} more projects list improvements; see each form.`,
    findingsSummary: (count, items, more) => `The data check also found ${count} point(s) to look at (Table 2): ${items.join('; ')}${more ? ' …' : ''}.`,
    measureAnalyse: (names, more) =>
      `1. Analyse each project that fell short (${names}${more ? ', …' : ''}), track payments against plan every month and make named staff responsible.`,
    measureBudget: (explainBelow) => `2. Budget more precisely from real needs and past execution; review next year's allocation of projects below ${explainBelow}.`,
    measureKeep: '1. Keep spending on schedule and follow each project through the year to hold this year’s results.',
    measureAdjustment: (n, rate) => `${n}. The budget was adjusted by ${rate} during the year: plan the initial budget more thoroughly to reduce mid-year changes.`,
    measureCheckData: (n) => `${n}. Check the budget data regularly so that totals, adjustments and details agree.`,
    measureStrengthen: (n) => `${n}. Strengthen performance targets and in-year monitoring, and use this evaluation when preparing next year’s budget.`,
  },

  grade: (g) => GRADE_EN[g],
  score: {
    firstBand: (grade, from) => `${GRADE_WORD[grade]} ≥ ${from}`,
    band: (grade, from, below) => `${GRADE_WORD[grade]} ${from}–${round2(below - 0.01)}`,
    poor: (from) => `Poor < ${from}`,
    noExecutionRate: 'No execution rate (zero budget)',
    points: (n) => `${n} percentage points`,
    execution: (step, penalty) => `Full at 100%; ${penalty} off per full ${step} below`,
    noAdjustmentRate: 'No adjustment rate (initial budget unknown or 0)',
    adjustmentBand: (upTo, points) => `≤${upTo} → ${points}`,
    adjustment: (zero, bands) => `By |rate|: 0 → ${zero}, ${bands.join(', ')}, above → 0`,
    noRatedProject: 'No project has a rate',
    projects: (rated, onTarget) => `${onTarget} of ${rated} projects on target, scored in proportion`,
    noProjectAverage: 'No project has indicators',
    projectAverage: (projects, average) => `${projects} projects' rule scores (on 100), weighted by adjusted budget, average ${average}; scored in proportion`,
    manualPending: 'To be scored by hand (the Scoring sheet)',
    manual: 'Scored by hand',
  },

  scoreSheet: {
    unknownParam: (label) => `the parameter "${label}" is not known and is not used (see the template for the names)`,
    duplicateParam: (label, where) => `the parameter "${label}" appears twice; only the first row (${where}) is used`,
    badValue: (label, expected, found, fallback) => `"${label}" should be ${expected}, found "${found ?? 'blank'}"; ${fallback === null ? 'it is not used' : `the default ${fallback} is used`}`,
    bandIncomplete: (band, hasBound, boundLabel, shareLabel) =>
      `band ${band} has ${hasBound ? 'an upper bound but no share' : 'a share but no upper bound'}; it is not used (it needs "${boundLabel}" and "${shareLabel}")`,
    boundsNotIncreasing: (next, prev) =>
      `the adjustment bands' upper bounds must increase: band ${next.band} (${next.value}${dflt(next)}) is not above band ${prev.band} (${prev.value}${dflt(prev)}); the default bands are used`,
    sharesIncreasing: (next, prev) =>
      `the adjustment shares must not increase from band to band: ${shareName(next.band)} (${next.value}${dflt(next)}) is above ${shareName(prev.band)} (${prev.value}${dflt(prev)}); the default bands are used`,
    gradesNotDecreasing: (next, prev) =>
      `grade thresholds must decrease: ${GRADE_WORD[next.grade]} (${next.value}${dflt(next)}) is not below ${GRADE_WORD[prev.grade]} (${prev.value}${dflt(prev)}); the default thresholds (90, 80, 60) are used`,
    noHeader: 'no header "Indicator | Points | Kind | Score" found; the default scoring is used',
    badPoints: (name, max, found) => `the points of "${name}" should be a positive number up to ${max}, found "${found}"; the indicator is left out`,
    badKind: (name, kind, kinds) => `the kind "${kind}" of "${name}" is not one of ${kinds.join(', ')}; the indicator is left out`,
    badScore: (name, max, found) => `the score of "${name}" should be a number from 0 to ${max}, found "${found}"; treated as unscored`,
    qualitativeEdges: (partial, met) =>
      `the qualitative "partly met" share (${partial.value}${partial.isDefault ? ' (default)' : ''}) must be below the "met" share (${met.value}${met.isDefault ? ' (default)' : ''}); the default bands are used`,
    noIndicators: 'the Scoring sheet has no usable indicator; the default scoring is used',
    pointsNot100: (max) => `the points add up to ${max}, not 100: the grade uses the score scaled to 100`,
  },

  report: {
    attachments: {
      score: { label: 'Table 1', title: 'Self-evaluation score' },
      problems: { label: 'Table 2', title: 'Problems found in the data' },
      selfScore: { label: 'Table 3', title: 'Project self-evaluation scores' },
      summary: { label: 'Table 4', title: 'Projects' },
    },
    caption: (label, title) => `${label}: ${title}`,
    sheetName: 'Evaluation report',
    truncated: '… (truncated)',
    selfScoreColumns: {
      project: 'Project',
      execution: 'Execution score',
      output: 'Outputs',
      effect: 'Effects',
      satisfaction: 'Satisfaction',
      other: 'Other',
      rule: 'Total\n(by the rule)',
      clerk: 'Total as filled in',
      grade: 'Grade',
      missed: 'Missed indicators',
    },
    selfScoreNote: (bands) =>
      `Note: execution score = points × execution rate (as displayed, at most 100%), a formula over the form's money cells; outputs, effects and satisfaction are the sums of the indicators' scores by the rule (quantitative ones in proportion to the target, qualitative ones in bands of the completion words, within which the clerk's score stands); the total is the sum of the row; the total as filled in is the form's 总分, or the sum of the scores entered. Grades on the total scaled to 100: ${bands}.`,
    columns: {
      project: 'Project',
      initial: 'Initial budget',
      adjustment: 'Adjustment',
      adjusted: 'Adjusted budget',
      carryover: 'Carry-over',
      actual: 'Actual',
      rate: 'Execution rate',
      target: 'Target',
      status: 'Status',
    },
    amountHeader: (name) => `${name}\n(10k yuan)`,
    summaryTotal: 'Total (sum of projects)',
    status: { noBudget: 'No budget', onTarget: 'On target', under: 'Under target', explain: 'Under target (explain)' },
    scoreHeaders: ['Indicator', 'Points', 'Actual', 'Score', 'Notes'],
    scoreTotal: 'Total',
    scoreTotalProvisional: (unscored, grade) => `${unscored} points still to be scored by hand; provisional grade ${GRADE_EN[grade]}`,
    grade: (grade) => `Grade: ${GRADE_EN[grade]}`,
    scoreNote: (fromSheet, bands, scaled) =>
      `Note: indicators and points from ${fromSheet ? 'the Scoring sheet' : 'the default rules (a Scoring sheet can change them; hand scores go in its Score column)'}; rates compared as displayed (2 decimals of a percent). Grades: ${bands}${scaled ? ' (on the score scaled to 100)' : ''}.`,
    basisFormula: { adjusted: 'actual ÷ adjusted budget', initial: 'actual ÷ initial budget', 'adjusted-plus-carryover': 'actual ÷ (adjusted budget + carry-over)' },
    summaryNote: (formula, target, explainBelow) =>
      `Note: execution rate = ${formula}. Amounts show 2 decimals of 10k yuan; rates come from the unrounded amounts, so recomputing from the shown figures may differ by 0.01%. Target ${target}; below ${explainBelow} a reason is required.`,
    problemHeaders: { problem: 'Problem', severity: 'Severity', cell: 'Cell' },
    noProblems: 'No problems found.',
    wholeWorkbook: 'Workbook',
    sources: 'Source: ',
    severity: { error: 'Error', warning: 'Warning', info: 'Info' },
    comparison: (fresh) => `[The paragraph above is your own text, kept. The text generated now follows for comparison; delete this row when done]\n${fresh}`,
    comparisonGone: '[The paragraph above is your own text, kept; the report generated now has no paragraph in its place]',
    formulasNote:
      ' The amounts are formulas pointing at the source cells (select one to see where it comes from): Excel recalculates this table when a source changes; the text needs a new Generate.',
    fingerprintNote: (printed) =>
      `Generated from this workbook's data by the self-evaluation tool; data fingerprint ${printed}. Generate again after the data changes; budget-eval --check tells whether the report matches the data.`,
  },
  forms: {
    fundsColumn: 'Project funds',
    unitAssumed: (sheet: string) => `amounts taken as 10k yuan (no unit given for the funds of ${sheet})`,
  },
};
