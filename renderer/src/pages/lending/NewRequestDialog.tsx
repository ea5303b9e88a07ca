import { useState } from 'react';
import { Alert, AutoComplete, Checkbox, Col, DatePicker, Empty, Form, Input, Modal, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import type { RequestDto, RequestItem, RequestKind } from '../../../../shared/contract/requests-dto.js';
import { useCall, useCallMutation } from '../../api/use-call.js';
import { errorCode, errorText } from '../../lib/errors.js';
import { formatWallClock, officeInstant, officeNowPicker } from '../../lib/format.js';
import { requiredText } from '../../lib/rules.js';
import { CasePicker } from '../discs/CasePicker.js';
import { isViewing } from './request-words.js';

type Scope = 'case' | 'records' | 'discs';

interface Values {
  kind: RequestKind;
  requester: { name: string; department?: string; idType?: string; idNumber?: string; relation?: string; contact?: string };
  scope: Scope;
  records: number[];
  discs: number[];
  purpose: string;
  content: string;
  window: [Dayjs, Dayjs];
}

/** The kinds the keeper registers for someone else; an officer's own request is always `officer_view`. */
const KEEPER_KINDS = ['department_view', 'department_borrow', 'party_view', 'lend_item'] as const satisfies readonly RequestKind[];

/** What each kind may ask for: viewings reach recordings; a loan takes discs (or the paper case file) out of the room. */
const SCOPES: Record<RequestKind, Scope[]> = {
  officer_view: ['case', 'records'],
  department_view: ['case', 'records'],
  party_view: ['case', 'records'],
  department_borrow: ['discs', 'case', 'records'],
  lend_item: ['discs', 'case'],
};

const ID_TYPES = ['居民身份证', '工作证', '律师执业证', '营业执照', '护照'];
const RELATIONS = ['本人', '委托代理人', '法定代理人', '近亲属'];

/**
 * A new request to view or borrow. An officer asks for themselves: they name the case by its
 * number (they can't list a case they don't handle) and ask for all of it or some of its
 * recordings. The keeper registers one made at the counter: a department's, a party's (checked
 * against the case's parties) or a loan of discs, with who asks and how they are identified.
 */
export function NewRequestDialog({ account, onClose, onCreated }: { account: AccountDto; onClose: () => void; onCreated: (r: RequestDto) => void }) {
  const { t } = useTranslation();
  const officer = account.role === 'officer';
  const [form] = Form.useForm<Values>();
  const kind: RequestKind = Form.useWatch('kind', form) ?? (officer ? 'officer_view' : 'department_view');
  const scope: Scope = Form.useWatch('scope', form) ?? SCOPES[kind][0] ?? 'case';
  const [caseId, setCaseId] = useState<number | undefined>();
  const [typedNo, setTypedNo] = useState('');
  const kase = useCall('cases.get', { id: caseId ?? 0 }, { enabled: !officer && caseId !== undefined });
  // The keeper picks a case from the register; an officer types its number.
  const caseNo = officer ? typedNo : (kase.data?.caseNo ?? '');
  const found = useCall('requests.findCase', { caseNo }, { enabled: caseNo !== '', retry: false });
  const chosen = found.data && (officer || found.data.id === caseId) ? found.data : null;
  const discs = useCall('discs.list', { caseId: chosen?.id ?? 0 }, { enabled: !officer && Boolean(chosen) && SCOPES[kind].includes('discs') });
  const create = useCallMutation('requests.create', { invalidates: ['requests.list'], onSuccess: onCreated, errors: 'inline' });
  const verb = isViewing(kind) ? 'view' : 'borrow';
  const parties = kase.data?.parties ?? [];

  const submit = (v: Values) => {
    if (!chosen) return;
    const items: RequestItem[] =
      v.scope === 'case' ? [{ kind: 'case', id: chosen.id }] : v.scope === 'records' ? v.records.map((id) => ({ kind: 'record', id })) : v.discs.map((id) => ({ kind: 'disc', id }));
    const clean = (s?: string) => s?.trim() ?? '';
    create.mutate({
      kind: officer ? 'officer_view' : v.kind,
      caseId: chosen.id,
      ...(officer
        ? {}
        : {
            requester: {
              name: v.requester.name.trim(),
              department: clean(v.requester.department),
              idType: clean(v.requester.idType),
              idNumber: clean(v.requester.idNumber),
              relation: v.kind === 'party_view' ? clean(v.requester.relation) : '',
              contact: clean(v.requester.contact),
            },
          }),
      items,
      purpose: v.purpose.trim(),
      content: v.content.trim(),
      window: { from: officeInstant(v.window[0]), to: officeInstant(v.window[1]) },
    });
  };

  const fillParty = (name: string) => {
    const p = parties.find((x) => x.name === name);
    if (p) form.setFieldsValue({ requester: { name: p.name, idType: p.idType || undefined, idNumber: p.idNumber || undefined, contact: p.contact || undefined, relation: '本人' } });
  };

  const caseMissing = officer && typedNo !== '' && errorCode(found.error) === 'NOT_FOUND';
  const now = officeNowPicker();

  return (
    <Modal
      open
      width={780}
      title={officer ? t('requests.newOfficerTitle') : t('requests.newKeeperTitle')}
      okText={t('requests.submit')}
      okButtonProps={{ disabled: !chosen }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      data-testid="request-dialog"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: officer ? 'officer_view' : 'department_view', scope: 'case', records: [], discs: [], window: [now, now.add(1, 'day')], requester: {} }}
        onValuesChange={(changed: Partial<Values>) => {
          // A kind that can't ask for the current scope starts from its own first one.
          if (changed.kind && !SCOPES[changed.kind].includes(form.getFieldValue('scope') as Scope)) form.setFieldsValue({ scope: SCOPES[changed.kind][0] });
        }}
        onFinish={submit}
      >
        <Row gutter={16}>
          {!officer && (
            <Col span={8}>
              <Form.Item name="kind" label={t('requests.kind')}>
                <Select options={KEEPER_KINDS.map((k) => ({ value: k, label: t(`requests.kind_${k}`) }))} data-testid="request-kind" />
              </Form.Item>
            </Col>
          )}
          <Col span={officer ? 24 : 16}>
            <Form.Item label={t('requests.case')} required extra={officer ? t('requests.caseNoHelp') : undefined} validateStatus={caseMissing ? 'error' : undefined} help={caseMissing ? t('requests.caseNotFound', { caseNo: typedNo }) : undefined}>
              {officer ? (
                <Input.Search
                  placeholder={t('requests.caseNoPlaceholder')}
                  enterButton={t('requests.findCase')}
                  onSearch={(v) => setTypedNo(v.trim())}
                  loading={found.isFetching}
                  style={{ maxWidth: 420 }}
                  data-testid="request-case-no"
                />
              ) : (
                <CasePicker value={caseId} onChange={setCaseId} testId="request-case" width={440} />
              )}
            </Form.Item>
          </Col>
        </Row>
        {found.isError && !caseMissing && <Alert type="error" showIcon message={errorText(t, found.error)} style={{ marginBottom: 16 }} />}

        {chosen && (
          <>
            <Form.Item name="scope" label={t(`requests.scope_${verb}`)}>
              <Radio.Group
                // Single recordings only where their names are known: a case out of reach is asked for whole.
                options={SCOPES[kind]
                  .filter((s) => s !== 'records' || chosen.records.length > 0)
                  .map((s) => ({ value: s, label: s === 'case' ? t(`requests.scopeCase_${verb}`, { caseNo: chosen.caseNo, count: chosen.recordCount }) : t(`requests.scope_${s}`) }))}
                data-testid="request-scope"
              />
            </Form.Item>
            {scope === 'records' && (
              <Form.Item name="records" rules={[{ type: 'array', min: 1, message: t('requests.pickRecords') }]}>
                {chosen.records.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('requests.caseNoRecords')} />
                ) : (
                  <Checkbox.Group style={{ width: '100%' }} data-testid="request-records">
                    <Space direction="vertical" style={{ width: '100%', maxHeight: 220, overflowY: 'auto' }}>
                      {chosen.records.map((r) => (
                        <Checkbox key={r.id} value={r.id} disabled={!r.available}>
                          <span>{r.name}</span>
                          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                            {[t(`library.${r.mediaType}`), formatWallClock(r.recordedAt, false)].filter(Boolean).join(' · ')}
                          </Typography.Text>
                          {!r.available && (
                            <Tag color="red" style={{ marginInlineStart: 8 }}>
                              {t('requests.recordAlarm')}
                            </Tag>
                          )}
                        </Checkbox>
                      ))}
                    </Space>
                  </Checkbox.Group>
                )}
              </Form.Item>
            )}
            {scope === 'discs' && (
              <Form.Item name="discs" rules={[{ type: 'array', min: 1, message: t('requests.pickDiscs') }]}>
                {(discs.data ?? []).length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={discs.isPending ? t('common.loading') : t('requests.caseNoDiscs')} />
                ) : (
                  <Checkbox.Group data-testid="request-discs">
                    <Space direction="vertical">
                      {(discs.data ?? []).map((d) => (
                        <Checkbox key={d.id} value={d.id}>
                          {t('requests.discOption', { number: d.number, index: d.index, count: d.count, location: d.location ?? t('discs.noLocation') })}
                        </Checkbox>
                      ))}
                    </Space>
                  </Checkbox.Group>
                )}
              </Form.Item>
            )}
          </>
        )}

        {!officer && (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t(`requests.requesterTitle_${kind}`)}
            </Typography.Title>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name={['requester', 'name']} label={t('requests.requesterName')} rules={requiredText(t, t('requests.requesterName'), 64)}>
                  {kind === 'party_view' ? (
                    <AutoComplete options={parties.map((p) => ({ value: p.name }))} onSelect={fillParty} placeholder={t('requests.partyPlaceholder')} data-testid="requester-name" />
                  ) : (
                    <Input maxLength={64} data-testid="requester-name" />
                  )}
                </Form.Item>
              </Col>
              <Col span={12}>
                {kind === 'party_view' ? (
                  <Form.Item name={['requester', 'relation']} label={t('requests.relation')} rules={requiredText(t, t('requests.relation'), 40)}>
                    <AutoComplete options={RELATIONS.map((value) => ({ value }))} maxLength={40} data-testid="requester-relation" />
                  </Form.Item>
                ) : (
                  <Form.Item
                    name={['requester', 'department']}
                    label={t('requests.department')}
                    rules={kind === 'lend_item' ? [{ max: 100 }] : requiredText(t, t('requests.department'), 100)}
                  >
                    <Input maxLength={100} placeholder={t('requests.departmentPlaceholder')} data-testid="requester-department" />
                  </Form.Item>
                )}
              </Col>
              <Col span={8}>
                <Form.Item name={['requester', 'idType']} label={t('requests.idType')} rules={[{ max: 40 }]}>
                  <AutoComplete options={ID_TYPES.map((value) => ({ value }))} maxLength={40} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={['requester', 'idNumber']} label={t('requests.idNumber')} rules={[{ max: 40 }]}>
                  <Input maxLength={40} data-testid="requester-id" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={['requester', 'contact']} label={t('requests.contact')} rules={[{ max: 100 }]}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
            </Row>
          </fieldset>
        )}

        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="purpose" label={t(`requests.purpose_${verb}`)} rules={requiredText(t, t(`requests.purpose_${verb}`), 500)}>
              <Input.TextArea rows={3} maxLength={500} placeholder={t(`requests.purposePlaceholder_${kind}`)} data-testid="request-purpose" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="content" label={t(`requests.content_${verb}`)} rules={requiredText(t, t(`requests.content_${verb}`), 500)}>
              <Input.TextArea rows={3} maxLength={500} placeholder={t(`requests.contentPlaceholder_${verb}`)} data-testid="request-content" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="window"
          label={t(`requests.window_${verb}`)}
          extra={t(`requests.windowHelp_${verb}`)}
          rules={[
            { required: true, message: t('validation.required', { field: t(`requests.window_${verb}`) }) },
            { validator: (_r, v: [Dayjs, Dayjs] | null) => (!v || v[1].isAfter(v[0]) ? Promise.resolve() : Promise.reject(new Error(t('requests.windowOrder')))) },
          ]}
        >
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" needConfirm={false} allowClear={false} style={{ width: 420 }} data-testid="request-window" />
        </Form.Item>
        {create.isError && <Alert type="error" showIcon message={errorText(t, create.error)} role="alert" data-testid="request-error" />}
      </Form>
    </Modal>
  );
}
