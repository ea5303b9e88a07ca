import { useState } from 'react';
import { Button, Form, Input, Radio, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSettings } from '../../../../shared/contract/dto.js';
import { CASE_NUMBER_PRESETS, DEFAULT_CASE_NUMBER_PATTERN, casePatternProblem, fitsCasePattern, normalizeCaseNo } from '../../../../shared/rules/case-number.js';
import { AdvancedSection } from './AdvancedSection.js';
import { useSettingsPanel } from './use-settings-panel.js';

/**
 * The office's case-number scheme: picked from the known ones, tried on a sample before it is
 * saved; writing the expression itself is the advanced way.
 */
export function CasesSettingsPanel() {
  const { t } = useTranslation();
  const [form] = Form.useForm<CaseSettings>();
  const { settings, save } = useSettingsPanel();
  const [sample, setSample] = useState('峡综执罚〔2026〕12号');
  const pattern = Form.useWatch('numberPattern', form) ?? settings.data?.cases.numberPattern ?? '';
  if (!settings.data) return <Spin />;
  const preset = CASE_NUMBER_PRESETS.find((p) => p.pattern === pattern)?.id ?? 'custom';
  const ok = fitsCasePattern(normalizeCaseNo(sample), pattern);
  return (
    <Form<CaseSettings> form={form} layout="vertical" initialValues={settings.data.cases} onFinish={(v) => save.mutate({ cases: v })} style={{ maxWidth: 720 }}>
      <Form.Item label={t('settings.casePreset')} extra={t('settings.casePatternHelp')}>
        <Radio.Group value={preset} onChange={(e) => form.setFieldsValue({ numberPattern: CASE_NUMBER_PRESETS.find((p) => p.id === e.target.value)?.pattern ?? pattern })}>
          <Space direction="vertical">
            {CASE_NUMBER_PRESETS.map((p) => (
              <Radio key={p.id} value={p.id}>
                {t(`settings.casePreset_${p.id}`)} <Typography.Text type="secondary">{t('settings.example', { example: p.example })}</Typography.Text>
              </Radio>
            ))}
            {preset === 'custom' && <Radio value="custom">{t('settings.presetCustom')}</Radio>}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Typography.Text strong>{t('settings.tester')}</Typography.Text>
      <Space style={{ display: 'flex', marginTop: 8 }}>
        <Input value={sample} onChange={(e) => setSample(e.target.value)} style={{ width: 320 }} aria-label={t('settings.tester')} data-testid="case-tester" />
        <Typography.Text type={ok ? 'success' : 'danger'} data-testid="case-tester-result">
          {ok ? t('settings.caseFits') : t('settings.caseDoesNotFit')}
        </Typography.Text>
      </Space>
      <AdvancedSection label={t('settings.advanced')} marginTop={16}>
        <Form.Item
          name="numberPattern"
          label={t('settings.casePattern')}
          rules={[{ required: true }, { validator: (_r, v: string) => (casePatternProblem(v ?? '') === null ? Promise.resolve() : Promise.reject(new Error(t('settings.patternInvalid')))) }]}
        >
          <Input style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </AdvancedSection>
      <Space style={{ display: 'flex', marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button onClick={() => form.setFieldsValue({ numberPattern: DEFAULT_CASE_NUMBER_PATTERN })}>{t('settings.restoreDefaults')}</Button>
      </Space>
    </Form>
  );
}
