import { Alert, Button, Form, InputNumber, Radio, Space, Spin, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_RETENTION, RETENTION_MAX_YEARS, RETENTION_MIN, type RetentionPolicy } from '../../../../shared/rules/retention.js';
import { useCall, useCallMutation } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';

interface Values {
  standardYears: number;
  evidenceMode: 'years' | 'permanent';
  evidenceYears: number;
  witnessRequired: boolean;
}

/**
 * How long the office keeps its records: periods may only be lengthened. The core decides what is
 * too short and says so beside the fields; saving recomputes every record's end date.
 */
export function RetentionSettingsPanel() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const policy = useCall('retention.policy', {});
  const save = useCallMutation('retention.setPolicy', { announce: true, errors: 'inline', invalidates: ['retention.policy', 'retention.warnings', 'records.list'] });
  const mode = Form.useWatch('evidenceMode', form);
  const initial = policy.data ? valuesOf(policy.data) : null;
  if (!initial) return <Spin />;
  const submit = (v: Values) => {
    save.mutate({ standardYears: v.standardYears, evidenceYears: v.evidenceMode === 'permanent' ? 'permanent' : v.evidenceYears, witnessRequired: v.witnessRequired });
  };
  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} onValuesChange={() => save.reset()} style={{ maxWidth: 720 }} data-testid="retention-settings">
      <Alert type="info" showIcon message={t('settings.retentionRule')} description={t('settings.retentionRecompute')} style={{ marginBottom: 16 }} />
      <Form.Item label={t('settings.retentionStandard')} extra={t('settings.retentionStandardHelp')}>
        <Space>
          <Form.Item name="standardYears" noStyle rules={[{ required: true }]}>
            <InputNumber min={1} max={RETENTION_MAX_YEARS * 10} precision={0} style={{ width: 120 }} data-testid="retention-standard" />
          </Form.Item>
          <Typography.Text>{t('settings.retentionYears')}</Typography.Text>
        </Space>
      </Form.Item>
      <Form.Item label={t('settings.retentionEvidence')} extra={t('settings.retentionEvidenceHelp')}>
        <Space direction="vertical">
          <Form.Item name="evidenceMode" noStyle>
            <Radio.Group>
              <Radio value="years">{t('settings.retentionEvidenceYears')}</Radio>
              <Radio value="permanent" data-testid="retention-permanent">
                {t('settings.retentionPermanent')}
              </Radio>
            </Radio.Group>
          </Form.Item>
          {mode !== 'permanent' && (
            <Space>
              <Form.Item name="evidenceYears" noStyle rules={[{ required: true }]}>
                <InputNumber min={1} max={RETENTION_MAX_YEARS * 10} precision={0} style={{ width: 120 }} data-testid="retention-evidence" />
              </Form.Item>
              <Typography.Text>{t('settings.retentionYears')}</Typography.Text>
            </Space>
          )}
        </Space>
      </Form.Item>
      <Form.Item name="witnessRequired" label={t('settings.retentionWitness')} extra={t('settings.retentionWitnessHelp')} valuePropName="checked">
        <Switch data-testid="retention-witness" />
      </Form.Item>
      {save.isError && <Alert type="error" showIcon message={errorText(t, save.error)} style={{ marginBottom: 16 }} data-testid="retention-error" />}
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="retention-save">
          {t('common.save')}
        </Button>
        <Button onClick={() => form.setFieldsValue(valuesOf(DEFAULT_RETENTION))}>{t('settings.restoreDefaults')}</Button>
      </Space>
    </Form>
  );
}

function valuesOf(p: RetentionPolicy): Values {
  return {
    standardYears: p.standardYears,
    evidenceMode: p.evidenceYears === 'permanent' ? 'permanent' : 'years',
    evidenceYears: p.evidenceYears === 'permanent' ? RETENTION_MIN.evidenceYears : p.evidenceYears,
    witnessRequired: p.witnessRequired,
  };
}
