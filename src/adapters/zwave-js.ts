// Z-Wave JS: `zwave_js_notification` (Notification CC), Access Control (type 6) and Home Security (type 7).
import type { AccessKind, AccessMethod, Lock } from '../model/lock.js';
import type { ZwaveRecord } from '../store/records.js';
import { access, type Emit } from './types.js';
import type { Capabilities } from './capabilities.js';

/** Codes: `get_lock_usercode` / `get_users`; wrong codes and tampering: `zwave_js_notification` (live events only). */
export const zwaveJsCapabilities: Capabilities = { name: 'Z-Wave JS', codes: 'read', failures: 'events', tamper: 'events' };

type Mapping = [AccessKind, AccessMethod, boolean /* carries a user slot */];

const ACCESS_CONTROL: Record<number, Mapping> = {
  1: ['lock', 'manual', false],
  2: ['unlock', 'manual', false],
  3: ['lock', 'rf', false],
  4: ['unlock', 'rf', false],
  5: ['lock', 'keypad', true],
  6: ['unlock', 'keypad', true],
  9: ['lock', 'auto', false],
  11: ['jam', 'unknown', false],
  12: ['code_change', 'unknown', false],
  13: ['code_change', 'keypad', true],
  14: ['code_change', 'keypad', true],
  16: ['lockout', 'keypad', false],
  19: ['lockout', 'keypad', false],
  20: ['failed', 'rf', false],
  21: ['failed', 'rf', false],
  33: ['lock', 'keypad', true],
  34: ['unlock', 'keypad', true],
  35: ['lock', 'keypad', true],
  36: ['unlock', 'keypad', true],
  39: ['code_change', 'unknown', true],
  40: ['code_change', 'unknown', true],
  41: ['code_change', 'unknown', true],
  43: ['code_change', 'unknown', true],
  44: ['code_change', 'unknown', true],
  45: ['code_change', 'unknown', true],
  50: ['failed', 'keypad', false],
};

const ACCESS_CONTROL_TYPE = 6;
const HOME_SECURITY_TYPE = 7;
/** Home Security: 3 cover removed, 4 invalid code, 9 product moved. */
const TAMPER_EVENTS = new Set([3, 4, 9]);
const TAMPER_INVALID_CODE = 4;

export function fromZwave(r: ZwaveRecord, lock: Lock, emit: Emit): void {
  const id = lock.entity_id;
  if (r.type === ACCESS_CONTROL_TYPE) {
    const m = ACCESS_CONTROL[r.event];
    if (!m) return;
    const [kind, method, hasSlot] = m;
    const success = kind === 'lock' || kind === 'unlock' || kind === 'code_change';
    emit(access(id, r.t, kind, method, hasSlot && r.userId ? r.userId : null, success, null, r.label, 'protocol'));
  } else if (r.type === HOME_SECURITY_TYPE && TAMPER_EVENTS.has(r.event)) {
    emit(access(id, r.t, 'tamper', 'unknown', null, false, null, r.label, 'protocol'));
    if (r.event === TAMPER_INVALID_CODE) emit(access(id, r.t, 'failed', 'keypad', null, false, null, r.label, 'protocol'));
  }
}
