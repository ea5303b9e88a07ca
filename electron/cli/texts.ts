import type { Language } from '../../shared/contract/dto.js';

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
    active: 'active',
    disabled: 'disabled',
    yes: 'yes',
    no: 'no',
  },
};
