import { DatePicker, Form, Input, InputNumber, Radio, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TimelinessSettings } from '../../../../shared/contract/dto.js';
import { deadlineFor } from '../../../../shared/rules/deadline.js';
import { useSettingsPanel } from './use-settings-panel.js';
import { SaveButton } from './SaveButton.js';
import { formatWallClock, officeToday } from '../../lib/format.js';

interface TimelinessForm {
  kind: 'hours' | 'workdays';
  hours: number;
  days: number;
  holidays: Dayjs[];
  workdays: Dayjs[];
  timeZone: string;
  clockAheadMinutes: number;
}

const DAY = 'YYYY-MM-DD';

function toForm(s: TimelinessSettings): TimelinessForm {
  return {
    kind: s.rule.kind,
    hours: s.rule.kind === 'hours' ? s.rule.hours : 24,
    days: s.rule.kind === 'workdays' ? s.rule.days : 2,
    holidays: s.calendar.holidays.map((d) => dayjs(d)),
    workdays: s.calendar.workdays.map((d) => dayjs(d)),
    timeZone: s.timeZone,
    clockAheadMinutes: s.clockAheadMinutes,
  };
}

function fromForm(v: TimelinessForm): TimelinessSettings {
  const days = (list: Dayjs[] | undefined) => [...new Set((list ?? []).map((d) => d.format(DAY)))].sort();
  return {
    rule: v.kind === 'hours' ? { kind: 'hours', hours: v.hours } : { kind: 'workdays', days: v.days },
    calendar: { holidays: days(v.holidays), workdays: days(v.workdays) },
    timeZone: v.timeZone.trim(),
    clockAheadMinutes: v.clockAheadMinutes,
  };
}

/** The upload deadline (24 hours, or N working days over the holiday calendar) with a live example. */
export function TimelinessPanel() {
  const { t } = useTranslation();
  const [form] = Form.useForm<TimelinessForm>();
  const { settings, save } = useSettingsPanel();
  const watched = Form.useWatch([], form) as TimelinessForm | undefined;
  if (!settings.data) return <Spin />;
  const current = watched?.kind ? fromForm({ ...toForm(settings.data.timeliness), ...watched }) : settings.data.timeliness;
  const sample = `${officeToday()}T15:00:00`;

  return (
    <Form<TimelinessForm> form={form} layout="vertical" initialValues={toForm(settings.data.timeliness)} onFinish={(v) => save.mutate({ timeliness: fromForm(v) })} style={{ maxWidth: 720 }}>
      <Form.Item name="kind" label={t('settings.ruleLabel')} extra={t('settings.ruleHelp')}>
        <Radio.Group
          options={[
            { value: 'hours', label: t('settings.rule24h') },
            { value: 'workdays', label: t('settings.ruleWorkdays', { days: watched?.days ?? 2 }) },
          ]}
        />
      </Form.Item>
      {watched?.kind === 'workdays' ? (
        <Form.Item name="days" label={t('settings.days')} rules={[{ required: true }]}>
          <InputNumber min={1} max={30} precision={0} />
        </Form.Item>
      ) : (
        <Form.Item name="hours" label={t('settings.hours')} rules={[{ required: true }]}>
          <InputNumber min={1} max={336} precision={0} />
        </Form.Item>
      )}
      <Typography.Paragraph type="secondary" data-testid="deadline-preview">
        {t('settings.preview', { recorded: formatWallClock(sample), deadline: formatWallClock(deadlineFor(sample, current.rule, current.calendar)) })}
      </Typography.Paragraph>
      <Form.Item name="holidays" label={t('settings.holidays')} extra={t('settings.calendarHelp')}>
        <DatePicker multiple maxTagCount="responsive" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="workdays" label={t('settings.workdaysLabel')}>
        <DatePicker multiple maxTagCount="responsive" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="timeZone" label={t('settings.timeZone')} rules={[{ required: true, whitespace: true }]}>
        <Input style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="clockAheadMinutes" label={t('settings.clockAhead')} extra={t('settings.clockAheadHelp')} rules={[{ required: true }]}>
        <InputNumber min={1} max={1440} precision={0} addonAfter={t('settings.minutes')} />
      </Form.Item>
      <SaveButton saving={save.isPending} />
    </Form>
  );
}
