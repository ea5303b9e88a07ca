export const zhCN = {
  app: { title: '执法音像档案室', subtitle: '执法记录仪音像资料归档管理' },
  common: {
    save: '保存', cancel: '取消', confirm: '确定', refresh: '刷新', search: '查询', reset: '重置', loading: '加载中…',
    yes: '是', no: '否', actions: '操作', details: '详情', all: '全部', saved: '已保存', system: '系统',
  },
  lang: { label: '语言', 'zh-CN': '简体中文', en: 'English' },
  nav: {
    dashboard: '首页', import: '导入', library: '资料库', cases: '案件', lending: '借阅', retention: '保管期限',
    discs: '刻录光盘', ledgers: '台账统计', audit: '审计日志', settings: '系统设置',
  },
  setup: {
    title: '首次设置', intro: '这是本数据目录第一次使用。请填写单位信息，并创建第一个账号（档案管理员，具有管理员权限）。',
    office: '单位信息', officeName: '单位名称', officeNamePlaceholder: '例如：峡口镇综合行政执法办公室',
    unitCode: '单位代码', unitCodeHelp: '字母、数字或连字符，用于台账和光盘标签',
    admin: '第一个账号（档案管理员）', username: '用户名', usernameHelp: '字母或数字开头，可含 . _ -，2–32 位',
    displayName: '姓名', password: '密码', passwordConfirm: '确认密码', submit: '完成设置',
    dataDir: '数据目录', done: '设置完成，请登录。',
    storeDir: '证据存储位置（可选）', storeDirHelp: '留空则存放在数据目录下的 store 文件夹；也可以填写另一块硬盘上的完整路径，例如 E:\\执法音像',
  },
  login: {
    title: '登录', username: '用户名', password: '密码', submit: '登录', expired: '长时间未操作，已自动退出，请重新登录。',
    demo: '演示模式：以下账号的密码均为 {{password}}',
  },
  validation: {
    required: '请填写{{field}}', tooLong: '{{field}}不能超过 {{max}} 个字符', username: '用户名须以字母或数字开头，只能包含字母、数字和 . _ -，2–32 位',
    unitCode: '单位代码只能包含字母、数字和连字符', passwordMismatch: '两次输入的密码不一致',
    password_too_short: '密码至少 {{min}} 位', password_needs_letters_and_digits: '密码须同时包含字母和数字',
    password_same_as_username: '密码不能与用户名相同',
  },
  openError: { title: '无法打开数据目录', path: '数据目录', hint: '数据未做任何改动。处理后请重新启动程序。' },
  shell: { logout: '退出登录', office: '单位', browserMode: '浏览器模式', changePassword: '修改密码' },
  dashboard: {
    welcome: '{{name}}，您好', role: '角色', lastLogin: '上次登录', office: '单位', unitCode: '单位代码',
    auditHead: '审计日志链头', auditCount: '审计事件数', comingTitle: '各项功能', comingText: '案件、借阅、保管期限、刻录光盘与台账统计将在后续版本中逐步提供。',
    firstLogin: '首次登录',
  },
  coming: { title: '{{name}}', text: '该功能正在建设中，将在后续版本中提供。' },
  audit: {
    title: '审计日志', head: '当前链头哈希', headHint: '可将此哈希抄录在纸质登记表上，作为外部核对凭据。', verify: '校验日志链',
    verifyOk: '日志链完整：已校验 {{count}} 条事件。', verifyBroken: '日志链在第 {{seq}} 条处断裂（{{reason}}）。此后的记录不可信，请立即报告。',
    reason_hash_mismatch: '内容被修改', reason_prev_mismatch: '前后链接不符', reason_gap: '记录缺失',
    seq: '序号', at: '时间', actor: '操作人', workstation: '工作站', action: '操作', target: '对象', details: '内容',
    range: '时间范围', actionFilter: '操作类型', actorFilter: '操作人', text: '关键字', total: '共 {{count}} 条', more: '加载更多',
  },
  actions: {
    'system.initialized': '系统初始化', 'auth.login': '登录', 'auth.login_failed': '登录失败', 'auth.locked': '账号锁定',
    'auth.logout': '退出登录', 'auth.session_expired': '登录超时', 'auth.password_changed': '修改密码',
    'account.created': '新增账号', 'account.disabled': '停用账号', 'account.enabled': '启用账号',
    'account.password_reset': '重置密码', 'account.language_changed': '切换语言', 'settings.changed': '修改设置',
    'audit.verified': '校验审计日志',
  },
  auditKeys: {
    username: '用户名', displayName: '姓名', role: '角色', isAdmin: '管理员', reason: '原因', failures: '连续失败次数',
    until: '锁定至', office: '单位', storeDir: '证据存储位置', old: '原值', new: '新值', ok: '结果', checked: '已校验',
    headSeq: '链头序号', firstBroken: '首个断点',
  },
  auditTargets: { office: '单位信息', security: '安全策略' },
  auditValues: {
    wrong_password: '密码错误', unknown_user: '用户不存在', locked: '账号已锁定', disabled: '账号已停用', true: '是', false: '否',
  },
  importer: {
    sourceTitle: '选择导入来源', source: '来源文件夹', sourceHelp: '执法记录仪的盘符或挂载目录（如 E:\\ 或 /media/camera），也可以是读卡器或拷贝出来的文件夹。',
    start: '开始导入', running: '正在导入', cancel: '取消导入', cancelConfirm: '确定取消？已完成校验的文件会保留，其余文件不会被导入。',
    files: '文件 {{done}} / {{total}}', speed: '{{speed}} MB/s', eta: '预计剩余 {{eta}}', recent: '最近的导入',
    startedAt: '开始时间', by: '操作人', state: '状态', result: '结果', resultText: '新导入 {{imported}}，已在档案中 {{duplicates}}，失败 {{failed}}，跳过 {{skipped}}',
    state_running: '进行中', state_finished: '已完成', state_cancelled: '已取消', state_failed: '失败', state_interrupted: '已中断',
    path: '文件', outcome: '处理', reason: '原因', outcome_imported: '已导入', outcome_duplicate: '已在档案中', outcome_failed: '失败', outcome_skipped: '跳过',
    done: '导入完成：新导入 {{imported}} 个文件', keeperOnly: '只有档案管理员可以导入。', empty: '暂无导入记录',
  },
  reasons: {
    not_media: '不是音视频或照片文件', symlink: '快捷方式/链接，未跟随', unreadable_folder: '文件夹无法读取', unreadable: '文件无法读取', special_file: '特殊文件',
    source_missing: '文件已不存在（设备可能已拔出）', source_unreadable: '读取出错（设备可能已拔出或损坏）', source_permission: '没有读取权限',
    source_changed: '读取过程中文件发生了变化', store_full: '存储盘已满', store_readonly: '存储盘只读', verify_failed: '复制后校验不一致',
    cancelled: '已取消', io_error: '读写错误',
  },
  library: {
    title: '资料库', total: '共 {{count}} 条', type: '类型', name: '原始文件', size: '大小', importedAt: '导入时间', importedBy: '导入人',
    sha256: 'SHA-256', more: '加载更多', video: '视频', audio: '音频', photo: '照片', empty: '资料库中还没有记录。请先导入。',
    duration: '时长', format: '格式', device: '设备编号', officer: '警号', recordedAt: '拍摄时间（记录仪时钟）', important: '重点', probing: '解析中…', flagEmpty: '空文件', flagUnreadable: '无法解析', flagHint: '原件已原样保存；{{problem}}',
  },
  settings: {
    title: '系统设置', office: '单位信息', security: '安全策略', accounts: '账号管理', mine: '我的账号',
    idle: '无操作自动退出（分钟）', lockoutThreshold: '连续登录失败锁定次数', lockoutMinutes: '锁定时长（分钟）',
    adminOnly: '只有管理员可以修改这些设置。', storeDir: '证据存储位置',
  },
  accounts: {
    add: '新增账号', username: '用户名', displayName: '姓名', role: '角色', admin: '管理员', status: '状态',
    active: '正常', disabled: '已停用', locked: '锁定至 {{until}}', lastLogin: '上次登录', never: '从未登录',
    disable: '停用', enable: '启用', resetPassword: '重置密码', disableConfirm: '确定停用账号“{{name}}”？停用后无法登录，历史记录中仍保留其姓名。',
    created: '已新增账号 {{name}}', newPassword: '新密码', oldPassword: '原密码', noDelete: '账号不能删除，只能停用，以保证历史记录完整。',
    passwordChanged: '密码已修改', passwordReset: '密码已重置',
  },
};

export type Messages = typeof zhCN;
