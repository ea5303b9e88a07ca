import { App as AntApp } from 'antd';
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InputOf, MethodName, OutputOf } from '../../../shared/contract/methods.js';
import { errorText } from '../lib/errors.js';
import { call, type ClientError } from './client.js';

/**
 * The cache key of a call: the method first, so invalidating `[method]` refreshes every input
 * of it (every filter of a list) at once.
 */
export function callKey<M extends MethodName>(method: M, input?: InputOf<M>): readonly unknown[] {
  return input === undefined ? [method] : [method, input];
}

type CallOptions<M extends MethodName> = Omit<UseQueryOptions<OutputOf<M>, ClientError>, 'queryKey' | 'queryFn'>;

/** Reads from the core through the typed client, cached by method and input. */
export function useCall<M extends MethodName>(method: M, input: InputOf<M>, options?: CallOptions<M>) {
  return useQuery<OutputOf<M>, ClientError>({ queryKey: callKey(method, input), queryFn: () => call(method, input), ...options });
}

interface MutationOptions<M extends MethodName> {
  /** Lists to refresh after it succeeds. */
  invalidates?: readonly MethodName[];
  /** Say "saved" when it succeeds. */
  announce?: boolean;
  onSuccess?: (value: OutputOf<M>) => void;
  /**
   * Where the failure goes: a toast (the default) or the caller, which shows `error` itself,
   * for forms that keep the message beside the fields.
   */
  errors?: 'toast' | 'inline';
}

/** A change through the core: the refreshes and the success and failure messages every page wrote out by hand. */
export function useCallMutation<M extends MethodName>(method: M, options: MutationOptions<M> = {}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  return useMutation<OutputOf<M>, ClientError, InputOf<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: (value) => {
      if (options.announce) void message.success(t('common.saved'));
      for (const m of options.invalidates ?? []) void queryClient.invalidateQueries({ queryKey: callKey(m) });
      options.onSuccess?.(value);
    },
    onError: (err) => {
      if (options.errors !== 'inline') void message.error(errorText(t, err));
    },
  });
}
