import { useState } from 'react';
import { Col, DatePicker, Flex, Row, Segmented, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { STATISTICS_GROUPS, type StatisticsChart, type StatisticsGroup } from '../../../../shared/contract/statistics-dto.js';
import { officeToday } from '../../lib/format.js';
import { ChartCard } from './ChartCard.js';
import { StorageOutlook } from './StorageOutlook.js';

const DAY = 'YYYY-MM-DD';
const OTHER_CHARTS: StatisticsChart[] = ['timeliness', 'lateness', 'unlinked', 'interruptions', 'lending'];

/** The twelve months up to today (the core's default too), this year, last year. */
function presets(t: (key: string) => string) {
  const today = dayjs(officeToday());
  const lastYear = today.subtract(1, 'year');
  return [
    { label: t('statistics.last12Months'), value: [today.subtract(11, 'month').startOf('month'), today] as [Dayjs, Dayjs] },
    { label: t('statistics.thisYear'), value: [today.startOf('year'), today] as [Dayjs, Dayjs] },
    { label: t('statistics.lastYear'), value: [lastYear.startOf('year'), lastYear.endOf('year')] as [Dayjs, Dayjs] },
  ];
}

/**
 * 统计: charts of what the records room holds and does over a period, for reviews and
 * supervision — recordings and hours, late uploads, records no case uses, interruptions,
 * viewings and loans, and the store drive.
 */
export function StatisticsPage() {
  const { t } = useTranslation();
  const [initial] = useState(() => presets(t)[0]!.value);
  const [period, setPeriod] = useState<{ from: string; to: string }>({ from: initial[0].format(DAY), to: initial[1].format(DAY) });
  const [groupBy, setGroupBy] = useState<StatisticsGroup>('month');
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('statistics.title')}
        </Typography.Title>
        <DatePicker.RangePicker
          value={[dayjs(period.from), dayjs(period.to)]}
          allowClear={false}
          presets={presets(t)}
          onChange={(days) => days?.[0] && days[1] && setPeriod({ from: days[0].format(DAY), to: days[1].format(DAY) })}
          aria-label={t('statistics.period')}
          data-testid="statistics-period"
        />
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartCard
            query={{ chart: 'recordings', ...period, groupBy }}
            controls={
              <Segmented
                size="small"
                value={groupBy}
                onChange={(v) => setGroupBy(v as StatisticsGroup)}
                options={STATISTICS_GROUPS.map((g) => ({ value: g, label: t(`statistics.by_${g}`) }))}
                data-testid="statistics-group"
              />
            }
          />
        </Col>
        {OTHER_CHARTS.map((chart) => (
          <Col xs={24} xl={12} key={chart}>
            <ChartCard query={{ chart, ...period }} />
          </Col>
        ))}
        <Col xs={24} xl={12}>
          <ChartCard query={{ chart: 'storage', ...period }} extra={(data) => data.storage && <StorageOutlook outlook={data.storage} />} />
        </Col>
      </Row>
    </>
  );
}
