import { useState } from 'react';
import { Button, Divider, Flex, Form, Input, Select, Space, Spin, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { namePatternProblem, type IngestSettings } from '../../../../shared/contract/dto.js';
import { DEFAULT_IMPORTANT_MARKS, DEFAULT_NAME_PATTERNS, hasImportantMark, parseFileName } from '../../../../shared/rules/file-names.js';
import { isAbsolutePath } from '../../../../shared/rules/paths.js';
import { useSettingsPanel } from './use-settings-panel.js';
import { formatWallClock } from '../../lib/format.js';

/** File-name patterns and importance marks, with a tester that runs the same rule the import runs. */
export function IngestPanel() {
  const { t } = useTranslation();
  const [form] = Form.useForm<IngestSettings>();
  const [sample, setSample] = useState('T001_000123_20261120093000_0001.MP4');
  const { settings, save } = useSettingsPanel();
  const patterns = (Form.useWatch('namePatterns', form) ?? settings.data?.ingest.namePatterns ?? []).filter((p) => p?.regex && namePatternProblem(p.regex) === null);
  const marks = Form.useWatch('importantMarks', form) ?? settings.data?.ingest.importantMarks ?? [];
  if (!settings.data) return <Spin />;
  const parsed = parseFileName(sample, patterns);

  return (
    <Form<IngestSettings> form={form} layout="vertical" initialValues={settings.data.ingest} onFinish={(v) => save.mutate({ ingest: v })} style={{ maxWidth: 880 }}>
      <Typography.Title level={5}>{t('settings.patterns')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('settings.patternsHelp')}</Typography.Paragraph>
      <Form.List name="namePatterns">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item name={[field.name, 'id']} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('settings.patternId') }) }]} style={{ width: 200 }}>
                  <Input placeholder={t('settings.patternId')} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'regex']}
                  style={{ flex: 1 }}
                  rules={[
                    { required: true, message: t('validation.required', { field: t('settings.patternRegex') }) },
                    { validator: (_r, v: string | undefined) => (!v || namePatternProblem(v) === null ? Promise.resolve() : Promise.reject(new Error(t('settings.patternInvalid')))) },
                  ]}
                >
                  <Input placeholder={t('settings.patternRegex')} style={{ fontFamily: 'monospace' }} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="remove" />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ id: '', regex: '' })} disabled={fields.length >= 20}>
              {t('settings.addPattern')}
            </Button>
          </>
        )}
      </Form.List>
      <Divider />
      <Form.Item name="importantMarks" label={t('settings.marks')} extra={t('settings.marksHelp')}>
        <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
      </Form.Item>
      <Form.Item
        name="sourceFolders"
        label={t('settings.sourceFolders')}
        extra={t('settings.sourceFoldersHelp')}
        rules={[{ validator: (_r, v: string[] | undefined) => ((v ?? []).every(isAbsolutePath) ? Promise.resolve() : Promise.reject(new Error(t('settings.sourceFolderInvalid')))) }]}
      >
        <Select mode="tags" open={false} tokenSeparators={['\n']} maxCount={10} data-testid="source-folders" />
      </Form.Item>
      <Divider titlePlacement="start">{t('settings.tester')}</Divider>
      <Input value={sample} onChange={(e) => setSample(e.target.value)} placeholder={t('settings.testerPlaceholder')} disabled={false} data-testid="pattern-tester" />
      <div style={{ marginTop: 8 }} data-testid="pattern-tester-result">
        {parsed ? (
          <Typography.Text>
            {t('settings.testerResult', {
              pattern: parsed.patternId,
              device: parsed.device ?? '—',
              officer: parsed.officer ?? '—',
              time: formatWallClock(parsed.recordedAt) || '—',
              seq: parsed.sequence ?? '—',
            })}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('settings.testerNoMatch')}</Typography.Text>
        )}
        {hasImportantMark(sample, marks) && (
          <Tag color="red" style={{ marginInlineStart: 8 }}>
            {t('settings.testerImportant')}
          </Tag>
        )}
      </div>
              <Space style={{ marginTop: 24 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue({ namePatterns: [...DEFAULT_NAME_PATTERNS], importantMarks: [...DEFAULT_IMPORTANT_MARKS] })}>{t('settings.restoreDefaults')}</Button>
        </Space>
    </Form>
  );
}
