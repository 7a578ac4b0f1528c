// The rules over what only an administrator can read: the codes read back from the locks, the user list, the
// automation configs. The CLI's engine (engine.ts) always has them; the card loads them with that data, for admins
// alone, so a dashboard without it does not carry them.
import { exposedPins } from './pin-exposed.js';
import { duplicateCodes, reusedAcrossLocks, staleCodes, unregisteredCodes, weakCodes } from './read-codes.js';
import { tooManyAdmins } from './admins.js';
import { missingAlerts } from './alerts.js';
import type { AdminRules } from './rules.js';
import { validateAdminData } from '../model/validate-admin.js';

export const ADMIN_RULES: AdminRules = {
  codes: [weakCodes, duplicateCodes, reusedAcrossLocks, staleCodes],
  codesSeen: [unregisteredCodes, exposedPins],
  users: [tooManyAdmins],
  automations: [missingAlerts],
  validate: validateAdminData,
};
