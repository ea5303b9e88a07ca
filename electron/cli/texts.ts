import type { Language } from '../../shared/contract/dto.js';
import { interpolate } from '../../shared/i18n/messages.js';
import { cliLanguage } from './context.js';

/** The CLI's own sentences; error texts come from the shared catalogue. */
export const CLI_TEXTS: Record<Language, Record<string, string>> = {
  'zh-CN': {
    initialized: '已初始化数据目录 {{dir}}：单位“{{office}}”，管理员账号 {{username}}。',
    userAdded: '已新增账号 {{username}}（{{name}}，{{role}}）。',
    userDisabled: '已停用账号 {{username}}。',
    userEnabled: '已启用账号 {{username}}。',
    auditOk: '审计日志链完整：共校验 {{checked}} 条事件，链头 #{{headSeq}} {{headHash}}',
    auditBroken: '审计日志链在第 {{seq}} 条事件处断裂（{{reason}}）。共 {{headSeq}} 条，之前的 {{checked}} 条完好。',
    noSuchUser: '没有用户名为 {{username}} 的账号。',
    newPassword: '新账号 {{username}} 的密码：',
    header: '用户名\t姓名\t角色\t管理员\t状态',
    importProgress: '已处理 {{done}}/{{total}} 个文件，{{speed}} MiB/s',
    importDone: '导入完成：新导入 {{imported}} 个，已在档案中 {{duplicates}} 个，失败 {{failed}} 个，跳过 {{skipped}} 个；共 {{mib}} MiB，用时 {{seconds}} 秒。',
    importFlagged: '其中 {{flagged}} 个文件为空或无法解析，已原样保存并标记。',
    importCleared: '已从记录仪删除 {{cleared}} 个已核验入库的文件；{{notCleared}} 个保留在记录仪上。',
    verifyDone: '完整性检查（#{{runId}}）：校验 {{checked}} 个原件，一致 {{ok}}，被改动 {{mismatch}}，丢失 {{missing}}，无法读取 {{unreadable}}；存储中多出的文件 {{unexpected}} 个；审计日志链{{chain}}。用时 {{seconds}} 秒。',
    chainOk: '完整',
    chainBroken: '已断裂',
    verifyProblem: '  ✗ {{outcome}} {{object}}',
    listHeader: '共 {{total}} 条记录（序号、导入时间、类型、字节数、SHA-256 前 16 位、原始路径）',
    active: '正常',
    disabled: '已停用',
    yes: '是',
    no: '否',
  },
  en: {
    initialized: 'Initialized {{dir}}: office “{{office}}”, administrator {{username}}.',
    userAdded: 'Added account {{username}} ({{name}}, {{role}}).',
    userDisabled: 'Disabled account {{username}}.',
    userEnabled: 'Enabled account {{username}}.',
    auditOk: 'Audit chain intact: {{checked}} events checked, head #{{headSeq}} {{headHash}}',
    auditBroken: 'Audit chain broken at event {{seq}} ({{reason}}). {{headSeq}} events in all; the {{checked}} before it are intact.',
    noSuchUser: 'No account has the username {{username}}.',
    newPassword: 'Password for the new account {{username}}: ',
    header: 'USERNAME\tNAME\tROLE\tADMIN\tSTATUS',
    importProgress: '{{done}}/{{total}} files, {{speed}} MiB/s',
    importDone: 'Import finished: {{imported}} new, {{duplicates}} already archived, {{failed}} failed, {{skipped}} skipped; {{mib}} MiB in {{seconds}} s.',
    importFlagged: '{{flagged}} of them are empty or cannot be parsed; kept byte-exact and flagged.',
    importCleared: 'Deleted {{cleared}} verified files from the camera; {{notCleared}} kept on it.',
    verifyDone: 'Integrity check #{{runId}}: {{checked}} originals re-hashed, {{ok}} intact, {{mismatch}} changed, {{missing}} missing, {{unreadable}} unreadable; {{unexpected}} unexpected files in the store; audit chain {{chain}}. {{seconds}} s.',
    chainOk: 'intact',
    chainBroken: 'broken',
    verifyProblem: '  ✗ {{outcome}} {{object}}',
    listHeader: '{{total}} records (id, imported at, type, bytes, SHA-256 prefix, original path)',
    active: 'active',
    disabled: 'disabled',
    yes: 'yes',
    no: 'no',
  },
};

/** One of the CLI's sentences in the CLI's language, with values filled in. */
export function say(key: string, values: Record<string, unknown> = {}): string {
  return interpolate(CLI_TEXTS[cliLanguage()][key] ?? key, values);
}
