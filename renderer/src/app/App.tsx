import { Spin } from 'antd';
import { Shell } from '../layout/Shell.js';
import { LoginPage } from '../pages/login/LoginPage.js';
import { OpenErrorPage } from '../pages/open-error/OpenErrorPage.js';
import { SetupPage } from '../pages/setup/SetupPage.js';
import { LockedViewer } from '../pages/viewer/LockedViewer.js';
import { useSession } from './session.js';
import { useCall } from '../api/use-call.js';
import { setOfficeZone } from '../lib/format.js';

/** Chooses the screen: a folder that won't open, first-run setup, login, a locked viewing, or the workspace. */
export function App() {
  const status = useCall('system.status', {});
  const session = useSession();
  // Asked again every half minute so the viewer sees its approved time run out — even hidden: the
  // core takes a viewer silent for five minutes as a closed window and ends its viewing.
  const viewing = useCall('viewings.current', {}, { enabled: session.account !== null, refetchInterval: 30_000, refetchIntervalInBackground: true });
  if (status.isPending || session.restoring || (session.account && viewing.isPending)) return <Spin fullscreen />;
  if (status.isError) return <OpenErrorPage error={status.error} dataDir={null} />;
  const s = status.data;
  setOfficeZone(s.timeZone);
  if (s.state === 'error') return <OpenErrorPage error={s.error} dataDir={s.dataDir} />;
  if (s.state === 'setup') return <SetupPage status={s} />;
  if (!session.account) return <LoginPage status={s} />;
  if (viewing.data) return <LockedViewer viewing={viewing.data} shell={s.shell} />;
  return <Shell status={s} account={session.account} />;
}
