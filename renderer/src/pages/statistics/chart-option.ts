import type { TFunction } from 'i18next';
import type { StatisticsDto, StatisticsSeriesKey } from '../../../../shared/contract/statistics-dto.js';
import type { ChartOption } from './EChart.js';
import { spanText } from '../../lib/format.js';

/** How a series is drawn: bar or line, on the left axis (counts) or the right one (hours, per cent, size), stacked with others. */
const LOOK: Record<StatisticsSeriesKey, { type: 'bar' | 'line'; axis: 0 | 1; stack?: string; decimals: number }> = {
  records: { type: 'bar', axis: 0, decimals: 0 },
  hours: { type: 'line', axis: 1, decimals: 1 },
  onTime: { type: 'bar', axis: 0, stack: 'judged', decimals: 0 },
  late: { type: 'bar', axis: 0, stack: 'judged', decimals: 0 },
  lateShare: { type: 'line', axis: 1, decimals: 1 },
  lateDay: { type: 'bar', axis: 0, decimals: 0 },
  late3Days: { type: 'bar', axis: 0, decimals: 0 },
  lateWeek: { type: 'bar', axis: 0, decimals: 0 },
  lateMore: { type: 'bar', axis: 0, decimals: 0 },
  unlinked: { type: 'bar', axis: 0, stack: 'records', decimals: 0 },
  linked: { type: 'bar', axis: 0, stack: 'records', decimals: 0 },
  interruptions: { type: 'bar', axis: 0, decimals: 0 },
  // Counted like the interruptions, on their axis: bars of the same height mean the same number.
  videos: { type: 'bar', axis: 0, decimals: 0 },
  viewings: { type: 'bar', axis: 0, decimals: 0 },
  loans: { type: 'bar', axis: 0, decimals: 0 },
  gib: { type: 'bar', axis: 0, decimals: 2 },
};
/** More bars than this and the chart scrolls sideways instead of squeezing its labels together. */
const BARS_SHOWN = 16;

/** A bar's label in the reader's language: a month as it is, "not known" for no officer or camera, the lateness buckets by name. */
export function categoryLabel(t: TFunction, data: StatisticsDto, category: string): string {
  if (data.chart === 'lateness') return t(`statistics.series_${category}`);
  return category === '' ? t('statistics.unknown') : category;
}

/** Whether the chart has anything to draw: an empty period shows an empty state, not a flat chart. */
export function hasData(data: StatisticsDto): boolean {
  return data.series.some((s) => s.values.some((v) => v !== 0));
}

/** The ECharts option of a chart's data: its bars and lines, both axes named, the legend and tooltips translated. */
export function chartOption(t: TFunction, data: StatisticsDto): ChartOption {
  // A young store grows by megabytes: its bars in MiB rather than in thousandths of a GiB.
  const inMib = (s: StatisticsDto['series'][number]) => s.key === 'gib' && Math.max(...s.values) < 1;
  const nameOf = (s: StatisticsDto['series'][number]) => t(`statistics.series_${inMib(s) ? 'mib' : s.key}`);
  // A month with nothing judged has no late share: a gap in the line, not a fall to zero.
  const judged = data.categories.map((_, i) => data.series.filter((s) => s.key === 'onTime' || s.key === 'late').reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const points = (s: StatisticsDto['series'][number]) => (s.key === 'lateShare' ? s.values.map((v, i) => (judged[i] === 0 ? null : v)) : inMib(s) ? s.values.map((v) => v * 1024) : s.values);
  const axes = [0, 1].filter((axis) => data.series.some((s) => LOOK[s.key].axis === axis));
  const axisName = (axis: number) =>
    data.series
      .filter((s) => LOOK[s.key].axis === axis)
      .map(nameOf)
      .join(' / ');
  const crowded = data.categories.length > BARS_SHOWN;
  const named = data.chart === 'interruptions' || (data.chart === 'recordings' && data.groupBy !== 'month');
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: data.series.map(nameOf) },
    grid: { left: 56, right: axes.includes(1) ? 64 : 24, top: 48, bottom: crowded ? 64 : 32, containLabel: true },
    // Every officer and camera is named (slanted to fit); months thin out by themselves.
    xAxis: { type: 'category', data: data.categories.map((c) => categoryLabel(t, data, c)), axisLabel: named ? { interval: 0, rotate: 30 } : { hideOverlap: true } },
    yAxis: axes.map((axis) => ({ type: 'value', name: axisName(axis), position: axis === 0 ? 'left' : 'right', minInterval: LOOK[data.series.find((s) => LOOK[s.key].axis === axis)!.key].decimals === 0 ? 1 : 0, splitLine: { show: axis === 0 || axes.length === 1 }, nameTextStyle: { align: axis === 0 ? 'left' : 'right' } })),
    dataZoom: crowded ? [{ type: 'slider', startValue: 0, endValue: BARS_SHOWN - 1, height: 16, bottom: 8 }] : [],
    series: data.series.map((s) => ({
      name: nameOf(s),
      // Officers and cameras are not a sequence: no line joins one to the next.
      type: named ? 'bar' : LOOK[s.key].type,
      stack: LOOK[s.key].stack,
      yAxisIndex: axes.length > 1 ? LOOK[s.key].axis : 0,
      data: points(s),
      barMaxWidth: 36,
      // Hours of recording read as 12 小时 30 分, not 12.5.
      tooltip: { valueFormatter: (v: unknown) => (typeof v !== 'number' ? String(v) : s.key === 'hours' ? spanText(t, v * 3600) : v.toFixed(LOOK[s.key].decimals)) },
    })),
  };
}
