// Matter's `matter.get_lock_users` answer in HA's own shape (homeassistant/components/matter/lock_helpers.py,
// LockUserData), for the unit and browser tests that play HA's side of the websocket.
import type { UsercodeResponse } from '../../../src/model/ha.js';

export interface MatterUserSpec {
  user_index: number;
  user_name: string | null;
  user_status?: 'available' | 'occupied_enabled' | 'occupied_disabled';
  credentials: { type: string; index: number | null }[];
}

/** One lock's entry of the response (HA keys the whole response by entity id). */
export function lockUsers(users: MatterUserSpec[], maxUsers = 10): Record<string, unknown> {
  return {
    max_users: maxUsers,
    users: users.map((u, i) => ({
      user_index: u.user_index, user_name: u.user_name, user_unique_id: null,
      user_status: u.user_status ?? 'occupied_enabled', user_type: 'unrestricted_user', credential_rule: 'single',
      credentials: u.credentials, creator_fabric_index: 1, last_modified_fabric_index: 1,
      next_user_index: users[i + 1]?.user_index ?? null,
    })),
  };
}

/** The users a lock with these occupied PIN slots reports (one user per slot, its name from `name`). */
export function usersOfSlots(slots: UsercodeResponse): Record<string, unknown> {
  return lockUsers(Object.entries(slots).filter(([, v]) => v.in_use).map(([slot, v], i) => ({
    user_index: i + 1, user_name: v.name ?? null, credentials: [{ type: 'pin', index: Number(slot) }],
  })));
}
