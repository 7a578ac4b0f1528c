// Matter: no bus event; a lock operation sets the lock entity's `changed_by` to the operation's source (no user
// index in released HA), so the audit reads the lock's state changes. Jam, invalid-PIN and other alarm events are
// not exposed (HA 2026.x). Codes are write-only: `matter.set_lock_credential` sets a PIN, none is ever read back;
// HA 2026.3+ lists the lock's users and their credentials (`matter.get_lock_users`), so the occupied PIN slots are
// known, never their PINs. A slot is a PIN credential index (what `set_lock_credential` and
// `clear_lock_credential` address); the code services are in matter.actions.ts. Shapes: shared/ha-reference.md §4
// and §11; HA core homeassistant/components/matter/services.py and lock_helpers.py (2026.11).
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

/** The first HA release with Matter's lock user and credential services (get_lock_users, set/clear_lock_credential). */
export const MATTER_LOCK_SERVICES_SINCE = '2026.3';

export const matter: Protocol = {
  id: 'matter',
  title: 'Matter',
  eventTypes: [],
  capabilities: { failures: false, tamper: false, lockout: false, jam: false, codes: 'write-only' },
  codesReadVia: 'occupied PIN slots listed by matter.get_lock_users',
  slotsListed: { service: 'matter.get_lock_users', since: MATTER_LOCK_SERVICES_SINCE },
  // changed_by carries the operation source, no user index (released HA).
  reportsSlotUse: false,
  codesHidden: (slots) => `${slots.length} occupied PIN ${slots.length === 1 ? 'slot' : 'slots'} (${slots.join(', ')}), PINs unreadable`,

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
