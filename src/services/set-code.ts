// "Set this code in this slot of this lock": the lock's protocol actions say which service call does it; this is
// the one place a PIN is handed to one. Pure: nothing here logs, stores or returns the PIN but in the call it builds.
import { actionsOf } from '../adapters/actions.js';
import type { CodeOptions, ServiceCall } from '../adapters/protocol.js';
import type { Lock } from '../model/lock.js';

/** The service call that sets `pin` in the 1-based `slot`; locks whose protocol cannot set codes throw. Errors never hold the PIN. */
export function setCodeServiceCall(lock: Lock, slot: number, pin: string, options: CodeOptions = {}): ServiceCall {
  if (!Number.isInteger(slot) || slot < 1 || slot > 254) {
    throw new Error(`Code slot must be a whole number from 1 to 254, got ${String(slot)}`);
  }
  if (!/^\d{4,10}$/.test(pin)) throw new Error('A code must be 4-10 digits');
  const set = actionsOf(lock.protocol).codes.set;
  if (!set) throw new Error(`Setting a code is not supported for ${lock.protocol} lock ${lock.entity_id}`);
  return set(lock, slot, pin, options);
}
