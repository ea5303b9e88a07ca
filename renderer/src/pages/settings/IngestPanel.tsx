import { useState } from 'react';
import { Button, Checkbox, Divider, Flex, Form, Input, Select, Space, Spin, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { namePatternProblem, type IngestSettings } from '../../../../shared/contract/dto.js';
import { DEFAULT_IMPORTANT_MARKS, DEFAULT_NAME_PATTERNS, NAME_PATTERN_EXAMPLES, hasImportantMark, parseFileName, type NamePattern } from '../../../../shared/rules/file-names.js';
import { isAbsolutePath } from '../../../../shared/rules/paths.js';
import { formatWallClock } from '../../lib/format.js';
import { AdvancedSection } from './AdvancedSection.js';
import { useSettingsPanel } from './use-settings-panel.js';

/** The known camera naming schemes are ticked, not typed; expressions of the office's own go under "advanced". */
interface IngestForm {
  presets: string[];
  custom: NamePattern[];
  importantMarks: string[];
  sourceFolders: string[];
}

const isPreset = (p: NamePattern) => DEFAULT_NAME_PATTERNS.some((d) => d.id === p.id && d.regex === p.regex);

function toForm(s: IngestSettings): IngestForm {
  return { presets: s.namePatterns.filter(isPreset).map((p) => p.id), custom: s.namePatterns.filter((p) => !isPreset(p)), importantMarks: s.importantMarks, sourceFolders: s.sourceFolders };
}

/** Known patterns first, in their own order (the first that matches wins), then the office's own. */
function namePatterns(presets: readonly string[] | undefined, custom: readonly (NamePattern | undefined)[] | undefined): NamePattern[] {
  return [...DEFAULT_NAME_PATTERNS.filter((p) => presets?.includes(p.id)), ...(custom ?? []).filter((p): p is NamePattern => Boolean(p?.regex) && namePatternProblem(p?.regex ?? '') === null)];
}

/** File-name patterns and importance marks, with a tester that runs the same rule the import runs. */
export function IngestPanel() {
  const { t } = useTranslation();
  const [form] = Form.useForm<IngestForm>();
  const [sample, setSample] = useState('T001_000123_20261120093000_0001.MP4');
  const { settings, save } = useSettingsPanel();
  const initial = settings.data ? toForm(settings.data.ingest) : null;
  const patterns = namePatterns(Form.useWatch('presets', form) ?? initial?.presets, Form.useWatch('custom', form) ?? initial?.custom);
  const marks = Form.useWatch('importantMarks', form) ?? initial?.importantMarks ?? [];
  if (!initial) return <Spin />;
  const parsed = parseFileName(sample, patterns);

  return (
    <Form<IngestForm>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => save.mutate({ ingest: { namePatterns: namePatterns(v.presets, v.custom), importantMarks: v.importantMarks, sourceFolders: v.sourceFolders } })}
      style={{ maxWidth: 880 }}
    >
      <Typography.Title level={5}>{t('settings.patterns')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('settings.presetsHelp')}</Typography.Paragraph>
      <Form.Item name="presets">
        <Checkbox.Group>
          <Space direction="vertical">
            {DEFAULT_NAME_PATTERNS.map((p) => (
              <Checkbox key={p.id} value={p.id}>
                {t(`settings.namePreset_${p.id}`)} <Typography.Text type="secondary">{t('settings.example', { example: NAME_PATTERN_EXAMPLES[p.id] })}</Typography.Text>
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      </Form.Item>
      <Divider titlePlacement="start">{t('settings.tester')}</Divider>
      <Input value={sample} onChange={(e) => setSample(e.target.value)} placeholder={t('settings.testerPlaceholder')} data-testid="pattern-tester" />
      <div style={{ marginTop: 8 }} data-testid="pattern-tester-result">
        {parsed ? (
          <Typography.Text>
            {t('settings.testerResult', {
              pattern: t(`settings.namePreset_${parsed.patternId}`, { defaultValue: parsed.patternId }),
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
      <AdvancedSection label={t('settings.advancedPatterns')} marginTop={8}>
        <Typography.Paragraph type="secondary">{t('settings.patternsHelp')}</Typography.Paragraph>
        <Form.List name="custom">
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
              <Button icon={<PlusOutlined />} onClick={() => add({ id: '', regex: '' })} disabled={fields.length + DEFAULT_NAME_PATTERNS.length >= 20}>
                {t('settings.addPattern')}
              </Button>
            </>
          )}
        </Form.List>
      </AdvancedSection>
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
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button onClick={() => form.setFieldsValue({ presets: DEFAULT_NAME_PATTERNS.map((p) => p.id), custom: [], importantMarks: [...DEFAULT_IMPORTANT_MARKS] })}>{t('settings.restoreDefaults')}</Button>
      </Space>
    </Form>
  );
}
