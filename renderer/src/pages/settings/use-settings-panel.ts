import { App as AntApp } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import type { InputOf } from '../../../../shared/contract/methods.js';
import { can } from '../../../../shared/roles.js';
import { call } from '../../api/client.js';
import { errorText } from '../../lib/errors.js';

/**
 * What every settings panel needs: the current settings, whether this account may change them,
 * and a save that says so and refreshes what shows them.
 */
export function useSettingsPanel(account: AccountDto) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['settings.get'], queryFn: () => call('settings.get', {}) });
  const save = useMutation({
    mutationFn: (change: InputOf<'settings.update'>) => call('settings.update', change),
    onSuccess: () => {
      void message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['settings.get'] });
      void queryClient.invalidateQueries({ queryKey: ['system.status'] });
    },
    onError: (err) => void message.error(errorText(t, err)),
  });
  return { settings, save, editable: can(account, 'settings.manage') };
}
