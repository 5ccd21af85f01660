// The pane's words in Chinese: the reference language. `Strings` is this object's shape, so the compiler makes
// every other language carry every key (and no more). Functions fill in numbers and names.
import type { Basis, Lang, NumberStyle, Severity } from '../../core/model';
import type { HostErrorCode } from '../../gateways/host';
import type { FileProblem } from '../../gateways/xlsx/sniff';
import { limitMessage, type LimitExceeded } from '../../core/limits';
import type { Grade } from '../../core/score/profile';

export const zh = {
  langTag: 'zh-CN',
  title: '部门整体支出绩效自评',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch the pane to English',

  generate: '生成自评报告',
  generateHint: '读取本工作簿中的预算表，计算执行率，写入报告工作表并标出低于目标的项目。',
  progressLabel: '进度',
  progress: {
    starting: '正在开始…',
    reading: '正在读取工作簿…（第 1 步，共 3 步）',
    computing: '正在计算执行率、撰写报告…（第 2 步，共 3 步）',
    writing: '正在写入报告工作表…（第 3 步，共 3 步）',
  },
  busyHint: '正在处理，请稍候。',
  cancel: '取消',
  cancelled: '已取消，工作簿未作任何改动。',
  cancelledFile: '已取消，没有生成结果。',
  fixSettingsFirst: '设置中有无效的值：请先更正后再生成。',

  settings: '设置',
  settingsSaveFailed: '设置未能保存到本工作簿（本次仍按这些设置生成）。',
  target: '执行率目标（%）',
  targetHint: (fallback: string) => `留空则使用工作簿中“执行率目标”的值；工作簿中也没有时为 ${fallback}。`,
  explainBelow: '需说明原因的执行率下限（%）',
  explainBelowHint: (fallback: string) => `执行率低于此值的项目须填写偏差原因。留空则使用工作簿中“说明阈值”的值；也没有时为 ${fallback}。`,
  percentInvalid: '请输入 0 到 100 之间的数字，例如 95；或留空。',
  explainAboveTarget: (target: string) => `高于执行率目标：生成时按执行率目标 ${target} 作为说明阈值。`,
  basis: '执行率的分母',
  basisOptions: {
    adjusted: '调整后预算',
    initial: '年初预算',
    'adjusted-plus-carryover': '调整后预算 + 上年结转',
  } satisfies Record<Basis, string>,
  reportLang: '报告语言',
  reportLangOptions: { zh: '中文', en: 'English' } satisfies Record<Lang, string>,
  numberStyle: '数字写法',
  numberStyleOptions: {
    trim: '去掉末尾的 0：126万元、100%',
    fixed: '固定两位小数：126.00万元、100.00%',
  } satisfies Record<NumberStyle, string>,

  results: '结果',
  resultsIntro: (department: string) => `${department}：`,
  summaryDone: (rate: string, under: number) => `已生成自评报告。预算完成率 ${rate}，低于目标的项目 ${under} 个。`,
  summaryNotWritten: (errors: number) => `未写入报告：数据中有 ${errors} 个错误。`,
  summaryFailed: '未能完成。',
  totals: '部门整体支出',
  adjustedBudget: '调整后预算',
  actual: '实际支出',
  adjustmentRate: '预算调整率',
  executionRate: '预算完成率',
  amount: (value: string) => `${value}万元`,
  score: '自评得分',
  /** `unscored` is '' once every indicator is scored. */
  scoreValue: (points: string, unscored: string, grade: string) =>
    unscored ? `${points} 分（另有 ${unscored} 分待人工评分，等级暂定“${grade}”）` : `${points} 分（${grade}）`,
  grades: { 优: '优', 良: '良', 中: '中', 差: '差' } as Record<Grade, string>,
  noRate: '无法计算',
  underTarget: (count: number) => `低于目标的项目（${count} 个）`,
  noneUnderTarget: '所有项目都达到了执行率目标。',
  projectRate: (rate: string, target: string) => `执行率 ${rate}，目标 ${target}`,
  projectNoRate: (target: string) => `无法计算执行率，目标 ${target}`,
  selfScores: (count: number) => `项目绩效自评得分（${count} 个）`,
  selfScoresHint: '按规则：预算执行率得分加各项指标按评分规则计算的得分；填报：表中总分（合计）的得分，或各项得分之和。',
  /** `clerk` is '' when the clerk filed no score. */
  selfScore: (rule: string, clerk: string, max: string) => (clerk ? `按规则 ${rule} 分，填报 ${clerk} 分（满分 ${max} 分）` : `按规则 ${rule} 分，未填报得分（满分 ${max} 分）`),
  selfScoreAbove: '：填报得分高于按规则计算的得分，评审时可能被扣减',
  selectHint: '在表格中选中此单元格',
  openReport: (sheet: string) => `打开报告工作表“${sheet}”`,
  highlightRule: '低于目标的项目已在表格中用条件格式标出。',
  highlightFill:
    '此版本的 Excel 不支持条件格式，低于目标的项目行已直接填充颜色；点击“清除标记”可去掉这些颜色。',
  /** `sheets`: sheetList's names. */
  highlightProtected: (sheets: string, _count: number) => `工作表${sheets}受保护，其中的标记未更新（报告已照常生成）：在“审阅”选项卡中撤销保护后再生成一次，即可标出。`,
  /** A sheet's name quoted in a sentence, and what goes between two of them (sheetList). */
  sheetName: (sheet: string) => `“${sheet}”`,
  sheetSeparator: '、',
  notWritten: '未写入报告：请先在工作簿中更正以下错误，再点击“生成自评报告”。',
  selectFailed: '无法选中该单元格。',

  exportDocx: {
    label: '导出 Word',
    hint: '把报告（正文、附表1 评分表、附表3 项目绩效自评得分表（有绩效指标时）、附表4 项目汇总表）按公文格式生成 Word 文档，供下载；不改动工作簿。',
    running: '正在生成 Word 文档…',
    download: '下载 Word 文档',
    ready: (name: string) => `${name}：报告正文与附表1、附表4（有绩效指标时另有附表3），按公文格式（GB/T 9704）排版，可在 Word 或 WPS 中修改。`,
    notMade: '未生成 Word 文档：请先在工作簿中更正以下错误。',
    failed: '未能生成 Word 文档。',
  },

  findings: '数据问题',
  noFindings: '未发现数据问题。',
  severity: {
    error: (count: number) => `错误（${count}）`,
    warning: (count: number) => `警告（${count}）`,
    info: (count: number) => `提示（${count}）`,
  } satisfies Record<Severity, (count: number) => string>,
  wholeWorkbook: '整个工作簿',
  seeAlso: '另见 ',
  findingsShown: (shown: number, total: number) => `仅列出前 ${shown} 条，共 ${total} 条。`,
  findingsShowAll: (total: number) => `显示全部 ${total} 条`,

  tools: '工具',
  insertTemplate: {
    label: '插入模板',
    hint: '在本工作簿中加入空白模板工作表，不改动已有的工作表。',
    done: '已插入模板工作表：填好数据后点击“生成自评报告”。',
    failed: '未能插入模板。',
  },
  removeHighlights: {
    label: '清除标记',
    hint: '去掉本工具在您的表格中所做的标记（条件格式或填充色）。',
    done: '已清除本工具在表格中所做的标记。',
    keptProtected: (sheets: string, _count: number) => `工作表${sheets}受保护，其中的标记未清除：撤销保护后再点击“清除标记”。`,
    failed: '未能清除标记。',
  },

  undoTitle: '“撤消”不起作用',
  undoBody:
    'Excel 的“撤消”（Ctrl+Z）无法撤回本加载项写入的内容。要去掉表格中的标记，请点击“清除标记”；要去掉报告，请删除报告工作表（“绩效自评报告”）。您的数据不会被修改。',
  undoDismiss: '知道了',

  staleTitle: '数据已修改，请重新生成',
  staleBody: (sheets: string, _count: number) => `报告工作表${sheets}生成之后，其依据的数据又有改动，报告中的数字可能已不准确。`,
  staleGenerate: '重新生成',

  errorDetail: (detail: string) => `详细信息：${detail}`,
  hostError: {
    protected: '工作表或工作簿受保护：请在“审阅”选项卡中撤销保护后再试。“导出 Word”不改动工作簿，受保护时也可使用。',
    'cell-edit': 'Excel 正处于单元格编辑状态：请按 Enter 或 Esc 退出编辑后再试。',
    'too-large': '数据量超出了 Excel 一次能处理的上限：请把很大的表格拆小，或使用 budget-eval 命令处理 .xlsx 文件。',
    'item-exists': '已有同名的工作表：请重命名或删除该工作表后再试。',
    'not-found': '找不到所需的工作表或单元格（可能已被删除或改名）：请重新生成后再试。',
    unsupported: '此版本的 Excel 缺少所需的功能：请更新 Office，或使用 budget-eval 命令处理 .xlsx 文件。',
    busy: 'Excel 正忙：请稍等片刻再试。',
    limit: '工作簿超出了本工具的处理上限：请按说明拆分后再试。',
    unknown: '发生了意外错误：请再试一次；如仍失败，请保存工作簿、重新打开后再试。',
  } satisfies Record<HostErrorCode, string>,

  noExcelTitle: '未在 Excel 中打开',
  noExcelBody: '可以在浏览器中直接处理 .xlsx 文件：打开工作簿，生成自评报告，再下载结果。文件只在本机处理，不会上传。',
  noExcelOther: '也可以把本工具作为 Excel 加载项使用，或在命令行中运行 budget-eval，例如：',
  noExcelCommandExample: 'npx budget-eval 我的预算表.xlsx',
  noExcelCommandResult: '将生成“我的预算表.evaluation.xlsx”：原文件不变，另加报告工作表。WPS 用户请先另存为 .xlsx。',

  openWorkbook: '打开工作簿',
  dropHint: '或把 .xlsx 文件拖到此处',
  dropZoneLabel: '打开工作簿：选择或拖入 .xlsx 文件',
  opening: (name: string) => `正在打开“${name}”…`,
  opened: (name: string) => `已打开：${name}`,
  openFailed: (name: string) => `无法打开“${name}”`,
  fileProblem: {
    format: (extension: string) => `不支持 ${extension} 文件：请在 Excel 或 WPS 中“另存为” .xlsx 后再打开。`,
    encrypted: '文件已加密（设置了打开密码）或为旧版 .xls 格式：请取消密码并在 Excel 或 WPS 中另存为 .xlsx 后再打开。',
    'not-xlsx': '这不是 .xlsx 工作簿：请在 Excel 或 WPS 中另存为 .xlsx 后再打开。',
    corrupt: '无法读取此工作簿（文件可能已损坏）：请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。',
    unreadable: '浏览器无法读取此文件：请确认文件未被其他程序占用后再试。',
    failed: '未能加载读取 .xlsx 文件所需的程序：请刷新页面后再试。',
    'too-large': (limit: LimitExceeded) => limitMessage(limit, 'zh'),
  } satisfies Record<FileProblem['reason'] | 'unreadable' | 'failed', unknown>,
  generateHintFile: '读取此文件中的预算表，计算执行率，生成一份含报告工作表的副本供下载；原文件不变。',
  download: '下载结果工作簿',
  downloadHint: (name: string, sheet: string) => `${name}：您的工作簿，另加报告工作表“${sheet}”，低于目标的项目已标出。原文件不变。`,
  downloadTemplate: '下载空白模板',
  downloadTemplateHint: '按模板的表头填入预算和支出数据，保存后在此打开。',
  templateFileName: '部门整体支出绩效自评模板.xlsx',
};

export type Strings = typeof zh;
