import type { Role } from './roles.js';

/** The sample office of `npm run demo`; the login screen lists these when the core says it is a demo. */
export const DEMO_PASSWORD = 'Demo2026';

export const DEMO_ACCOUNTS: readonly { username: string; displayName: string; role: Role; isAdmin: boolean; officerNo?: string }[] = [
  { username: 'keeper', displayName: '王秀兰', role: 'keeper', isAdmin: true },
  { username: 'officer1', displayName: '李建国', role: 'officer', isAdmin: false, officerNo: '000123' },
  { username: 'officer2', displayName: '张伟', role: 'officer', isAdmin: false, officerNo: '000456' },
  { username: 'leader', displayName: '陈志强', role: 'responsible_leader', isAdmin: false },
  { username: 'principal', displayName: '刘红梅', role: 'principal_leader', isAdmin: false },
  { username: 'supervisor', displayName: '赵敏', role: 'supervisor', isAdmin: false },
];

/** Cameras issued in the demo office: device number → officer username. */
export const DEMO_DEVICES: readonly { deviceNo: string; label: string; officer: string }[] = [
  { deviceNo: 'T001', label: '1 号执法记录仪', officer: 'officer1' },
  { deviceNo: 'T002', label: '2 号执法记录仪', officer: 'officer2' },
];
