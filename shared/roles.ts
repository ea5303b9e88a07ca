/** Who works in the records room. The administrator right is a flag on top of a role. */
export const ROLES = ['keeper', 'officer', 'responsible_leader', 'principal_leader', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  role: Role;
  isAdmin: boolean;
}

/**
 * Every permission the core checks. The UI reads the same table only to hide what a user
 * cannot do; the dispatcher enforces it regardless.
 */
export const PERMISSIONS = {
  'accounts.read': (a: Actor) => a.isAdmin || a.role !== 'officer',
  'accounts.manage': (a: Actor) => a.isAdmin,
  'settings.manage': (a: Actor) => a.isAdmin,
  'audit.read': (a: Actor) => a.isAdmin || a.role !== 'officer',
  'records.import': (a: Actor) => a.role === 'keeper',
  'records.read': (a: Actor) => a.role !== 'officer',
  /** The library list and its posters: everyone; an officer's list is narrowed in the core to their own and their cases'. */
  'records.browse': () => true,
  'devices.manage': (a: Actor) => a.role === 'keeper' || a.isAdmin,
  /** Leaders and supervisors see integrity alarms and checks; the keeper (or an administrator) runs checks and handles alarms. */
  'integrity.read': (a: Actor) => a.isAdmin || a.role !== 'officer',
  'integrity.manage': (a: Actor) => a.role === 'keeper' || a.isAdmin,
  /** Everyone signed in reads cases (officers only those they handle, filtered in the core); the keeper files them. */
  'cases.read': () => true,
  'cases.manage': (a: Actor) => a.role === 'keeper' || a.isAdmin,
  /** Anyone signed in may ask to play; the core lets officers play only their own and their cases' recordings. */
  'records.play': () => true,
} as const satisfies Record<string, (a: Actor) => boolean>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor, permission: Permission): boolean {
  return PERMISSIONS[permission](actor);
}
