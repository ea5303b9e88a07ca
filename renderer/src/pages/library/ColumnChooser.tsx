import { useState } from 'react';
import { Button, Checkbox, Dropdown, Space } from 'antd';
import { TableOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

const STORAGE_KEY = 'rr.library.columns';

/**
 * Which optional library columns this workstation shows. The key columns always show; the rest
 * start hidden because at 1366 px they pushed recording time, deadline and integrity off screen.
 */
export function useShownColumns(optional: readonly string[]): [Set<string>, (keys: string[]) => void] {
  const [shown, setShown] = useState<Set<string>>(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
      return new Set(Array.isArray(saved) ? saved.filter((k): k is string => typeof k === 'string' && optional.includes(k)) : []);
    } catch {
      return new Set();
    }
  });
  const change = (keys: string[]) => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(keys));
    setShown(new Set(keys));
  };
  return [shown, change];
}

export function ColumnChooser({ options, shown, onChange }: { options: { key: string; label: string }[]; shown: Set<string>; onChange: (keys: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <Dropdown
      trigger={['click']}
      popupRender={() => (
        <div style={{ background: '#fff', padding: 12, borderRadius: 8, boxShadow: '0 6px 16px rgba(0,0,0,0.12)' }}>
          <Checkbox.Group value={[...shown]} onChange={(keys) => onChange(keys as string[])}>
            <Space direction="vertical" size={6}>
              {options.map((o) => (
                <Checkbox key={o.key} value={o.key}>
                  {o.label}
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </div>
      )}
    >
      <Button icon={<TableOutlined />} data-testid="column-chooser">
        {t('library.columns')}
      </Button>
    </Dropdown>
  );
}
