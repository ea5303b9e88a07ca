import { Button, Checkbox, DatePicker, Flex, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/contract/limits.js';
import { officeToday } from '../../lib/format.js';

/** What both registers are narrowed by; each names its text field (查阅人, 借阅人或单位) and its states. */
export interface RegisterFilterValues {
  /** Office days, both included. */
  from?: string;
  to?: string;
  text: string;
  caseNo: string;
  state?: string;
  /** The register's flag (late uploads, problems found…), where it has one. */
  flagged?: boolean;
}

export const NO_FILTERS: RegisterFilterValues = { text: '', caseNo: '' };

const DAY = 'YYYY-MM-DD';

/** This month, last month, this year: the periods a register is usually asked for, on the office's calendar. */
function presets(t: (key: string) => string) {
  const today = dayjs(officeToday());
  const lastMonth = today.subtract(1, 'month');
  return [
    { label: t('registers.thisMonth'), value: [today.startOf('month'), today.endOf('month')] as [Dayjs, Dayjs] },
    { label: t('registers.lastMonth'), value: [lastMonth.startOf('month'), lastMonth.endOf('month')] as [Dayjs, Dayjs] },
    { label: t('registers.thisYear'), value: [today.startOf('year'), today.endOf('year')] as [Dayjs, Dayjs] },
  ];
}

/**
 * The filter bar of a register: a period of office days (either end may stay open), words, and
 * what the register has of a case number, a state and a flag. It changes the list at once; print
 * and export take the same filter.
 */
export function RegisterFilters({
  value,
  onChange,
  textLabel,
  states,
  flag,
  testId,
}: {
  value: RegisterFilterValues;
  onChange: (value: RegisterFilterValues) => void;
  textLabel: string;
  /** The states to choose from; none: the register has no state filter and no case number. */
  states?: { value: string; label: string }[];
  /** What the register's flag keeps, as the checkbox says it. */
  flag?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const set = (part: Partial<RegisterFilterValues>) => onChange({ ...value, ...part });
  const range: [Dayjs | null, Dayjs | null] = [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null];
  const empty = !value.from && !value.to && !value.text && !value.caseNo && !value.state && !value.flagged;
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} data-testid={testId}>
      <DatePicker.RangePicker
        value={range}
        allowEmpty={[true, true]}
        presets={presets(t)}
        placeholder={[t('registers.periodFrom'), t('registers.periodTo')]}
        onChange={(days) => set({ from: days?.[0]?.format(DAY), to: days?.[1]?.format(DAY) })}
        aria-label={t('registers.period')}
        data-testid={`${testId}-period`}
      />
      <Input
        allowClear
        value={value.text}
        onChange={(e) => set({ text: e.target.value })}
        placeholder={textLabel}
        aria-label={textLabel}
        maxLength={LIMITS.textFilterMax}
        style={{ width: 180 }}
        data-testid={`${testId}-text`}
      />
      {states && (
        <>
          <Input
            allowClear
            value={value.caseNo}
            onChange={(e) => set({ caseNo: e.target.value })}
            placeholder={t('registers.caseNoPlaceholder')}
            aria-label={t('registers.caseNo')}
            maxLength={LIMITS.textFilterMax}
            style={{ width: 200 }}
            data-testid={`${testId}-case`}
          />
          <Select
            allowClear
            value={value.state}
            onChange={(state?: string) => set({ state })}
            placeholder={t('registers.stateAll')}
            aria-label={t('registers.state')}
            options={states}
            style={{ width: 150 }}
            data-testid={`${testId}-state`}
          />
        </>
      )}
      {flag && (
        <Checkbox checked={Boolean(value.flagged)} onChange={(e) => set({ flagged: e.target.checked || undefined })} data-testid={`${testId}-flag`}>
          {flag}
        </Checkbox>
      )}
      <Button type="link" disabled={empty} onClick={() => onChange(NO_FILTERS)}>
        {t('registers.reset')}
      </Button>
    </Flex>
  );
}
