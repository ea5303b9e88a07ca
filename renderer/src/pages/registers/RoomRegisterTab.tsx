import { useState } from 'react';
import { Alert, Card, Table, Tag, Typography } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/contract/limits.js';
import { ROOM_COLUMNS, type RoomColumnKind, type RoomRegister, type RoomRow } from '../../../../shared/contract/room-registers.js';
import { useCall } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { formatBytes } from '../../lib/format-size.js';
import { lateText } from '../../lib/format.js';
import { RegisterCount } from '../lending/RegisterCount.js';
import { unsafeTextRevealed } from '../../../../shared/rules/safe-text.js';
import { RegisterExportButtons } from '../lending/RegisterExportButtons.js';
import { NO_FILTERS, RegisterFilters, type RegisterFilterValues } from '../lending/RegisterFilters.js';

/** Codes that mean trouble are shown in red, the good ones in green. */
const CODE_COLORS: Record<string, string> = { altered: 'red', unreadable: 'red', broken: 'red', rejected: 'default', pending: 'gold', executed: 'default', ok: 'green' };
/** Long unbroken values that a reader copies rather than reads. */
const MONO = new Set(['sha256']);
/** Each kind's width; texts other than names and hashes share what the others leave. */
const WIDTHS: Partial<Record<RoomColumnKind, number>> = { time: 96, day: 100, number: 60, code: 68, bytes: 76 };
/** People's names: short, so the long texts (file names, reasons) get the room. */
const PEOPLE = new Set(['officer', 'importedBy', 'proposedBy', 'decidedBy', 'witness', 'startedBy']);

/**
 * One of the room's registers (imports, discs, destruction lists, integrity checks) on screen:
 * its period, words and flag; its columns as ROOM_COLUMNS lists them, newest entry first; print
 * and export of the same filter.
 */
export function RoomRegisterTab({ register }: { register: RoomRegister }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<RegisterFilterValues>(NO_FILTERS);
  const filters = { from: values.from, to: values.to, text: values.text.trim() || undefined, flagged: values.flagged };
  const list = useCall('registers.rows', { register, filters }, { placeholderData: keepPreviousData });
  const rows = list.data ?? [];
  const cell = (key: string, kind: RoomColumnKind, v: string | number | null) => {
    if (v === null || v === '') return '—';
    if (kind === 'code') return <Tag color={CODE_COLORS[String(v)]}>{t(`roomRegisters.code_${key}_${String(v)}`)}</Tag>;
    if (kind === 'bytes' && typeof v === 'number') return formatBytes(v);
    if (key === 'hoursLate' && typeof v === 'number') return v > 0 ? <Tag color="red">{t('roomRegisters.late', { time: lateText(t, v * 3600) })}</Tag> : t('roomRegisters.onTime');
    if (MONO.has(key)) return <Typography.Text code copyable={{ text: String(v) }}>{`${String(v).slice(0, 8)}…`}</Typography.Text>;
    // A register is read whole: the file name wraps rather than giving way.
    if (key === 'name') return <span style={{ wordBreak: 'break-all' }}>{unsafeTextRevealed(String(v))}</span>;
    return String(v);
  };
  return (
    <Card title={t(`roomRegisters.title_${register}`)} extra={<RegisterExportButtons request={{ register, filters }} />} data-testid={`${register}-register`}>
      <RegisterFilters value={values} onChange={setValues} textLabel={t(`roomRegisters.text_${register}`)} flag={t(`roomRegisters.flag_${register}`)} testId={`${register}-filters`} />
      <RegisterCount count={rows.length} capped={rows.length >= LIMITS.registerRowsMax} />
      {list.isError && <Alert type="error" showIcon message={errorText(t, list.error)} style={{ marginBottom: 16 }} />}
      {/* Every column in the width of a 1366-pixel screen, none cut off behind a scroll bar a
          browser may hide: times break between day and hour, long texts share what is left. */}
      <Table<RoomRow>
        rowKey={(r) => String(r.id ?? r.number)}
        size="small"
        tableLayout="fixed"
        loading={list.isPending}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t('roomRegisters.empty') }}
        data-testid={`${register}-table`}
        columns={ROOM_COLUMNS[register].map((c) => ({
          title: t(`roomRegisters.${register}_${c.key}`),
          key: c.key,
          ellipsis: c.kind === 'text' && !MONO.has(c.key) && !PEOPLE.has(c.key) && c.key !== 'name' ? { showTitle: true } : false,
          width: c.key === 'hoursLate' ? 104 : c.key === 'explanation' ? 96 : (WIDTHS[c.kind] ?? (PEOPLE.has(c.key) ? 76 : MONO.has(c.key) ? 104 : undefined)),
          render: (_v: unknown, row: RoomRow) => cell(c.key, c.kind, row[c.key] ?? null),
        }))}
      />
    </Card>
  );
}
