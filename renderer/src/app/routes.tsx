import {
  AuditOutlined, BarChartOutlined, BookOutlined, FileSearchOutlined, CloudSyncOutlined, CloudUploadOutlined, FieldTimeOutlined, FolderOpenOutlined, HomeOutlined, LineChartOutlined,
  SafetyCertificateOutlined, SettingOutlined, SolutionOutlined, VideoCameraOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { AccountDto, SystemStatus } from '../../../shared/contract/dto.js';
import { can, type Permission } from '../../../shared/roles.js';
import { AuditPage } from '../pages/audit/AuditPage.js';
import { BackupPage } from '../pages/backup/BackupPage.js';
import { CasesPage } from '../pages/cases/CasesPage.js';
import { DashboardPage } from '../pages/dashboard/DashboardPage.js';
import { DiscsPage } from '../pages/discs/DiscsPage.js';
import { ImportPage } from '../pages/import/ImportPage.js';
import { LedgersPage } from '../pages/ledgers/LedgersPage.js';
import { LendingPage } from '../pages/lending/LendingPage.js';
import { LibraryPage } from '../pages/library/LibraryPage.js';
import { RetentionPage } from '../pages/retention/RetentionPage.js';
import { SettingsPage } from '../pages/settings/SettingsPage.js';
import { StatisticsPage } from '../pages/statistics/StatisticsPage.js';
import { RegistersPage } from '../pages/registers/RegistersPage.js';
import { SpotChecksPage } from '../pages/spot-checks/SpotChecksPage.js';

export interface PageProps {
  status: SystemStatus;
  account: AccountDto;
  /** The part of the hash after the page name (`#/settings/mine` → `mine`). */
  part: string | null;
  navigate: (page: RouteName, part?: string) => void;
}

interface RouteSpec {
  icon: ReactNode;
  /** Who may open it; null: every signed-in account. The core checks each call regardless. */
  permission: Permission | null;
  page: (props: PageProps) => ReactNode;
}

/**
 * Every page of the workspace, in menu order: the one place that says what exists, how it looks
 * in the menu and who may open it. The menu and the page switch both read this table.
 */
export const ROUTES = {
  dashboard: {
    icon: <HomeOutlined />,
    permission: null,
    page: (p) => (
      <DashboardPage
        status={p.status}
        account={p.account}
        onOpenRetention={mayOpen(p.account, 'retention') ? () => p.navigate('retention') : null}
        onOpenLedgers={mayOpen(p.account, 'ledgers') ? () => p.navigate('ledgers') : null}
        onOpenRequests={() => p.navigate('lending')}
      />
    ),
  },
  import: { icon: <CloudUploadOutlined />, permission: 'records.import', page: () => <ImportPage /> },
  library: { icon: <VideoCameraOutlined />, permission: 'records.browse', page: (p) => <LibraryPage account={p.account} /> },
  cases: { icon: <FolderOpenOutlined />, permission: 'cases.read', page: (p) => <CasesPage account={p.account} /> },
  // Requests to view or borrow: everyone signed in has some (an officer their own); the core narrows the list.
  // `#/lending/viewings` and `#/lending/loans` are the registers' tabs.
  lending: { icon: <SolutionOutlined />, permission: null, page: (p) => <LendingPage account={p.account} tab={p.part} onTab={(tab) => p.navigate('lending', tab)} onOpenLibrary={() => p.navigate('library')} /> },
  // `#/retention/lists` and `#/retention/holds` are its tabs.
  retention: { icon: <FieldTimeOutlined />, permission: 'retention.read', page: (p) => <RetentionPage account={p.account} tab={p.part} onTab={(tab) => p.navigate('retention', tab)} /> },
  // `#/discs/new` (or `new-<caseId>`, from a case) is the new-disc flow inside the same page.
  discs: { icon: <SafetyCertificateOutlined />, permission: 'discs.read', page: (p) => <DiscsPage status={p.status} account={p.account} part={p.part} onPart={(part) => p.navigate('discs', part)} /> },
  // The county's case ledgers; `#/ledgers/inspection` and `#/ledgers/coercion` are its tabs.
  ledgers: { icon: <BarChartOutlined />, permission: 'ledgers.read', page: (p) => <LedgersPage account={p.account} tab={p.part} onTab={(tab) => p.navigate('ledgers', tab)} /> },
  statistics: { icon: <LineChartOutlined />, permission: 'statistics.read', page: () => <StatisticsPage /> },
  // The records room's own registers, read like the catalogue; `#/registers/discs` is a tab.
  registers: { icon: <BookOutlined />, permission: 'records.read', page: (p) => <RegistersPage account={p.account} tab={p.part} onTab={(tab) => p.navigate('registers', tab)} /> },
  // The supervisor's spot checks; `#/spotChecks/<id>` is the check open below the list.
  spotChecks: { icon: <FileSearchOutlined />, permission: 'spotChecks.read', page: (p) => <SpotChecksPage account={p.account} part={p.part} onPart={(part) => p.navigate('spotChecks', part)} /> },
  backup: { icon: <CloudSyncOutlined />, permission: 'integrity.read', page: (p) => <BackupPage account={p.account} /> },
  audit: { icon: <AuditOutlined />, permission: 'audit.read', page: (p) => <AuditPage account={p.account} /> },
  // Everyone has their own account here; the office-wide tabs inside carry their own permissions.
  settings: { icon: <SettingOutlined />, permission: null, page: (p) => <SettingsPage account={p.account} tab={p.part} onTab={(tab) => p.navigate('settings', tab)} /> },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;

export function isRouteName(name: string): name is RouteName {
  return Object.prototype.hasOwnProperty.call(ROUTES, name);
}

export function mayOpen(account: AccountDto, route: RouteName): boolean {
  const { permission } = ROUTES[route] as RouteSpec;
  return permission === null || can(account, permission);
}
