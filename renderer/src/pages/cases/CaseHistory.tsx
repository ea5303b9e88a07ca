import { Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseEventDto } from '../../../../shared/contract/cases-dto.js';
import { formatInstant } from '../../lib/format.js';

/** Values that are codes: the case's kind and status, a link's role. */
const CODED = { kind: 'cases.kind_', status: 'cases.status_', role: 'cases.role_' } as const;

function value(t: TFunction, field: CaseEventDto['changes'][number]['field'], v: string | null): string {
  if (v === null || v === '') return '—';
  return field in CODED ? t(`${CODED[field as keyof typeof CODED]}${v}`) : v;
}

/** A case's appended events, newest first: who, when, what, and each value changed from old to new. */
export function CaseHistory({ events }: { events: CaseEventDto[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="case-history"
      items={events.map((e) => ({
        children: (
          <div>
            <Typography.Text style={{ fontSize: 13 }}>
              {formatInstant(e.at)} · {e.by} · {t(`cases.event_${e.action}`)}
              {e.record && <Typography.Text type="secondary"> · {e.record}</Typography.Text>}
            </Typography.Text>
            {e.action !== 'created' &&
              e.changes.map((c) => (
                <div key={c.field} style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
                  {t('cases.historyField', { field: t(`cases.field_${c.field}`) })}
                  {/* A new link's facts and an unlink's reason are values, not changes: no "from" to show. */}
                  {c.old === null && e.action !== 'changed' ? (
                    value(t, c.field, c.new)
                  ) : (
                    <>
                      <Typography.Text delete={c.old !== null} type="secondary" style={{ fontSize: 12 }}>
                        {value(t, c.field, c.old)}
                      </Typography.Text>
                      {' → '}
                      {value(t, c.field, c.new)}
                    </>
                  )}
                </div>
              ))}
          </div>
        ),
      }))}
    />
  );
}
