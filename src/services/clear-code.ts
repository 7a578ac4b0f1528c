// "Clear this code slot on this lock": the lock's protocol actions say which service call does it. Pure; no PIN.
import { actionsOf } from '../adapters/actions.js';
import type { CodeOptions, ServiceCall } from '../adapters/protocol.js';
import type { Lock } from '../model/lock.js';

export type { ServiceCall };
export type ClearCodeOptions = CodeOptions;

/**
 * The service call that clears one 1-based code slot (each protocol maps the slot to its own numbering).
 * Locks whose protocol has no slot-clearing service that is safe to call (Matter, generic) throw.
 */
export function clearCodeServiceCall(lock: Lock, slot: number, options: ClearCodeOptions = {}): ServiceCall {
  if (!Number.isInteger(slot) || slot < 1 || slot > 254) {
    throw new Error(`Code slot must be a whole number from 1 to 254, got ${String(slot)}`);
  }
  const clear = actionsOf(lock.protocol).codes.clear;
  if (!clear) throw new Error(`Clearing a code is not supported for ${lock.protocol} lock ${lock.entity_id}`);
  return clear(lock, slot, options);
}
