/** Who works in the records room. The administrator right is a flag on top of a role. */
export const ROLES = ['keeper', 'officer', 'responsible_leader', 'principal_leader', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  role: Role;
  isAdmin: boolean;
}

/** What an account does with a record: find it in the catalogue, watch it, link it to a case, put it on a disc. */
export const RECORD_VERBS = ['list', 'play', 'link', 'export'] as const;
export type RecordVerb = (typeof RECORD_VERBS)[number];

/**
 * How far a verb reaches: every record, an officer's own share (their recordings and those of the
 * cases they handle), or nothing. A later grant (an approved viewing) widens `none` for one record.
 */
export type Reach = 'all' | 'own' | 'none';

/**
 * Who may do what with records and cases, by role: the one table the core's access rule reads.
 * The keeper is the custodian; leaders approve, so they see and play everything; an officer has
 * their own share; a supervisor reads the catalogue and registers but plays a record only with a
 * grant or inside a spot check. Being an administrator widens none of this.
 */
export const REACH: Record<Role, { records: Record<RecordVerb, Reach>; cases: Reach }> = {
  keeper: { records: { list: 'all', play: 'all', link: 'all', export: 'all' }, cases: 'all' },
  responsible_leader: { records: { list: 'all', play: 'all', link: 'none', export: 'none' }, cases: 'all' },
  principal_leader: { records: { list: 'all', play: 'all', link: 'none', export: 'none' }, cases: 'all' },
  officer: { records: { list: 'own', play: 'own', link: 'none', export: 'none' }, cases: 'own' },
  supervisor: { records: { list: 'all', play: 'none', link: 'none', export: 'none' }, cases: 'all' },
};

/**
 * Why the access rule said no: not signed in; outside the account's reach (answered as "not
 * found", so it reveals nothing); the role never may; or only with an approved grant.
 */
export const ACCESS_DENIALS = ['signed_out', 'out_of_reach', 'role', 'needs_grant'] as const;
export type AccessDenial = (typeof ACCESS_DENIALS)[number];

/** Sees the whole catalogue: screens that name any record (audit log, alarms, timelines) need this. */
const readsCatalogue = (a: Actor) => REACH[a.role].records.list === 'all';

/**
 * Every permission the core checks per method. The UI reads the same table only to hide what a
 * user cannot do; the dispatcher enforces it regardless, and the core's access rule then narrows
 * each record and case by REACH.
 */
export const PERMISSIONS = {
  'accounts.read': (a: Actor) => a.isAdmin || a.role !== 'officer',
  'accounts.manage': (a: Actor) => a.isAdmin,
  'settings.manage': (a: Actor) => a.isAdmin,
  'audit.read': readsCatalogue,
  'records.import': (a: Actor) => a.role === 'keeper',
  'records.read': readsCatalogue,
  /** The library list, its posters and timelines: everyone; the core narrows each account to its reach. */
  'records.browse': () => true,
  'devices.manage': (a: Actor) => a.role === 'keeper' || a.isAdmin,
  /** Leaders and supervisors see integrity alarms and checks; the keeper runs checks and handles alarms. */
  'integrity.read': readsCatalogue,
  'integrity.manage': (a: Actor) => a.role === 'keeper',
  /** Everyone signed in reads cases (officers only those they handle, narrowed in the core); the keeper files them. */
  'cases.read': () => true,
  'cases.manage': (a: Actor) => REACH[a.role].records.link === 'all',
  /** Anyone signed in may ask to play; the core's access rule decides each record (a supervisor needs a grant). */
  'records.play': () => true,
  /** The disc register is read like the catalogue; putting evidence on a disc is the keeper's export. */
  'discs.read': readsCatalogue,
  'discs.manage': (a: Actor) => REACH[a.role].records.export === 'all',
  /** A supervisor's spot check of a filed disc is a health check too. */
  'discs.check': readsCatalogue,
  /** Leaders decide requests (which leader, per kind, is the approval rule's); the keeper enters paper decisions. */
  'requests.decide': (a: Actor) => a.role === 'responsible_leader' || a.role === 'principal_leader',
  'requests.record': (a: Actor) => a.role === 'keeper',
  /** The expiry review and its warnings are read like the catalogue; holds are the keeper's to set and lift. */
  'retention.read': readsCatalogue,
  'retention.manage': (a: Actor) => a.role === 'keeper',
  /** A destruction list is approved or rejected by the responsible leader (分管领导) alone (000 ch.6). */
  'retention.approve': (a: Actor) => a.role === 'responsible_leader',
  /** The county ledgers are read and exported like the registers; the keeper reports them and marks them sent. */
  'ledgers.read': readsCatalogue,
  'ledgers.report': (a: Actor) => a.role === 'keeper',
  /** Statistics feed reviews and supervision (002 §(二)4): the keeper, the leaders and the supervisor, who read the whole catalogue. */
  'statistics.read': readsCatalogue,
  /** Spot checks are the supervisor's to draw and judge (004 §11); whoever reads the catalogue reads them. */
  'spotChecks.read': readsCatalogue,
  'spotChecks.manage': (a: Actor) => a.role === 'supervisor',
} as const satisfies Record<string, (a: Actor) => boolean>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor, permission: Permission): boolean {
  return PERMISSIONS[permission](actor);
}
