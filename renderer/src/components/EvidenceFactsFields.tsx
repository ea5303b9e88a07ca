import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { EvidenceFacts } from '../../../shared/contract/cases-dto.js';

/** The written-description fields of an evidence link as a form holds them. */
export interface FactsForm {
  collectors: string[];
  collectedAt: Dayjs;
  place: string;
  statement: string;
}

export function factsFromForm(v: FactsForm): EvidenceFacts {
  return { collectors: v.collectors, collectedAt: v.collectedAt.format('YYYY-MM-DDTHH:mm:ss'), place: v.place.trim(), statement: v.statement.trim() };
}

export function formFromFacts(f: EvidenceFacts): FactsForm {
  return { collectors: f.collectors, collectedAt: dayjs(f.collectedAt), place: f.place, statement: f.statement };
}

/** 取证人员, 取证时间, 取证地点 and what the recording shows (REQUIREMENTS §3), all required. */
export function EvidenceFactsFields() {
  const { t } = useTranslation();
  const required = (field: string) => ({ required: true, whitespace: true, message: t('validation.required', { field }) });
  return (
    <>
      <Form.Item name="collectors" label={t('cases.collectors')} rules={[{ required: true, type: 'array', min: 1, message: t('validation.required', { field: t('cases.collectors') }) }]}>
        <Select mode="tags" open={false} tokenSeparators={[',', '，', '、', ' ']} />
      </Form.Item>
      <Form.Item name="collectedAt" label={t('cases.collectedAt')} rules={[{ required: true, message: t('validation.required', { field: t('cases.collectedAt') }) }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" needConfirm={false} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="place" label={t('cases.place')} rules={[required(t('cases.place')), { max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="statement" label={t('cases.statement')} rules={[required(t('cases.statement')), { max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </>
  );
}
