import type { AccountDto } from '../../../shared/contract/dto.js';

export interface AccountRow {
  id: number;
  username: string;
  display_name: string;
  role: AccountDto['role'];
  is_admin: 0 | 1;
  disabled: 0 | 1;
  password_hash: string;
  language: AccountDto['language'];
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  last_login_at: string | null;
  officer_no: string | null;
}

export function toAccountDto(row: AccountRow): AccountDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    isAdmin: row.is_admin === 1,
    disabled: row.disabled === 1,
    language: row.language,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
    lockedUntil: row.locked_until,
    officerNo: row.officer_no,
  };
}
