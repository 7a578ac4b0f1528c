// Every rule of the audit, in the order their findings are reported (findings of equal severity and time keep it).
// The rules over what only an administrator can read (admin.ts) slot in where they stand in that order.
import { awayAccess, failedAttempts, unusualHours } from './access.js';
import { mfaDisabled } from './accounts.js';
import { expiredCodes } from './codes.js';
import type { Rule } from './context.js';
import type { AdminValidator } from '../model/validate.js';
import { firmwareUpdate, jammed, lowBattery, tamper, unavailable } from './device.js';

/** The admin-only rules (rules/admin.ts), by the data each reads and where it stands in the order. */
export interface AdminRules {
  /** Over the codes read back, before the expired-code rule. */
  codes: readonly Rule[];
  /** Over the codes read back, after it. */
  codesSeen: readonly Rule[];
  /** Over the user list, before the MFA rule. */
  users: readonly Rule[];
  /** Over the automation configs, last. */
  automations: readonly Rule[];
  /** Checks the admin data of a header before any rule reads it (model/validate-admin.ts). */
  validate: AdminValidator;
}

/** Every rule, in report order; without the admin rules, those every user's audit runs. */
export function auditRules(admin: AdminRules | null): Rule[] {
  return [
    ...admin?.codes ?? [], expiredCodes, ...admin?.codesSeen ?? [],
    failedAttempts, unusualHours, awayAccess,
    tamper, jammed, lowBattery, firmwareUpdate, unavailable,
    ...admin?.users ?? [], mfaDisabled, ...admin?.automations ?? [],
  ];
}
