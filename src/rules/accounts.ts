// Home Assistant accounts every user's audit judges: whether the current account is protected by MFA (who can
// administer the locks: admins.ts, over the user list only an admin may read).
import type { Rule } from './context.js';

export const mfaDisabled: Rule = (ctx) => {
  const me = ctx.header.current_user;
  if (!me || (me.mfa_modules ?? []).some((m) => m.enabled)) return [];
  return [{
    id: 'mfa-disabled', severity: 'warning', entity_id: null, time: null,
    told: { k: 'mfa', name: me.name ?? null },
  }];
};
