import { DatePicker, Flex, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../shared/contract/methods.js';
import { useCall } from '../../api/use-call.js';

export type LibraryFilterValue = Omit<InputOf<'records.list'>, 'limit' | 'beforeId' | 'importJobId'>;

type Flag = 'late' | 'important' | 'linked' | 'unlinked' | 'alarm' | 'unchecked';

function flagsOf(v: LibraryFilterValue): Flag[] {
  return [
    ...(v.late ? (['late'] as const) : []),
    ...(v.important ? (['important'] as const) : []),
    ...(v.linked ? [v.linked] : []),
    ...(v.integrity === 'alarm' || v.integrity === 'unchecked' ? [v.integrity] : []),
  ];
}

/** Every library filter in one bar; they combine. The text box searches names, numbers, cases and descriptions. */
export function LibraryFilters({ value, onChange }: { value: LibraryFilterValue; onChange: (v: LibraryFilterValue) => void }) {
  const { t } = useTranslation();
  const accounts = useCall('accounts.list', {});
  const devices = useCall('devices.list', {});
  const cases = useCall('cases.list', { limit: 200 });
  const setFlags = (flags: Flag[]) =>
    onChange({
      ...value,
      late: flags.includes('late') ? true : undefined,
      important: flags.includes('important') ? true : undefined,
      linked: flags.includes('linked') ? 'linked' : flags.includes('unlinked') ? 'unlinked' : undefined,
      integrity: flags.includes('alarm') ? 'alarm' : flags.includes('unchecked') ? 'unchecked' : undefined,
    });
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="library-filters">
      <Input.Search allowClear placeholder={t('library.searchPlaceholder')} onSearch={(text) => onChange({ ...value, text: text.trim() || undefined })} style={{ width: 280 }} data-testid="library-search" />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('library.officerCol')}
        value={value.officerId}
        onChange={(officerId?: number) => onChange({ ...value, officerId })}
        options={(accounts.data ?? []).map((a) => ({ value: a.id, label: a.displayName }))}
        style={{ width: 140 }}
      />
      <Select
        allowClear
        showSearch
        placeholder={t('library.device')}
        value={value.deviceNo}
        onChange={(deviceNo?: string) => onChange({ ...value, deviceNo })}
        options={(devices.data ?? []).map((d) => ({ value: d.deviceNo, label: d.deviceNo }))}
        style={{ width: 120 }}
      />
      <DatePicker.RangePicker
        placeholder={[t('library.recordedFrom'), t('library.recordedTo')]}
        onChange={(range) => onChange({ ...value, from: (range?.[0] as Dayjs | null)?.format('YYYY-MM-DD'), to: (range?.[1] as Dayjs | null)?.format('YYYY-MM-DD') })}
        style={{ width: 260 }}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('cases.case')}
        value={value.caseId}
        onChange={(caseId?: number) => onChange({ ...value, caseId })}
        options={(cases.data?.cases ?? []).map((c) => ({ value: c.id, label: `${c.caseNo} ${c.cause}` }))}
        style={{ width: 220 }}
      />
      <Select
        allowClear
        placeholder={t('library.type')}
        value={value.mediaType}
        onChange={(mediaType?: LibraryFilterValue['mediaType']) => onChange({ ...value, mediaType })}
        options={(['video', 'audio', 'photo'] as const).map((m) => ({ value: m, label: t(`library.${m}`) }))}
        style={{ width: 100 }}
      />
      <Select
        allowClear
        placeholder={t('library.retention')}
        value={value.retention}
        onChange={(retention?: LibraryFilterValue['retention']) => onChange({ ...value, retention })}
        options={[
          { value: 'expired', label: t('library.retention_expired') },
          { value: 'expiring', label: t('library.retention_expiring') },
          { value: 'evidence', label: t('retention.class_evidence') },
          { value: 'standard', label: t('retention.class_standard') },
        ]}
        style={{ width: 160 }}
        data-testid="library-retention"
      />
      <Select
        mode="multiple"
        allowClear
        placeholder={t('library.flags')}
        value={flagsOf(value)}
        onChange={setFlags}
        options={(['late', 'important', 'linked', 'unlinked', 'alarm', 'unchecked'] as const).map((f) => ({ value: f, label: t(`library.flag_${f}`) }))}
        style={{ minWidth: 200 }}
        data-testid="library-flags"
      />
    </Flex>
  );
}
