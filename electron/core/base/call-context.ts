import type { AccountDto } from '../../../shared/contract/dto.js';

/** Who did something, as the audit log names them (null: the system itself). */
export interface AuditActor {
  id: number | null;
  name: string | null;
}

/** Who acts when a scheduled run (a check, a resumed destruction) raises, resolves or finishes something: the system itself. */
export const SYSTEM_ACTOR: AuditActor = { id: null, name: null };

/** Who is calling and from where; handed to every handler by the dispatcher. */
export interface CallContext {
  workstation: string;
  account: AccountDto | null;
  token: string | null;
  auditBase(): { actor: AuditActor; workstation: string };
}

export function makeCallContext(workstation: string, account: AccountDto | null, token: string | null): CallContext {
  return {
    workstation,
    account,
    token,
    auditBase: () => ({ actor: { id: account?.id ?? null, name: account?.displayName ?? null }, workstation }),
  };
}
