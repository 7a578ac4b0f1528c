// Zigbee2MQTT through HA's MQTT integration: the `action` of the lock's event entity (`event.*_action`,
// attribute event_type) or legacy action sensor, with `action_user` (raw 0-based ZCL id) and `action_source_name`.
import type { HassState } from '../model/ha.js';
import type { AccessEvent, AccessKind, AccessMethod, Lock } from '../model/lock.js';
import type { StateRecord } from '../store/records.js';
import type { LockIndex } from './discovery.js';
import { StateTrack, type StateChange } from './state-track.js';
import { access, type Emit } from './types.js';
import type { Capabilities } from './capabilities.js';

/** Codes: read over MQTT (`pin_code` get, the lock's `users`); wrong codes: the action entity's state (in the history). */
export const zigbee2mqttCapabilities: Capabilities = { name: 'Zigbee2MQTT', codes: 'read', failures: 'states', tamper: 'none' };

const ACTIONS: Record<string, [AccessKind, AccessMethod | null]> = {
  lock: ['lock', null],
  unlock: ['unlock', null],
  key_lock: ['lock', 'key'],
  key_unlock: ['unlock', 'key'],
  manual_lock: ['lock', 'manual'],
  manual_unlock: ['unlock', 'manual'],
  auto_lock: ['lock', 'auto'],
  one_touch_lock: ['lock', 'manual'],
  schedule_lock: ['lock', 'auto'],
  schedule_unlock: ['unlock', 'auto'],
  lock_failure_invalid_pin_or_id: ['failed', null],
  unlock_failure_invalid_pin_or_id: ['failed', null],
  pin_code_added: ['code_change', 'keypad'],
  pin_code_deleted: ['code_change', 'keypad'],
  pin_code_changed: ['code_change', 'keypad'],
  master_code_changed: ['code_change', 'keypad'],
};

const SOURCES: Record<string, AccessMethod> = {
  keypad: 'keypad', rf: 'rf', manual: 'manual', rfid: 'rfid', fingerprint: 'fingerprint',
};

const NOT_AN_ACTION = new Set(['unknown', 'unavailable', '', 'None']);

/** Actions whose user and source sit in the lock's own action sensors, to be read at the action's time. */
const readFromSensors = new WeakSet<AccessEvent>();
/** The sensors of one MQTT message may be written a moment after the event entity. */
const SAME_MESSAGE_MS = 2000;

function methodAndSlot(kind: AccessKind, fixed: AccessMethod | null, user: number | null, source: string | null): [AccessMethod, number | null] {
  const method = fixed ?? (source ? SOURCES[source] : undefined) ?? 'unknown';
  const slotted = method === 'keypad' || method === 'rfid' || method === 'fingerprint' || kind === 'failed';
  return [method, slotted && user !== null ? user + 1 : null];
}

export function fromZigbee2mqtt(r: StateRecord, lock: Lock, emit: Emit): void {
  const isEvent = r.entity.startsWith('event.');
  const action = isEvent ? r.detail : r.new;
  if (!action || NOT_AN_ACTION.has(action)) return;
  // An event entity restored at start-up (no old state, or back from unavailable) reports no new action.
  if (isEvent && (r.new === null || NOT_AN_ACTION.has(r.new) || r.old === null || r.old === 'unavailable')) return;
  const m = ACTIONS[action];
  if (!m) return;
  const [kind, fixed] = m;
  const [method, slot] = methodAndSlot(kind, fixed, r.user, r.source);
  const e = access(lock.entity_id, r.t, kind, method, slot, kind !== 'failed', null, action, 'protocol');
  if (r.user === null && r.source === null && (lock.action_user_entity || lock.action_source_entity)) readFromSensors.add(e);
  emit(e);
}

/**
 * Zigbee2MQTT's event entity carries only the action; `action_user` and `action_source_name` arrive as sensors of
 * the same device. Fills method and slot from those sensors' states at the action's moment (events may arrive in
 * any order, so this runs on the whole set before each evaluation).
 */
export function enrichZigbee2mqtt(events: AccessEvent[], index: LockIndex, states: HassState[], tracks: Map<string, StateChange[]>): void {
  const cache = new Map<string, StateTrack>();
  const track = (id: string | null): StateTrack | null => {
    if (!id) return null;
    let t = cache.get(id);
    if (!t) {
      t = new StateTrack(states.find((s) => s.entity_id === id)?.state, tracks.get(id) ?? []);
      cache.set(id, t);
    }
    return t;
  };
  for (const e of events) {
    if (!readFromSensors.has(e)) continue;
    const lock = index.byEntity.get(e.lock);
    const m = ACTIONS[e.label];
    if (!lock || !m) continue;
    const rawUser = track(lock.action_user_entity ?? null)?.at(e.time + SAME_MESSAGE_MS) ?? null;
    const user = rawUser !== null && /^\d+$/.test(rawUser) ? Number(rawUser) : null;
    const source = track(lock.action_source_entity ?? null)?.at(e.time + SAME_MESSAGE_MS) ?? null;
    [e.method, e.slot] = methodAndSlot(m[0], m[1], user, source);
  }
}
