// Who can administer the locks, read from Home Assistant's user list (only an administrator may read it: the card
// loads this rule with that list, rules/admin.ts).
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
