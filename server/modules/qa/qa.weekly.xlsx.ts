/**
 * The weekly QA report as a workbook (SPEC QA-6): every section on its own sheet, Chinese
 * headers in the first row and English in the second, shares as percentages.
 */
import ExcelJS from 'exceljs';
import type { WeeklyOut } from './qa.weekly.schema.ts';

/** Names of the automatic-inspection finding kinds, Chinese and English. */
export const FINDING_LABELS: Record<string, [string, string]> = {
  banned_rude: ['服务禁语', 'Rude words'],
  banned_promise: ['违规承诺', 'Forbidden promises'],
  banned_privacy: ['隐私泄露', 'Privacy leaks'],
  banned_off_platform: ['站外引流', 'Off-platform contact'],
  repeated_questions: ['重复提问', 'Repeated questions'],
  unanswered: ['未回复客户', 'Unanswered customers'],
  ended_upset: ['不满结束', 'Ended upset'],
};

const PERCENT = '0.0%';
const yesNo = (b: boolean) => (b ? '是 yes' : '');
const pct = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(1)}%`);

interface Column {
  zh: string;
  en: string;
  width?: number;
  percent?: boolean;
}

/** A sheet with the two header rows and the rows given (values in column order). */
function sheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: unknown[][]) {
  const ws = wb.addWorksheet(name);
  ws.columns = columns.map((c) => ({ width: c.width ?? 14, style: c.percent ? { numFmt: PERCENT } : {} }));
  ws.addRow(columns.map((c) => c.zh)).font = { bold: true };
  ws.addRow(columns.map((c) => c.en)).font = { italic: true, color: { argb: 'FF666666' } };
  for (const r of rows) ws.addRow(r.map((v) => (v === null || v === undefined ? '' : v)));
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return ws;
}

/** The workbook of a week's report, with its file name. */
export async function weeklyXlsx(r: WeeklyOut): Promise<{ fileName: string; data: Buffer }> {
  const wb = new ExcelJS.Workbook();
  const label = new Map(r.complaints.categories.map((c) => [c.category, `${c.label.zh} ${c.label.en}`]));
  const groupName = new Map(r.scores.groups.map((g) => [g.groupId, g.groupName]));

  sheet(
    wb,
    '概览 Summary',
    [
      { zh: '项目', en: 'Item', width: 28 },
      { zh: '数值', en: 'Value', width: 40 },
    ],
    [
      ['周 Week', r.week],
      ['日期 Days', `${r.from} – ${r.to}`],
      ['范围 Scope', r.scope.kind],
      ['应检 Reviews due', r.reviews.due],
      ['已检 Reviews done', r.reviews.done],
      ['完成率 Done rate', pct(r.reviews.rate)],
      ['质检得分 QA score', r.scores.overall.score],
      ['目标 Target', r.scores.target],
      ['投诉量 Complaints', r.complaints.total],
      ['预警阈值 Flag share', pct(r.settings.flagShare)],
      ['预警分类 Flagged', r.complaints.flagged.map((c) => label.get(c)).join('; ')],
    ],
  );

  sheet(
    wb,
    '质检完成 Reviews',
    [
      { zh: '质检员', en: 'Reviewer', width: 16 },
      { zh: '应检', en: 'Due' },
      { zh: '已检', en: 'Done' },
      { zh: '完成率', en: 'Done rate', percent: true },
    ],
    r.reviews.byReviewer.map((x) => [x.reviewerName, x.due, x.done, x.rate]),
  );

  sheet(
    wb,
    '小组得分 Group scores',
    [
      { zh: '小组', en: 'Group', width: 18 },
      { zh: '坐席数', en: 'Agents' },
      { zh: '质检数', en: 'Reviews' },
      { zh: '得分', en: 'QA score' },
      { zh: '低于目标', en: 'Below target' },
    ],
    r.scores.groups.map((g) => [g.groupName, g.agents, g.reviews, g.score, yesNo(g.belowTarget)]),
  );

  sheet(
    wb,
    '坐席得分 Agent scores',
    [
      { zh: '坐席', en: 'Agent', width: 16 },
      { zh: '小组', en: 'Group', width: 18 },
      { zh: '质检数', en: 'Reviews' },
      { zh: '得分', en: 'QA score' },
      { zh: '低于目标', en: 'Below target' },
    ],
    r.scores.agents.map((a) => [a.agentName, groupName.get(a.groupId) ?? '', a.reviews, a.score, yesNo(a.belowTarget)]),
  );

  sheet(
    wb,
    '失分项 Failure items',
    [
      { zh: '维度', en: 'Category', width: 22 },
      { zh: '质检项', en: 'Item', width: 30 },
      { zh: '失分次数', en: 'Failures' },
      { zh: '评分次数', en: 'Rated' },
      { zh: '失分率', en: 'Share', percent: true },
    ],
    r.failureItems.map((i) => [
      i.categoryLabel ? `${i.categoryLabel.zh} ${i.categoryLabel.en}` : '',
      `${i.label.zh} ${i.label.en}`,
      i.failures,
      i.rated,
      i.share,
    ]),
  );

  sheet(
    wb,
    '自动质检 Findings',
    [
      { zh: '类型', en: 'Kind', width: 30 },
      { zh: '次数', en: 'Count' },
    ],
    r.findings.available
      ? [
          ['已质检会话 Conversations inspected', r.findings.conversations],
          ...r.findings.kinds.map((k) => [FINDING_LABELS[k.kind]?.join(' ') ?? k.kind, k.count]),
        ]
      : [['无自动质检结果 No automatic inspection results', '']],
  );

  sheet(
    wb,
    '投诉分类 Complaints',
    [
      { zh: '分类', en: 'Category', width: 30 },
      { zh: '投诉量', en: 'Complaints' },
      { zh: '占比', en: 'Share', percent: true },
      { zh: '预警', en: 'Flagged' },
    ],
    r.complaints.categories.map((c) => [label.get(c.category), c.count, c.share, yesNo(c.flagged)]),
  );

  sheet(
    wb,
    '改进措施 Actions',
    [
      { zh: '分类', en: 'Category', width: 26 },
      { zh: '预警周', en: 'Flagged week', width: 12 },
      { zh: '措施', en: 'Description', width: 40 },
      { zh: '负责人', en: 'Owner' },
      { zh: '截止日期', en: 'Due date', width: 12 },
      { zh: '状态', en: 'Status' },
      { zh: '逾期', en: 'Overdue' },
      { zh: '基线占比', en: 'Baseline share', percent: true },
      { zh: '最新占比', en: 'Latest share', percent: true },
      { zh: '变化', en: 'Change', percent: true },
    ],
    r.actions.map((a) => [
      label.get(a.category),
      a.week,
      a.description,
      a.ownerName,
      a.dueDate,
      a.status === 'open' ? '进行中 open' : '已完成 done',
      yesNo(a.overdue),
      a.baseline,
      a.latest,
      a.change,
    ]),
  );

  sheet(
    wb,
    '改进效果 Effect',
    [
      { zh: '措施', en: 'Action', width: 40 },
      { zh: '分类', en: 'Category', width: 26 },
      { zh: '周', en: 'Week', width: 12 },
      { zh: '该类投诉', en: 'Of this category' },
      { zh: '投诉总量', en: 'All complaints' },
      { zh: '占比', en: 'Share', percent: true },
    ],
    r.actions.flatMap((a) =>
      a.effect.map((e) => [a.description, label.get(a.category), e.week, e.count, e.total, e.share]),
    ),
  );

  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `qa-weekly-${r.week}.xlsx`, data };
}
