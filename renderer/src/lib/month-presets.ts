import dayjs, { type Dayjs } from 'dayjs';
import { officeToday } from './format.js';

const whole = (d: Dayjs): [Dayjs, Dayjs] => [d.startOf('month'), d.endOf('month')];

/** Last month (the ledger due on the 1st), the month before, this month so far, this year: the periods a ledger is read for. */
export function monthPresets(t: (key: string) => string): { label: string; value: [Dayjs, Dayjs] }[] {
  const today = dayjs(officeToday());
  return [
    { label: t('ledgers.lastMonth'), value: whole(today.subtract(1, 'month')) },
    { label: t('ledgers.monthBefore'), value: whole(today.subtract(2, 'month')) },
    { label: t('ledgers.thisMonth'), value: whole(today) },
    { label: t('ledgers.thisYear'), value: [today.startOf('year'), today.endOf('year')] },
  ];
}

/** Last month in the office's days: the ledger period a report or a check is about unless said otherwise. */
export function lastMonth(): [Dayjs, Dayjs] {
  return whole(dayjs(officeToday()).subtract(1, 'month'));
}
