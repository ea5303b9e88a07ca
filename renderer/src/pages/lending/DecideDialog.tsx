import { useEffect } from 'react';
import { Alert, Checkbox, DatePicker, Descriptions, Form, Modal, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RequestDto } from '../../../../shared/contract/requests-dto.js';
import { useCall, useCallMutation } from '../../api/use-call.js';
import { DecisionReasonField } from '../../components/DecisionReasonField.js';
import { errorText } from '../../lib/errors.js';
import { officeInstant, officePickerValue } from '../../lib/format.js';
import { isViewing, itemText, windowText } from './request-words.js';

interface Values {
  outcome: 'approved' | 'rejected';
  items: string[];
  window: [Dayjs, Dayjs];
  reason?: string;
}

const key = (i: { kind: string; id: number }) => `${i.kind}:${i.id}`;

/**
 * A whole case asked for, opened into its recordings so the leader may approve some of them: the
 * case stays one item while every recording is ticked, and becomes the ticked recordings otherwise.
 */
function useCaseRecords(r: RequestDto) {
  const asked = r.items.find((i) => i.kind === 'case');
  const found = useCall('requests.findCase', { caseNo: asked?.label ?? '' }, { enabled: Boolean(asked) });
  return asked && found.data && found.data.records.length > 0 ? { item: asked, records: found.data.records } : null;
}

/**
 * The approver's decision, once and final: approve what was asked, or less of it (fewer items, a
 * shorter window), or reject it with a reason the requester will read.
 */
export function DecideDialog({ request: r, onClose }: { request: RequestDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form) ?? 'approved';
  const decide = useCallMutation('requests.decide', { announce: true, invalidates: ['requests.list', 'requests.get'], onSuccess: onClose, errors: 'inline' });
  const verb = isViewing(r.kind) ? 'view' : 'borrow';
  const asked = { from: officePickerValue(r.window.from), to: officePickerValue(r.window.to) };
  const opened = useCaseRecords(r);
  const others = opened ? r.items.filter((i) => i !== opened.item) : r.items;
  useEffect(() => {
    if (opened) form.setFieldValue('items', [...others.map(key), ...opened.records.map((x) => key({ kind: 'record', id: x.id }))]);
    // Once, when the case's recordings arrive.
  }, [opened?.records.length]);

  const submit = (v: Values) => {
    if (v.outcome === 'rejected') return decide.mutate({ id: r.id, outcome: 'rejected', reason: v.reason?.trim() });
    const picked = opened?.records.filter((x) => v.items.includes(key({ kind: 'record', id: x.id }))) ?? [];
    const caseItems = !opened ? [] : picked.length === opened.records.length ? [{ kind: opened.item.kind, id: opened.item.id }] : picked.map((x) => ({ kind: 'record' as const, id: x.id }));
    const items = [...others.filter((i) => v.items.includes(key(i))).map(({ kind, id }) => ({ kind, id })), ...caseItems];
    const whole = items.length === r.items.length && items.every((i) => r.items.some((a) => key(a) === key(i)));
    // The pickers keep minutes: a bound left at the asked one (or past it) is sent exactly as asked.
    const from = officeInstant(v.window[0]);
    const to = officeInstant(v.window[1]);
    const window = { from: Date.parse(from) <= Date.parse(r.window.from) ? r.window.from : from, to: Date.parse(to) >= Date.parse(r.window.to) ? r.window.to : to };
    const sameWindow = !form.isFieldTouched('window') || (window.from === r.window.from && window.to === r.window.to);
    decide.mutate({
      id: r.id,
      outcome: 'approved',
      reason: v.reason?.trim() || undefined,
      ...(whole ? {} : { items }),
      ...(sameWindow ? {} : { window }),
    });
  };

  return (
    <Modal
      open
      width={720}
      title={t('requests.decideTitle', { number: r.number })}
      okText={outcome === 'approved' ? t('requests.approve') : t('requests.reject')}
      okButtonProps={{ danger: outcome === 'rejected' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      data-testid="decide-dialog"
    >
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('requests.requester')}>
          {t('requests.requesterOf', { name: [r.requester.name, r.requester.department].filter(Boolean).join(' · '), kind: t(`requests.kind_${r.kind}`) })}
        </Descriptions.Item>
        {r.caseNo && <Descriptions.Item label={t('requests.case')}>{r.caseNo}</Descriptions.Item>}
        <Descriptions.Item label={t(`requests.purpose_${verb}`)}>{r.purpose}</Descriptions.Item>
        <Descriptions.Item label={t(`requests.content_${verb}`)}>{r.content}</Descriptions.Item>
        <Descriptions.Item label={t(`requests.window_${verb}`)}>{windowText(t, r.window)}</Descriptions.Item>
      </Descriptions>
      {decide.isError && <Alert type="error" showIcon message={errorText(t, decide.error)} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" initialValues={{ outcome: 'approved', items: r.items.map(key), window: [asked.from, asked.to] }} onFinish={submit}>
        <Form.Item name="outcome" label={t('requests.outcome')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'approved', label: t('requests.approve') },
              { value: 'rejected', label: t('requests.reject') },
            ]}
            data-testid="decide-outcome"
          />
        </Form.Item>
        {outcome === 'approved' && (
          <>
            <Form.Item
              name="items"
              label={t('requests.grantItems')}
              extra={r.items.length > 1 || opened ? t('requests.grantItemsHelp') : undefined}
              rules={[{ type: 'array', min: 1, message: t('requests.grantItemsNone') }]}
            >
              <Checkbox.Group data-testid="decide-items">
                <Space direction="vertical">
                  {others.map((i) => (
                    <Checkbox key={key(i)} value={key(i)}>
                      {itemText(t, i)}
                    </Checkbox>
                  ))}
                  {opened && (
                    <>
                      <Typography.Text>{itemText(t, opened.item)}</Typography.Text>
                      {opened.records.map((x) => (
                        <Checkbox key={x.id} value={key({ kind: 'record', id: x.id })} style={{ marginLeft: 24 }}>
                          {x.name}
                        </Checkbox>
                      ))}
                    </>
                  )}
                </Space>
              </Checkbox.Group>
            </Form.Item>
            <Form.Item
              name="window"
              label={t('requests.grantWindow')}
              extra={t('requests.grantWindowHelp')}
              rules={[
                { required: true, message: t('validation.required', { field: t('requests.grantWindow') }) },
                {
                  validator: (_r, v: [Dayjs, Dayjs] | null) =>
                    !v || (!v[0].isBefore(asked.from, 'minute') && !v[1].isAfter(asked.to, 'minute') && v[1].isAfter(v[0])) ? Promise.resolve() : Promise.reject(new Error(t('requests.grantWindowOutside'))),
                },
              ]}
            >
              <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" needConfirm={false} allowClear={false} style={{ width: '100%' }} data-testid="decide-window" />
            </Form.Item>
          </>
        )}
        <DecisionReasonField outcome={outcome} testId="decide-reason" placeholder={t('requests.rejectPlaceholder')} />
        <Typography.Text type="secondary">{t('requests.decideFinal')}</Typography.Text>
      </Form>
    </Modal>
  );
}
