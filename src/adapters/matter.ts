// Matter: no bus event; a lock operation sets the lock entity's `changed_by` to the operation's source (no user
// index in released HA), so the audit reads the lock's state changes. Jam, invalid-PIN and other alarm events are
// not exposed (HA 2026.x). Codes are write-only: `matter.set_lock_credential` sets a PIN (matter.actions.ts), none
// is ever read back.
// Shapes: shared/ha-reference.md §4 and §11.
import type { AccessMethod } from '../model/lock.js';
import { fromLockState, lockState, methodFromChangedBy } from './lock-state.js';
import { table, type Protocol, type StateRecord } from './protocol.js';

/** `changed_by` values of Matter's LockOperation source. */
const SOURCES: Record<string, AccessMethod> = table({
  Unspecified: 'unknown',
  Manual: 'manual',
  'Proprietary Remote': 'remote',
  Keypad: 'keypad',
  Auto: 'auto',
  Button: 'manual',
  Schedule: 'auto',
  Remote: 'remote',
  RFID: 'rfid',
  Biometric: 'fingerprint',
  // Aliro: a phone or wearable credential (NFC / UWB).
  Aliro: 'remote',
  Unknown: 'unknown',
});

export const matter: Protocol = {
  id: 'matter',
  title: 'Matter',
  platforms: ['matter'],
  eventTypes: [],
  capabilities: { failures: false, tamper: false, lockout: false, jam: false, codes: 'write-only' },

  // The lock entity's state changes are recorded by the lock-state module; a Matter lock's are read here.
  toAccess(rec, index, emit) {
    const r = rec as StateRecord;
    if (rec.p !== lockState.id || !r.entity.startsWith('lock.')) return false;
    const lock = index.byEntity.get(r.entity);
    if (lock?.protocol !== 'matter') return false;
    fromLockState(r, lock, (r.detail !== null ? SOURCES[r.detail] : undefined) ?? methodFromChangedBy(r.detail), emit);
    return true;
  },
};
