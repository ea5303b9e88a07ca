/** Field limits shared by the UI forms and the core's validation, so both say the same thing. */
export const LIMITS = {
  usernameMin: 2,
  usernameMax: 32,
  displayNameMax: 64,
  officeNameMax: 100,
  unitCodeMax: 32,
  passwordMin: 8,
  passwordMax: 128,
  auditPageMax: 500,
  textFilterMax: 200,
  pathMax: 1024,
  postersPerCall: 200,
  /** Records in one batch call (linking, a disc plan). */
  batchMax: 200,
  /** Entries of a register (viewings, loans) one screen lists; an export holds all that match. */
  registerRowsMax: 500,
} as const;

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9-]+$/;
/** Officer (执法证号/警号) and device numbers as cameras write them into file names. */
export const EQUIPMENT_NO_PATTERN = /^[A-Za-z0-9]{1,32}$/;
