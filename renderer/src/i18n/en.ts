import type { Messages } from './zh-CN.js';

export const en: Messages = {
  app: { title: 'Records Room', subtitle: 'Body-camera evidence archive' },
  common: {
    save: 'Save', cancel: 'Cancel', confirm: 'OK', refresh: 'Refresh', search: 'Search', reset: 'Reset', loading: 'Loading…',
    yes: 'Yes', no: 'No', actions: 'Actions', details: 'Details', all: 'All', saved: 'Saved', system: 'System',
  },
  lang: { label: 'Language', 'zh-CN': '简体中文', en: 'English' },
  nav: {
    dashboard: 'Home', import: 'Import', library: 'Library', cases: 'Cases', lending: 'Lending', retention: 'Retention',
    discs: 'Discs', ledgers: 'Ledgers', audit: 'Audit log', settings: 'Settings',
  },
  setup: {
    title: 'First-run setup', intro: 'This data folder is used for the first time. Enter the office details and create the first account (archive keeper, with administrator rights).',
    office: 'Office', officeName: 'Office name', officeNamePlaceholder: 'e.g. Xiakou Town Law-Enforcement Office',
    unitCode: 'Unit code', unitCodeHelp: 'Letters, digits or hyphens; used on ledgers and disc labels',
    admin: 'First account (archive keeper)', username: 'Username', usernameHelp: 'Starts with a letter or digit; may contain . _ -; 2–32 characters',
    displayName: 'Full name', password: 'Password', passwordConfirm: 'Confirm password', submit: 'Finish setup',
    dataDir: 'Data folder', done: 'Setup complete. Please sign in.',
    storeDir: 'Evidence store location (optional)', storeDirHelp: 'Leave empty for the store folder inside the data folder, or give a full path on another drive, e.g. E:\\Evidence',
  },
  login: {
    title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in', expired: 'You were signed out after a period of inactivity. Please sign in again.',
    demo: 'Demo mode: every account below has the password {{password}}',
  },
  validation: {
    required: 'Please enter the {{field}}', tooLong: 'The {{field}} may have at most {{max}} characters', username: 'A username starts with a letter or digit and has 2–32 letters, digits, . _ or -',
    unitCode: 'A unit code has only letters, digits and hyphens', passwordMismatch: 'The two passwords differ',
    password_too_short: 'At least {{min}} characters', password_needs_letters_and_digits: 'Use both letters and digits',
    password_same_as_username: 'The password must differ from the username',
  },
  openError: { title: 'The data folder cannot be opened', path: 'Data folder', hint: 'No data was changed. Fix the cause, then start the program again.' },
  shell: { logout: 'Sign out', office: 'Office', browserMode: 'Browser mode', changePassword: 'Change password' },
  dashboard: {
    welcome: 'Hello, {{name}}', role: 'Role', lastLogin: 'Last sign-in', office: 'Office', unitCode: 'Unit code',
    auditHead: 'Audit chain head', auditCount: 'Audit events', comingTitle: 'Capabilities', comingText: 'Cases, lending, retention, discs and ledgers arrive in coming versions.',
    firstLogin: 'First sign-in',
  },
  coming: { title: '{{name}}', text: 'This capability is being built and will arrive in a coming version.' },
  audit: {
    title: 'Audit log', head: 'Current chain head hash', headHint: 'Write this hash on the paper register as an outside anchor.', verify: 'Verify chain',
    verifyOk: 'The chain is intact: {{count}} events checked.', verifyBroken: 'The chain breaks at event {{seq}} ({{reason}}). Records from there on cannot be trusted: report it now.',
    reason_hash_mismatch: 'content altered', reason_prev_mismatch: 'link mismatch', reason_gap: 'event missing',
    seq: 'No.', at: 'Time', actor: 'By', workstation: 'Workstation', action: 'Action', target: 'Object', details: 'Details',
    range: 'Time range', actionFilter: 'Action', actorFilter: 'Account', text: 'Keyword', total: '{{count}} events', more: 'Load more',
  },
  actions: {
    'system.initialized': 'System set up', 'auth.login': 'Signed in', 'auth.login_failed': 'Sign-in failed', 'auth.locked': 'Account locked',
    'auth.logout': 'Signed out', 'auth.session_expired': 'Session expired', 'auth.password_changed': 'Password changed',
    'account.created': 'Account added', 'account.disabled': 'Account disabled', 'account.enabled': 'Account enabled',
    'account.password_reset': 'Password reset', 'account.language_changed': 'Language changed', 'settings.changed': 'Settings changed',
    'audit.verified': 'Audit log verified',
  },
  auditKeys: {
    username: 'username', displayName: 'name', role: 'role', isAdmin: 'administrator', reason: 'reason', failures: 'failures in a row',
    until: 'locked until', office: 'office', storeDir: 'evidence store', old: 'old', new: 'new', ok: 'result', checked: 'checked',
    headSeq: 'head number', firstBroken: 'first broken link',
  },
  auditTargets: { office: 'office profile', security: 'security settings' },
  auditValues: {
    wrong_password: 'wrong password', unknown_user: 'unknown user', locked: 'account locked', disabled: 'account disabled', true: 'yes', false: 'no',
  },
  importer: {
    sourceTitle: 'Choose what to import', source: 'Source folder', sourceHelp: 'The body camera’s drive or mount point (e.g. E:\\ or /media/camera), a card reader, or a copied folder.',
    start: 'Start import', running: 'Importing', cancel: 'Cancel import', cancelConfirm: 'Cancel? Files already verified are kept; the rest are not imported.',
    files: 'Files {{done}} / {{total}}', speed: '{{speed}} MB/s', eta: '{{eta}} left', recent: 'Recent imports',
    startedAt: 'Started', by: 'By', state: 'State', result: 'Result', resultText: '{{imported}} new, {{duplicates}} already archived, {{failed}} failed, {{skipped}} skipped',
    state_running: 'Running', state_finished: 'Finished', state_cancelled: 'Cancelled', state_failed: 'Failed', state_interrupted: 'Interrupted',
    path: 'File', outcome: 'Outcome', reason: 'Reason', outcome_imported: 'Imported', outcome_duplicate: 'Already archived', outcome_failed: 'Failed', outcome_skipped: 'Skipped',
    done: 'Import finished: {{imported}} new files', keeperOnly: 'Only the archive keeper can import.', empty: 'No imports yet',
  },
  reasons: {
    not_media: 'not a video, audio or photo file', symlink: 'a link, not followed', unreadable_folder: 'folder cannot be read', unreadable: 'file cannot be read', special_file: 'special file',
    source_missing: 'the file is gone (device unplugged?)', source_unreadable: 'read error (device unplugged or damaged?)', source_permission: 'no permission to read',
    source_changed: 'the file changed while being read', store_full: 'the store drive is full', store_readonly: 'the store drive is read-only', verify_failed: 'the copy did not verify',
    cancelled: 'cancelled', io_error: 'read/write error',
  },
  library: {
    title: 'Library', total: '{{count}} records', type: 'Type', name: 'Original file', size: 'Size', importedAt: 'Imported', importedBy: 'By',
    sha256: 'SHA-256', more: 'Load more', video: 'Video', audio: 'Audio', photo: 'Photo', empty: 'The library is empty. Import first.',
    duration: 'Duration', format: 'Format', device: 'Device', officer: 'Officer no.', recordedAt: 'Recorded (camera clock)', important: 'Important', probing: 'Reading…', flagEmpty: 'Empty file', flagUnreadable: 'Unreadable', flagHint: 'The original is kept byte-exact; {{problem}}',
  },
  settings: {
    title: 'Settings', office: 'Office', security: 'Security', accounts: 'Accounts', mine: 'My account',
    idle: 'Sign out after idle (minutes)', lockoutThreshold: 'Failed sign-ins before lockout', lockoutMinutes: 'Lockout duration (minutes)',
    adminOnly: 'Only administrators can change these settings.', storeDir: 'Evidence store location',
  },
  accounts: {
    add: 'Add account', username: 'Username', displayName: 'Full name', role: 'Role', admin: 'Administrator', status: 'Status',
    active: 'Active', disabled: 'Disabled', locked: 'Locked until {{until}}', lastLogin: 'Last sign-in', never: 'Never',
    disable: 'Disable', enable: 'Enable', resetPassword: 'Reset password', disableConfirm: 'Disable the account “{{name}}”? It can no longer sign in; history keeps its name.',
    created: 'Account {{name}} added', newPassword: 'New password', oldPassword: 'Current password', noDelete: 'Accounts are never deleted, only disabled, so that history stays complete.',
    passwordChanged: 'Password changed', passwordReset: 'Password reset',
  },
};
