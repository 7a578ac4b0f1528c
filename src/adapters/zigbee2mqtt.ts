// Zigbee2MQTT through HA's MQTT integration: the `action` of the lock's event entity (`event.*_action`,
// attribute event_type) or legacy action sensor, with `action_user` (raw 0-based ZCL id) and `action_source_name`.
import type { AccessKind, AccessMethod, Lock } from '../model/lock.js';
import type { StateRecord } from '../store/records.js';
import { access, type Emit } from './types.js';

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

export function fromZigbee2mqtt(r: StateRecord, lock: Lock, emit: Emit): void {
  const isEvent = r.entity.startsWith('event.');
  const action = isEvent ? r.detail : r.new;
  if (!action || NOT_AN_ACTION.has(action)) return;
  // An event entity restored at start-up (no old state, or back from unavailable) reports no new action.
  if (isEvent && (r.new === null || NOT_AN_ACTION.has(r.new) || r.old === null || r.old === 'unavailable')) return;
  const m = ACTIONS[action];
  if (!m) return;
  const [kind, fixedMethod] = m;
  const method = fixedMethod ?? (r.source ? SOURCES[r.source] : undefined) ?? 'unknown';
  const slotted = method === 'keypad' || method === 'rfid' || method === 'fingerprint' || kind === 'failed';
  emit(access(lock.entity_id, r.t, kind, method, slotted && r.user !== null ? r.user + 1 : null, kind !== 'failed', null, action, 'protocol'));
}
