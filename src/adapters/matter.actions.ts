// Matter, what Lock Sentinel makes Home Assistant do (the protocol's reports are read in matter.ts): no alert
// triggers of its own (the lock-state module's serve it); the occupied PIN slots listed through `matter.get_lock_users`
// (HA 2026.3+, never their PINs), a PIN set through `matter.set_lock_credential` and cleared through
// `matter.clear_lock_credential`. Loaded with the generator and the
// code services only. Shapes: shared/ha-reference.md §4 and §11; HA core homeassistant/components/matter/services.py
// and lock_helpers.py (2026.11).
import { errorCode, type UsercodeResponse } from '../model/ha.js';
import type { Lock } from '../model/lock.js';
import { MATTER_LOCK_SERVICES_SINCE } from './matter.js';
import type { ProtocolActions, WsCall } from './protocol.js';

/** One user of `matter.get_lock_users` (HA's LockUserData; fields the audit reads). */
interface MatterUser {
  user_index?: unknown;
  user_name?: unknown;
  user_status?: unknown;
  credentials?: unknown;
}

/** User statuses that hold credentials (HA maps Matter's UserStatusEnum; `available` is an empty user). */
const OCCUPIED = new Set(['occupied_enabled', 'occupied_disabled']);
/** HA's name for a PIN credential (CredentialTypeEnum kPin). */
const PIN = 'pin';
/** Errors that mean "this HA has no such service" (before 2026.3). */
const NO_SERVICE = new Set(['not_found', 'service_not_found', 'unknown_command']);

function occupiedUsers(answer: unknown): MatterUser[] {
  const users = (answer as { users?: unknown } | null)?.users;
  return Array.isArray(users)
    ? (users as unknown[]).filter((u): u is MatterUser => typeof u === 'object' && u !== null && OCCUPIED.has(String((u as MatterUser).user_status)))
    : [];
}

/** The user's PIN credential indexes (1-based, as HA and the lock number them). */
function pinIndexes(u: MatterUser): number[] {
  if (!Array.isArray(u.credentials)) return [];
  return (u.credentials as { type?: unknown; index?: unknown }[])
    .filter((c) => c?.type === PIN && typeof c.index === 'number' && Number.isSafeInteger(c.index) && c.index >= 1)
    .map((c) => c.index as number);
}

/**
 * The occupied PIN slots of a `get_lock_users` answer (the lock's own entry), in `get_lock_usercode`'s shape: every
 * PIN credential of an occupied user is a slot in use whose PIN is unknown; `name` is the user's name on the lock
 * (house text: the engine masks it like every name).
 */
export function slotsOfUsers(answer: unknown): UsercodeResponse {
  const out: UsercodeResponse = {};
  for (const u of occupiedUsers(answer)) {
    const name = typeof u.user_name === 'string' && u.user_name.trim() !== '' ? u.user_name : undefined;
    for (const index of pinIndexes(u)) out[String(index)] = name === undefined ? { usercode: '', in_use: true } : { usercode: '', in_use: true, name };
  }
  return out;
}

/** `matter.get_lock_users`'s answer for the lock (admins; a response-only entity service keyed by entity id). */
async function lockUsers(call: WsCall, entityId: string): Promise<unknown> {
  const r = await call<{ response?: Record<string, unknown> }>({
    type: 'call_service', domain: 'matter', service: 'get_lock_users', service_data: {},
    target: { entity_id: entityId }, return_response: true,
  });
  const answer = r?.response?.[entityId];
  if (typeof answer !== 'object' || answer === null) throw new Error(`matter.get_lock_users gave no answer for ${entityId}`);
  return answer;
}

/**
 * The lock's occupied PIN slots through `matter.get_lock_users`. Null on an HA without the service (before 2026.3):
 * the codes stay unknown and the evidence says why (`slotsListed`). Other errors (a lock without user management, no
 * answer) propagate: a failed read.
 */
export async function readMatterSlots(call: WsCall, lock: Pick<Lock, 'entity_id'>): Promise<UsercodeResponse | null> {
  try {
    return slotsOfUsers(await lockUsers(call, lock.entity_id));
  } catch (err) {
    if (NO_SERVICE.has(errorCode(err) ?? '')) return null;
    throw err;
  }
}

/** The user index holding each occupied PIN credential (SetCredential modifies a credential only through its user). */
export function credentialUsersOf(answer: unknown): Record<number, number> {
  const out: Record<number, number> = {};
  for (const u of occupiedUsers(answer)) {
    if (typeof u.user_index !== 'number' || !Number.isSafeInteger(u.user_index) || u.user_index < 1) continue;
    for (const index of pinIndexes(u)) out[index] = u.user_index;
  }
  return out;
}

export const matterActions: ProtocolActions = {
  signals: {},
  codes: {
    read: async (call, lock) => {
      const codes = await readMatterSlots(call, lock);
      return codes ? { codes } : null;
    },
    options: async (call, lock) => {
      const answer = await lockUsers(call, lock.entity_id).catch(() => null);
      return answer ? { credentialUsers: credentialUsersOf(answer) } : {};
    },
    // The slot is the PIN credential index. HA adds a credential to a free index (the lock makes a new user for it)
    // and modifies an occupied one, which the lock does only with the index of the user holding it (a null user
    // index means the programming PIN): so the PIN in the slot is replaced, never kept beside the new one.
    set: (lock, slot, pin, options = {}) => {
      const user = options.credentialUsers?.[slot];
      return {
        domain: 'matter', service: 'set_lock_credential',
        service_data: { credential_type: PIN, credential_data: pin, credential_index: slot, ...(user ? { user_index: user } : {}) },
        target: { entity_id: lock.entity_id },
      };
    },
    // ClearCredential of the PIN credential index (HA 2026.11 `clear_lock_credential {credential_type, credential_index}`;
    // index 0xFFFE would clear every credential of the type: slots stop at 254). HA 2026.3+ only (`since`).
    clear: (lock, slot) => ({
      domain: 'matter', service: 'clear_lock_credential',
      service_data: { credential_type: PIN, credential_index: slot },
      target: { entity_id: lock.entity_id },
    }),
    since: MATTER_LOCK_SERVICES_SINCE,
  },
};
