// The checks of what only an administrator reads (codes read back, their slot ranges, the user list, automations):
// validate.ts checks the rest. They come with the admin rules (rules/admin.ts), which the card loads with that data.
import { fail, isObject, isSlot, list, LOCK_ID, optBool, optString, SLOT_KEY, type Obj } from './validate.js';

export function validateAdminData(h: Obj): void {
  list(h, 'users', (u, at) => {
    if (typeof u.id !== 'string' || !optString(u.name) || !optString(u.username) || !optBool(u.is_owner)
      || typeof u.is_active !== 'boolean' || typeof u.system_generated !== 'boolean'
      || !Array.isArray(u.group_ids) || !(u.group_ids as unknown[]).every((g) => typeof g === 'string')) {
      fail(`${at} needs id, is_active, system_generated and group_ids (a list of strings)`);
    }
  });
  list(h, 'automations', () => undefined);
  if (h.usercodes !== undefined) {
    if (!isObject(h.usercodes)) fail('"usercodes" must be an object keyed by lock entity id');
    for (const [lock, slots] of Object.entries(h.usercodes as Obj)) {
      const at = `"usercodes" of lock #${Object.keys(h.usercodes as Obj).indexOf(lock) + 1}`;
      if (!LOCK_ID.test(lock)) fail(`${at}: the key must be a lock entity id (lock.name)`);
      if (!isObject(slots)) fail(`${at} must be an object keyed by slot`);
      for (const [slot, v] of Object.entries(slots as Obj)) {
        if (!SLOT_KEY.test(slot) || !isSlot(Number(slot))) fail(`${at}: slot keys must be whole numbers from 1 to 65535`);
        if (!isObject(v) || !optString(v.usercode) || typeof v.in_use !== 'boolean') fail(`${at}: each slot needs usercode (string) and in_use (true/false)`);
        if (!optString((v as Obj).name)) fail(`${at}: a slot's name must be a string`);
      }
    }
  }
  if (h.usercode_slots !== undefined) {
    if (!isObject(h.usercode_slots)) fail('"usercode_slots" must be an object keyed by lock entity id');
    for (const [lock, r] of Object.entries(h.usercode_slots as Obj)) {
      const at = `"usercode_slots" of lock #${Object.keys(h.usercode_slots as Obj).indexOf(lock) + 1}`;
      if (!LOCK_ID.test(lock)) fail(`${at}: the key must be a lock entity id (lock.name)`);
      const v = r as Obj;
      if (!isObject(r) || !isSlot(v.read) || !(v.total === null || isSlot(v.total))) fail(`${at} needs read (a slot count) and total (a slot count or null)`);
    }
  }
}
