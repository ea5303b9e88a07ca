import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AccountDto, Language } from '../../../shared/contract/dto.js';
import type { ErrorCode } from '../../../shared/errors.js';
import { call, hasSessionToken, onSignedOut, setSessionToken } from '../api/client.js';
import i18n, { rememberLanguage } from '../i18n/index.js';

interface SessionState {
  account: AccountDto | null;
  restoring: boolean;
  /** The sign-in before this one, shown on the dashboard. */
  previousLoginAt: string | null;
  /** Why the user was last sent back to the login screen, if the core ended the session. */
  signedOutBecause: ErrorCode | null;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);
const PREVIOUS_KEY = 'rr.previousLogin';

function applyLanguage(language: Language): void {
  rememberLanguage(language);
  void i18n.changeLanguage(language);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [account, setAccount] = useState<AccountDto | null>(null);
  const [restoring, setRestoring] = useState(hasSessionToken());
  const [signedOutBecause, setSignedOutBecause] = useState<ErrorCode | null>(null);
  const [previousLoginAt, setPreviousLoginAt] = useState<string | null>(sessionStorage.getItem(PREVIOUS_KEY));
  /** A language picked on the sign-in page: the person chose it there, so it becomes their account's. */
  const picked = useRef<Language | null>(null);

  useEffect(
    () =>
      onSignedOut((code) => {
        setAccount(null);
        setSignedOutBecause(code);
        queryClient.clear();
      }),
    [queryClient],
  );

  useEffect(() => {
    if (!hasSessionToken()) return;
    call('auth.me', {})
      .then((me) => {
        setAccount(me);
        applyLanguage(me.language);
      })
      .catch(() => setSessionToken(null))
      .finally(() => setRestoring(false));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const result = await call('auth.login', { username, password });
    setSessionToken(result.token);
    if (result.previousLoginAt) sessionStorage.setItem(PREVIOUS_KEY, result.previousLoginAt);
    else sessionStorage.removeItem(PREVIOUS_KEY);
    setPreviousLoginAt(result.previousLoginAt);
    setSignedOutBecause(null);
    const chosen = picked.current;
    picked.current = null;
    const me = chosen && chosen !== result.account.language ? await call('auth.setLanguage', { language: chosen }) : result.account;
    applyLanguage(me.language);
    setAccount(me);
  }, []);

  const logout = useCallback(async () => {
    await call('auth.logout', {}).catch(() => undefined);
    setSessionToken(null);
    setAccount(null);
    queryClient.clear();
  }, [queryClient]);

  const setLanguage = useCallback(
    async (language: Language) => {
      applyLanguage(language);
      if (account) setAccount(await call('auth.setLanguage', { language }));
      else picked.current = language;
    },
    [account],
  );

  const value = useMemo(
    () => ({ account, restoring, previousLoginAt, signedOutBecause, login, logout, setLanguage }),
    [account, restoring, previousLoginAt, signedOutBecause, login, logout, setLanguage],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
