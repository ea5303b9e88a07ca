import { useCallback, useMemo, useRef, type ReactNode } from 'react';
import { Button, Card, Empty, Space, Spin } from 'antd';
import { FileExcelOutlined, FileImageOutlined } from '@ant-design/icons';
import type { ECharts } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import type { StatisticsChart, StatisticsGroup } from '../../../../shared/contract/statistics-dto.js';
import { useCall } from '../../api/use-call.js';
import { SavedDocumentModal, useDocumentCall } from '../../components/SavedDocument.js';
import { chartOption, hasData } from './chart-option.js';
import { EChart } from './EChart.js';

export interface ChartQuery {
  chart: StatisticsChart;
  from?: string;
  to?: string;
  groupBy?: StatisticsGroup;
}

/** Saves the chart as drawn, as a PNG on a white ground, named for the chart and its period. */
function downloadPng(chart: ECharts, name: string): void {
  const link = document.createElement('a');
  link.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  link.download = `${name}.png`;
  link.click();
}

/**
 * One chart of the statistics screen with its two exports: 导出图片 (the chart itself, drawn by
 * ECharts) and 导出数据 (the numbers behind it, as a spreadsheet the core writes and audits).
 * `extra` shows above the chart (the storage outlook).
 */
export function ChartCard({ query, extra, controls }: { query: ChartQuery; extra?: (data: NonNullable<ReturnType<typeof useCall<'statistics.get'>>['data']>) => ReactNode; controls?: ReactNode }) {
  const { t } = useTranslation();
  const result = useCall('statistics.get', query);
  const instance = useRef<ECharts | null>(null);
  const onReady = useCallback((chart: ECharts | null) => (instance.current = chart), []);
  const { call, saved, close } = useDocumentCall('statistics.export');
  const data = result.data;
  const option = useMemo(() => (data ? chartOption(t, data) : null), [t, data]);
  const drawn = data !== undefined && hasData(data);
  const title = t(`statistics.chart_${query.chart}`);
  const testId = `chart-${query.chart}`;
  return (
    <Card
      title={title}
      data-testid={testId}
      extra={controls}
      actions={[
        <Space key="exports">
          <Button
            size="small"
            icon={<FileImageOutlined />}
            disabled={!drawn}
            onClick={() => instance.current && data && downloadPng(instance.current, `${title}-${data.from}-${data.to}`)}
            data-testid={`${testId}-png`}
          >
            {t('statistics.exportPng')}
          </Button>
          <Button size="small" icon={<FileExcelOutlined />} loading={call.isPending} disabled={!data} onClick={() => call.mutate(query)} data-testid={`${testId}-xlsx`}>
            {t('statistics.exportXlsx')}
          </Button>
        </Space>,
      ]}
    >
      {data && extra?.(data)}
      {!data ? (
        <Spin spinning={result.isLoading}>
          <div style={{ height: 300 }} />
        </Spin>
      ) : drawn && option ? (
        <EChart option={option} onReady={onReady} testId={`${testId}-canvas`} />
      ) : (
        <Empty style={{ height: 300, paddingTop: 100 }} description={t('statistics.empty', { from: data.from, to: data.to })} data-testid={`${testId}-empty`} />
      )}
      {saved && (
        <SavedDocumentModal saved={saved} title={title} text={t('statistics.exportSaved')} help={t('statistics.exportHelp')} testId={`${testId}-document`} onClose={close} />
      )}
    </Card>
  );
}
