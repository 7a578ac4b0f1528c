// Every protocol, and the only source for Matter and generic locks: the lock entity's own state changes
// (`unlocked`/`open`, `locked`, `jammed`) with `changed_by` where the integration sets it.
// Also the problem sensors on the lock's device (tamper, jam, keypad disabled).
import type { AccessKind, AccessMethod, Lock } from '../model/lock.js';
import type { SensorRole } from './discovery.js';
import type { StateRecord } from '../store/records.js';
import { access, type Emit } from './types.js';
import type { Capabilities } from './capabilities.js';

/** Matter (2026.3+): users and occupied credential slots can be listed, a PIN never read back; no wrong-code events in HA. */
export const matterCapabilities: Capabilities = { name: 'Matter', codes: 'write-only', failures: 'none', tamper: 'none' };
/** Any other lock (template, demo, cloud integrations): only the lock entity's state. */
export const genericCapabilities: Capabilities = { name: 'generic lock', codes: 'none', failures: 'none', tamper: 'none' };

const OPEN = new Set(['unlocked', 'open']);

function kindOf(old: string | null, nu: string | null): AccessKind | null {
  if (old === null || nu === null || old === nu) return null;
  if (OPEN.has(nu) && !OPEN.has(old)) return 'unlock';
  if (nu === 'locked') return 'lock';
  if (nu === 'jammed') return 'jam';
  return null;
}

/** Reads a method out of free-text `changed_by` (Matter reports e.g. "Keypad", "Remote", "Manual"). */
export function methodFromChangedBy(changedBy: string | null): AccessMethod {
  const s = (changedBy ?? '').toLowerCase();
  if (!s) return 'unknown';
  if (s.includes('keypad') || s.includes('pin')) return 'keypad';
  if (s.includes('rfid')) return 'rfid';
  if (s.includes('finger')) return 'fingerprint';
  if (s.includes('auto')) return 'auto';
  if (s.includes('manual') || s.includes('button')) return 'manual';
  if (s.includes('key')) return 'key';
  return 'remote';
}

export function fromLockState(r: StateRecord, lock: Lock, emit: Emit): void {
  const kind = kindOf(r.old, r.new);
  if (kind) emit(access(lock.entity_id, r.t, kind, methodFromChangedBy(r.detail), null, kind !== 'jam', r.detail, `state ${r.old} → ${r.new}`, 'state'));
}

const SENSOR_EVENTS: Record<SensorRole, [AccessKind, AccessMethod]> = {
  tamper: ['tamper', 'unknown'],
  jam: ['jam', 'unknown'],
  keypad_disabled: ['lockout', 'keypad'],
};

/** A problem sensor of the lock's device turning on: tamper, jam, or the keypad disabled after wrong codes. */
export function fromProblemSensor(r: StateRecord, lock: Lock, role: SensorRole, emit: Emit): void {
  if (r.new !== 'on' || r.old === 'on' || r.old === null) return;
  const [kind, method] = SENSOR_EVENTS[role];
  emit(access(lock.entity_id, r.t, kind, method, null, false, null, `${r.entity} on`, 'state'));
}
