// "Set this code in this slot of this lock": the lock's protocol actions say which service call does it; this is
// the one place a PIN is handed to one. Pure: nothing here logs, stores or returns the PIN but in the call it builds.
import { actionsOf } from '../adapters/actions.js';
import type { CodeOptions, ServiceCall } from '../adapters/protocol.js';
import type { Lock } from '../model/lock.js';
import { releaseLacks } from './release.js';

export interface SetCodeOptions extends CodeOptions {
  /** The Home Assistant release that will run the call (`config.version`). */
  haVersion?: unknown;
}

/**
 * The service call that sets `pin` in the 1-based `slot`. Throws for locks whose protocol cannot set codes and where
 * this Home Assistant lacks the service (Matter before 2026.3, or an unknown release). Errors never hold the PIN.
 */
export function setCodeServiceCall(lock: Lock, slot: number, pin: string, options: SetCodeOptions = {}): ServiceCall {
  if (!Number.isInteger(slot) || slot < 1 || slot > 254) {
    throw new Error(`Code slot must be a whole number from 1 to 254, got ${String(slot)}`);
  }
  if (!/^\d{4,10}$/.test(pin)) throw new Error('A code must be 4-10 digits');
  const set = actionsOf(lock.protocol).codes.set;
  if (!set) throw new Error(`Setting a code is not supported for ${lock.protocol} lock ${lock.entity_id}`);
  const call = set(lock, slot, pin, options);
  const why = releaseLacks(lock, options.haVersion, `${call.domain}.${call.service}`);
  if (why !== null) throw new Error(why);
  return call;
}
