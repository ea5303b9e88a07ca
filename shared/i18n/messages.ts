import type { ErrorCode } from '../errors.js';
import type { Role } from '../roles.js';
import type { Language } from '../contract/dto.js';

/**
 * Texts both the UI and the CLI show: error codes and role names. Placeholders use the
 * i18next `{{name}}` form so the renderer can feed these straight into its resources.
 */
interface SharedMessages {
  errors: Record<ErrorCode, string>;
  roles: Record<Role, string>;
}

export const SHARED_MESSAGES: Record<Language, SharedMessages> = {
  'zh-CN': {
    errors: {
      VALIDATION_FAILED: '输入内容不符合要求（{{fields}}），请检查后重试。',
      UNKNOWN_METHOD: '不支持的操作。',
      NOT_AUTHENTICATED: '请先登录。',
      SESSION_EXPIRED: '长时间未操作，登录已过期，请重新登录。',
      FORBIDDEN: '当前账号无权进行此操作。',
      AUTH_FAILED: '用户名或密码错误。',
      ACCOUNT_LOCKED: '连续登录失败次数过多，账号已锁定，请于 {{until}} 后再试，或请管理员重置密码。',
      ACCOUNT_DISABLED: '该账号已停用，请联系管理员。',
      PASSWORD_TOO_WEAK: '密码至少 {{min}} 位，且须同时包含字母和数字，不能与用户名相同。',
      PASSWORD_REQUIRED: '需要输入密码（可在提示时输入，或设置环境变量 {{env}}）。',
      USERNAME_TAKEN: '用户名“{{username}}”已存在。',
      NUMBER_TAKEN: '编号“{{number}}”已被登记。',
      LAST_ADMIN: '不能停用最后一个可用的管理员账号，也不能停用自己。',
      NOT_FOUND: '要操作的对象不存在。',
      ALREADY_INITIALIZED: '该数据目录已完成初始化。',
      NOT_INITIALIZED: '该数据目录尚未初始化，请先完成首次设置（records init）。',
      DATA_DIR_UNAVAILABLE: '无法使用文件夹 {{path}}：{{reason}}',
      DATA_DIR_READONLY: '文件夹 {{path}} 为只读，无法写入。请更换文件夹或修改权限。',
      DB_CORRUPT: '数据库文件 {{path}} 已损坏或不是本系统的数据库。文件未做任何改动，请从备份恢复。',
      DB_TOO_NEW: '数据库由更新版本的程序创建（版本 {{found}}，本程序支持到 {{supported}}）。请升级程序；数据库未做任何改动。',
      INSTANCE_LOCKED: '该数据目录已被另一个正在运行的程序使用（进程 {{pid}}）。请切换到已打开的窗口。',
      TOOL_FAILED: '外部工具运行失败：{{tool}}（{{reason}}）。',
      CORE_UNREACHABLE: '与程序后台的连接已断开。请确认程序仍在运行，然后刷新页面。',
      SOURCE_NOT_FOUND: '找不到要导入的文件夹 {{path}}，或它不是文件夹。请确认执法记录仪已连接。',
      CANCELLED: '操作已取消，没有留下半成品。',
      ORIGINAL_CHANGED: '记录 #{{id}} 的原件与入库时的哈希不一致，不能写入光盘。请先在“完整性”中核查并从备份恢复。',
      FONT_MISSING: '找不到可用于生成 PDF 的中文字体（{{reason}}）。请重新安装本程序，或将环境变量 RECORDS_PDF_FONT 设为一个中文字体文件（如 C:\\Windows\\Fonts\\msyh.ttc#MicrosoftYaHei）。',
      SOURCE_IS_ARCHIVE: '不能导入 {{path}}：它是档案自己的数据目录或证据库（{{archive}}），或在其中、或包含它。请选择执法记录仪或存放录像的其他文件夹。',
      CHECK_RUNNING: '已有一次完整性检查正在进行，请等它结束。',
      BACKUP_RUNNING: '已有一次备份正在进行，请等它结束。',
      CASE_NO_TAKEN: '案号“{{caseNo}}”已登记过。',
      CASE_NO_PATTERN: '案号“{{caseNo}}”不符合本单位的案号格式（如：峡综执罚〔2026〕12号）。格式可在“系统设置 → 案件”中修改。',
      CASE_CLOSED_NEEDS_REASON: '该案件已结案或归档，关联记录须说明原因。',
      EVIDENCE_FACTS_REQUIRED: '作为证据关联须填写文字说明：取证人员、取证时间、取证地点和证明内容。',
      STALE_VERSION: '这条内容刚被他人修改过。请刷新后再改。',
      NOT_PLAYABLE: '这条记录暂时无法播放：浏览器不能直接播放原件，播放副本还没有生成好（{{proxy}}）。',
      BACKUP_TARGET_INVALID: '不能备份到 {{path}}：{{reason}}',
      BACKUP_NOT_FOUND: '在 {{path}} 中没有找到完整的备份（缺少 RecordsRoom-backup/catalogue/latest.json）。',
      BACKUP_DAMAGED: '备份中的目录快照 {{file}} 校验不一致，不能用于恢复。请换用另一个备份。',
      DATA_DIR_NOT_EMPTY: '文件夹 {{path}} 不是空的。恢复只写入新的空文件夹，不会覆盖已有数据。',
      NO_BACKUP_COPY: '没有找到该原件经过核验的备份副本，无法恢复。请接入存有备份的磁盘后再试。',
      ALARM_NEEDS_RESTORE: '原件已被改动、丢失或无法读取：只能从核验过的备份恢复原件，不能直接消除告警。',
      UNKNOWN_OFFICER: '没有警号为 {{officerNo}} 的在用账号。请先在“设置 → 账号”中为执法人员填写警号。',
      STORE_UNAVAILABLE: '证据存储位置 {{path}} 无法使用：{{reason}}。请确认存储盘已连接且可写。',
      INTERNAL: '程序内部错误，操作未完成，数据未受影响。',
    },
    roles: {
      keeper: '档案管理员',
      officer: '执法人员',
      responsible_leader: '分管领导',
      principal_leader: '主要负责人',
      supervisor: '监督人员',
    },
  },
  en: {
    errors: {
      VALIDATION_FAILED: 'Some input is not valid ({{fields}}). Please check it and try again.',
      UNKNOWN_METHOD: 'This operation is not supported.',
      NOT_AUTHENTICATED: 'Please sign in first.',
      SESSION_EXPIRED: 'Your session expired after a period of inactivity. Please sign in again.',
      FORBIDDEN: 'This account is not allowed to do that.',
      AUTH_FAILED: 'Wrong username or password.',
      ACCOUNT_LOCKED: 'Too many failed sign-ins: the account is locked until {{until}}, or until an administrator resets its password.',
      ACCOUNT_DISABLED: 'This account is disabled. Please contact an administrator.',
      PASSWORD_TOO_WEAK: 'A password needs at least {{min}} characters with both letters and digits, and must differ from the username.',
      PASSWORD_REQUIRED: 'A password is needed (type it at the prompt or set {{env}}).',
      USERNAME_TAKEN: 'The username “{{username}}” is already taken.',
      NUMBER_TAKEN: 'The number “{{number}}” is already registered.',
      LAST_ADMIN: 'You cannot disable the last active administrator, nor your own account.',
      NOT_FOUND: 'The item does not exist.',
      ALREADY_INITIALIZED: 'This data folder is already set up.',
      NOT_INITIALIZED: 'This data folder is not set up yet: complete the first-run setup (records init).',
      DATA_DIR_UNAVAILABLE: 'The folder {{path}} cannot be used: {{reason}}',
      DATA_DIR_READONLY: 'The folder {{path}} is read-only. Choose another folder or fix its permissions.',
      DB_CORRUPT: 'The database {{path}} is damaged or is not a Records Room database. It was left untouched; restore it from a backup.',
      DB_TOO_NEW: 'The database was made by a newer version of the program (version {{found}}; this one supports up to {{supported}}). Upgrade the program; the database was left untouched.',
      INSTANCE_LOCKED: 'This data folder is in use by another running instance (process {{pid}}). Switch to its window.',
      TOOL_FAILED: 'An external tool failed: {{tool}} ({{reason}}).',
      CORE_UNREACHABLE: 'The connection to the program was lost. Make sure it is still running, then reload the page.',
      SOURCE_NOT_FOUND: 'The folder to import, {{path}}, does not exist or is not a folder. Check that the camera is connected.',
      CANCELLED: 'Cancelled; nothing half-made was left behind.',
      ORIGINAL_CHANGED: 'The original of record #{{id}} no longer matches the hash taken at import, so it can’t go on a disc. Check it under Integrity and restore it from a backup first.',
      FONT_MISSING: 'No Chinese font to make the PDF with ({{reason}}). Reinstall the program, or set RECORDS_PDF_FONT to a Chinese font file (e.g. C:\\Windows\\Fonts\\msyh.ttc#MicrosoftYaHei).',
      SOURCE_IS_ARCHIVE: 'Cannot import {{path}}: it is the archive’s own data folder or evidence store ({{archive}}), inside it, or holds it. Choose the camera or another folder with recordings.',
      CHECK_RUNNING: 'An integrity check is already running; wait for it to finish.',
      BACKUP_RUNNING: 'A backup is already running; wait for it to finish.',
      CASE_NO_TAKEN: 'The case number “{{caseNo}}” is already registered.',
      CASE_NO_PATTERN: 'The case number “{{caseNo}}” does not fit the office’s pattern (e.g. 峡综执罚〔2026〕12号). The pattern is set under Settings → Cases.',
      CASE_CLOSED_NEEDS_REASON: 'The case is closed or archived: linking a record to it needs a reason.',
      EVIDENCE_FACTS_REQUIRED: 'An evidence link needs its written description: who collected it, when, where, and what it shows.',
      STALE_VERSION: 'Someone changed this a moment ago. Refresh, then make your change.',
      NOT_PLAYABLE: 'This record can’t be played yet: the browser can’t play the original and its playable copy isn’t ready ({{proxy}}).',
      BACKUP_TARGET_INVALID: 'Cannot back up to {{path}}: {{reason}}',
      BACKUP_NOT_FOUND: 'No complete backup in {{path}} (RecordsRoom-backup/catalogue/latest.json is missing).',
      BACKUP_DAMAGED: 'The catalogue snapshot {{file}} in this backup does not verify and cannot be restored. Use another backup.',
      DATA_DIR_NOT_EMPTY: 'The folder {{path}} is not empty. A restore writes only into a new, empty folder and never overwrites data.',
      NO_BACKUP_COPY: 'No verified backup copy of this original was found. Connect the disk that holds the backup and try again.',
      ALARM_NEEDS_RESTORE: 'The original was changed, lost or cannot be read: the alarm ends only when the original is restored from a verified backup.',
      UNKNOWN_OFFICER: 'No active account has the officer number {{officerNo}}. Set officer numbers under Settings → Accounts first.',
      STORE_UNAVAILABLE: 'The evidence store {{path}} cannot be used: {{reason}}. Check that its drive is connected and writable.',
      INTERNAL: 'Internal error: the operation did not complete and no data was changed.',
    },
    roles: {
      keeper: 'Archive keeper',
      officer: 'Officer',
      responsible_leader: 'Responsible leader',
      principal_leader: 'Principal leader',
      supervisor: 'Supervisor',
    },
  },
};

/** Fills `{{name}}` placeholders; used where i18next is not loaded (the CLI). */
export function interpolate(template: string, values: Record<string, unknown> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) =>
    values[key] === undefined ? `{{${key}}}` : String(values[key]),
  );
}
