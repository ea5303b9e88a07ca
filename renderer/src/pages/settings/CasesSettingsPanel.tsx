import { useState } from 'react';
import { Button, Form, Input, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSettings } from '../../../../shared/contract/dto.js';
import { DEFAULT_CASE_NUMBER_PATTERN, casePatternProblem, fitsCasePattern, normalizeCaseNo } from '../../../../shared/rules/case-number.js';
import { useSettingsPanel } from './use-settings-panel.js';

/** The office's case-number pattern, with a tester so a change can be tried before it is saved. */
export function CasesSettingsPanel() {
  const { t } = useTranslation();
  const [form] = Form.useForm<CaseSettings>();
  const { settings, save } = useSettingsPanel();
  const [sample, setSample] = useState('峡综执罚〔2026〕12号');
  const pattern = Form.useWatch('numberPattern', form) ?? settings.data?.cases.numberPattern ?? '';
  if (!settings.data) return <Spin />;
  const ok = casePatternProblem(pattern) === null && fitsCasePattern(normalizeCaseNo(sample), pattern);
  return (
    <Form<CaseSettings> form={form} layout="vertical" initialValues={settings.data.cases} onFinish={(v) => save.mutate({ cases: v })} style={{ maxWidth: 720 }}>
      <Form.Item
        name="numberPattern"
        label={t('settings.casePattern')}
        extra={t('settings.casePatternHelp')}
        rules={[{ required: true }, { validator: (_r, v: string) => (casePatternProblem(v ?? '') === null ? Promise.resolve() : Promise.reject(new Error(t('settings.patternInvalid')))) }]}
      >
        <Input style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Input value={sample} onChange={(e) => setSample(e.target.value)} disabled={false} style={{ width: 320 }} aria-label={t('settings.tester')} />
      <Typography.Text type={ok ? 'success' : 'danger'} style={{ marginInlineStart: 12 }}>
        {ok ? t('settings.caseFits') : t('settings.caseDoesNotFit')}
      </Typography.Text>
              <Space style={{ display: 'flex', marginTop: 24 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue({ numberPattern: DEFAULT_CASE_NUMBER_PATTERN })}>{t('settings.restoreDefaults')}</Button>
        </Space>
    </Form>
  );
}
