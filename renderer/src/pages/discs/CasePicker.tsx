import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/use-call.js';

/** A case found by number, party or cause as one types; the chosen one stays labelled when the search moves on. */
export function CasePicker(props: { value: number | undefined; onChange: (id: number | undefined) => void; disabled?: boolean; allowClear?: boolean; width?: number; placeholder?: string; testId?: string }) {
  const { t } = useTranslation();
  const { value, onChange, disabled, allowClear, width = 360, placeholder, testId } = props;
  const [text, setText] = useState('');
  const found = useCall('cases.list', { text: text.trim() || undefined, limit: 50 });
  const chosen = useCall('cases.get', { id: value ?? 0 }, { enabled: value !== undefined });
  const options = (found.data?.cases ?? []).map((c) => ({ value: c.id, label: `${c.caseNo} · ${c.cause}` }));
  if (value !== undefined && chosen.data && !options.some((o) => o.value === value)) options.unshift({ value, label: `${chosen.data.caseNo} · ${chosen.data.cause}` });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear={allowClear}
      value={value}
      onChange={(v: number | undefined) => {
        onChange(v);
        setText('');
      }}
      options={options}
      loading={found.isFetching}
      disabled={disabled}
      placeholder={placeholder ?? t('discs.casePlaceholder')}
      notFoundContent={t('cases.empty')}
      style={{ width }}
      data-testid={testId}
    />
  );
}
