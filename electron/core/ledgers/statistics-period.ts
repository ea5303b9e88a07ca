/** The office days a chart covers and the months they fall in. */
export interface StatisticsPeriod {
  from: string;
  to: string;
  /** Every month the period touches, "2026-01" … , so a month with nothing shows as nothing. */
  months: string[];
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthOf(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `month` moved by `count` months ("2026-11" + 2 is "2027-01"). */
export function addMonths(month: string, count: number): string {
  return monthOf(monthIndex(month) + count);
}

/** The period asked for; what is not given is the twelve months up to `today` (from the 1st of the month eleven months back). */
export function statisticsPeriod(from: string | undefined, to: string | undefined, today: string): StatisticsPeriod {
  const last = to ?? today;
  const first = from ?? `${addMonths(last.slice(0, 7), -11)}-01`;
  const months: string[] = [];
  for (let i = monthIndex(first.slice(0, 7)); i <= monthIndex(last.slice(0, 7)); i++) months.push(monthOf(i));
  return { from: first, to: last, months };
}
