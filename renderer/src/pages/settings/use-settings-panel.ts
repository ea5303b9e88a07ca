import { useCall, useCallMutation } from '../../api/use-call.js';

/**
 * What every office-settings panel needs: the current settings and a save that says so and
 * refreshes what shows them. Only holders of settings.manage reach these panels (see SettingsPage).
 */
export function useSettingsPanel() {
  const settings = useCall('settings.get', {});
  const save = useCallMutation('settings.update', { announce: true, invalidates: ['settings.get', 'system.status'] });
  return { settings, save };
}
