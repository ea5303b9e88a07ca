import { App as AntApp } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../shared/contract/methods.js';
import { call } from '../../api/client.js';
import { errorText } from '../../lib/errors.js';

/** Saves part of the settings, says so, and refreshes what shows them. */
export function useSettingsUpdate() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: InputOf<'settings.update'>) => call('settings.update', change),
    onSuccess: () => {
      void message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['settings.get'] });
      void queryClient.invalidateQueries({ queryKey: ['system.status'] });
    },
    onError: (err) => void message.error(errorText(t, err)),
  });
}
