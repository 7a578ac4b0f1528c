// Every lock, and the only source for generic locks: the lock entity's own state changes (`unlocked`/`open`,
// `locked`, `jammed`) with `changed_by` where the integration sets it, and the problem sensors on the lock's
// device (tamper, jam, keypad disabled); the alerts on them in lock-state.actions.ts. Shapes: shared/ha-reference.md §5.
import type { HassState } from '../model/ha.js';
import type { AccessKind, AccessMethod, Lock } from '../model/lock.js';
import { access, intern, str, type Emit, type LockCompanions, type Protocol, type SensorRole, type StateRecord } from './protocol.js';

export const OPEN = ['unlocked', 'open'];
export const JAMMED = 'jammed';

/** What a lock entity's state change means (null: nothing the audit reads). */
export function transition(old: string | null, nu: string | null): AccessKind | null {
  if (old === null || nu === null || old === nu) return null;
  if (OPEN.includes(nu) && !OPEN.includes(old)) return 'unlock';
  if (nu === 'locked') return 'lock';
  if (nu === JAMMED) return 'jam';
  return null;
}

/** Emits the access event of a lock entity's state change, the method read by the lock's protocol. */
export function fromLockState(r: StateRecord, lock: Lock, method: AccessMethod, emit: Emit): void {
  const kind = transition(r.old, r.new);
  if (kind) emit(access(lock.entity_id, r.t, kind, method, null, kind !== 'jam', r.detail, `state ${r.old} → ${r.new}`, 'state'));
}

/** Reads a method out of free-text `changed_by` (integrations word it their own way: "Keypad", "RF", "Manual"). */
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

export const isJamSensor = (id: string) => /_(lock_)?jam(med)?$/.test(id);
export const isKeypadDisabledSensor = (id: string) => /_keypad_temporar(y|ily)_disabled$/.test(id);

/** The problem sensors on the lock's device: tamper (every one), jam and keypad disabled. */
function discover(_lock: HassState, related: HassState[]): Partial<LockCompanions> {
  const binaries = related.filter((s) => s.entity_id.startsWith('binary_sensor.'));
  const tampers = binaries.filter((s) => s.attributes?.device_class === 'tamper').map((s) => s.entity_id);
  const first = (is: (id: string) => boolean) => binaries.filter((s) => is(s.entity_id)).slice(0, 1).map((s) => s.entity_id);
  return { sensors: { tamper: tampers, jam: first(isJamSensor), keypad_disabled: first(isKeypadDisabledSensor) } };
}

const SENSOR_EVENTS: Record<SensorRole, [AccessKind, AccessMethod]> = {
  tamper: ['tamper', 'unknown'],
  jam: ['jam', 'unknown'],
  keypad_disabled: ['lockout', 'keypad'],
};

export const lockState: Protocol<StateRecord> = {
  id: 'generic',
  title: 'generic lock',
  eventTypes: [],
  capabilities: { failures: false, tamper: true, lockout: true, jam: true, codes: 'none' },
  discover,

  recordState(entity, old, nu, t) {
    const s = nu ?? old;
    const isLock = entity.startsWith('lock.');
    const isProblem = entity.startsWith('binary_sensor.') && (s?.attributes?.device_class === 'tamper'
      || s?.attributes?.device_class === 'problem' || isJamSensor(entity) || isKeypadDisabledSensor(entity));
    if (!isLock && !isProblem) return null;
    const changedBy = isLock ? str(nu?.attributes?.changed_by) : null;
    return {
      p: 'generic', t, entity,
      old: old ? intern(String(old.state)) : null,
      new: nu ? intern(String(nu.state)) : null,
      detail: changedBy === null ? null : intern(changedBy),
    };
  },

  toAccess(rec, index, emit) {
    if (rec.p !== 'generic') return false;
    const r = rec as StateRecord;
    if (r.entity.startsWith('lock.')) {
      const lock = index.byEntity.get(r.entity);
      if (lock) fromLockState(r, lock, methodFromChangedBy(r.detail), emit);
      return true;
    }
    const sensor = index.bySensor.get(r.entity);
    // A problem sensor of the lock's device turning on: tamper, jam, or the keypad disabled after wrong codes.
    if (!sensor || r.new !== 'on' || r.old === 'on' || r.old === null) return true;
    const [kind, method] = SENSOR_EVENTS[sensor.role];
    emit(access(sensor.lock.entity_id, r.t, kind, method, null, false, null, `${r.entity} on`, 'state'));
    return true;
  },
};
