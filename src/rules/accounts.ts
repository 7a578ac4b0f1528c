// Home Assistant accounts: who can administer the locks, and whether the account is protected by MFA.
import type { HassUser } from '../model/ha.js';
import type { Rule } from './context.js';

export const activeAdmins = (users: HassUser[]) =>
  users.filter((u) => u.is_active && !u.system_generated && u.group_ids.includes('system-admin'));

export const tooManyAdmins: Rule = (ctx) => {
  if (!ctx.header.users) return [];
  const admins = activeAdmins(ctx.header.users);
  if (admins.length <= ctx.th.maxAdmins) return [];
  return [{
    id: 'too-many-admins', severity: 'warning', entity_id: null, time: null,
    told: { k: 'admins', names: admins.map((u) => u.name ?? u.username ?? u.id) },
  }];
};

export const mfaDisabled: Rule = (ctx) => {
  const me = ctx.header.current_user;
  if (!me || (me.mfa_modules ?? []).some((m) => m.enabled)) return [];
  return [{
    id: 'mfa-disabled', severity: 'warning', entity_id: null, time: null,
    told: { k: 'mfa', name: me.name ?? null },
  }];
};
