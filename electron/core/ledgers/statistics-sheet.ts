import type { StatisticsChart, StatisticsDto, StatisticsGroup, StatisticsSeriesKey } from '../../../shared/contract/statistics-dto.js';
import type { RegisterDocument } from '../documents/register-document.js';

/** Documents leaving the room are in Chinese, as the registers are. */
const CHART_TITLES: Record<StatisticsChart, string> = {
  recordings: '执法音像记录数量与时长统计',
  timeliness: '按时上传情况统计',
  lateness: '迟延上传时长分布',
  unlinked: '未关联案件的记录统计',
  interruptions: '执法记录仪中断情况统计',
  lending: '查阅与借阅统计',
  storage: '存储用量统计',
};
const SERIES: Record<StatisticsSeriesKey, string> = {
  records: '记录数', hours: '时长（小时）', onTime: '按时上传', late: '迟延上传', lateShare: '迟延占比（%）',
  lateDay: '1 天以内', late3Days: '1–3 天', lateWeek: '3–7 天', lateMore: '7 天以上',
  unlinked: '未关联案件', linked: '已关联案件', interruptions: '中断次数', videos: '视频数',
  viewings: '查阅次数', loans: '借出次数', gib: '新增存储（GiB）',
};
const CATEGORY: Record<StatisticsGroup, string> = { month: '月份', officer: '执法人员', camera: '执法记录仪编号' };
const GIB = 1024 ** 3;

function categoryHeading(data: StatisticsDto): string {
  if (data.chart === 'lateness') return '迟延时长';
  if (data.chart === 'interruptions') return CATEGORY.camera;
  return CATEGORY[data.chart === 'recordings' ? data.groupBy : 'month'];
}

function storageLine(s: NonNullable<StatisticsDto['storage']>): string {
  const gib = (bytes: number) => `${(bytes / GIB).toFixed(2)} GiB`;
  const free = s.freeBytes === null ? '存储盘不可读' : `存储盘可用 ${gib(s.freeBytes)}`;
  if (s.growthPerMonthBytes === null) return `已用 ${gib(s.usedBytes)}，${free}，记录不足一个整月，暂不估算增长`;
  const full = s.fullMonth ? `按此增速预计 ${s.fullMonth} 存满` : `按此增速 ${s.horizonYears} 年内不会存满`;
  return `已用 ${gib(s.usedBytes)}，${free}，近月平均每月新增 ${gib(s.growthPerMonthBytes)}，${full}`;
}

/** One chart's data as a table: a row per bar, a column per series, under the same heading lines as a register. */
export function statisticsSheet(data: StatisticsDto, context: { office: string; exportedBy: string; exportedAt: string }): RegisterDocument {
  const grouping = data.chart === 'recordings' ? `按${CATEGORY[data.groupBy]}` : null;
  return {
    office: context.office,
    title: CHART_TITLES[data.chart],
    period: `${data.from} 至 ${data.to}`,
    conditions: [grouping, data.storage ? storageLine(data.storage) : null].filter(Boolean).join('；') || null,
    exportedBy: context.exportedBy,
    exportedAt: context.exportedAt,
    columns: [
      { header: categoryHeading(data), width: 18, print: 2 },
      ...data.series.map((s) => ({ header: SERIES[s.key], width: 16, print: 1, kind: 'number' as const })),
    ],
    rows: data.categories.map((c, i) => [data.chart === 'lateness' ? SERIES[c as StatisticsSeriesKey] : c || '（不明）', ...data.series.map((s) => s.values[i] ?? 0)]),
  };
}
