// "Clear this code slot on this lock": the lock's protocol actions say which service call does it, and since which
// Home Assistant release it exists. Pure; no PIN.
import { actionsOf } from '../adapters/actions.js';
import type { CodeOptions, ServiceCall } from '../adapters/protocol.js';
import type { Lock } from '../model/lock.js';
import { releaseLacks } from './release.js';

export type { ServiceCall };
export interface ClearCodeOptions extends CodeOptions {
  /** The Home Assistant release that will run the call (`config.version`). */
  haVersion?: unknown;
}

/**
 * Why this Home Assistant cannot clear a code on the lock, or null when it can. A protocol whose clear service is
 * newer than the oldest supported release (Matter: 2026.3) needs a known version at least that new.
 */
export function noClearWhy(lock: Lock, haVersion: unknown): string | null {
  const codes = actionsOf(lock.protocol).codes;
  if (!codes.clear) return `Clearing a code is not supported for ${lock.protocol} lock ${lock.entity_id}`;
  const call = codes.clear(lock, 1);
  return releaseLacks(lock, haVersion, `${call.domain}.${call.service}`);
}

/**
 * The service call that clears one 1-based code slot (each protocol maps the slot to its own numbering). Throws for
 * locks whose protocol has no slot-clearing service, and where this Home Assistant lacks it (`noClearWhy`).
 */
export function clearCodeServiceCall(lock: Lock, slot: number, options: ClearCodeOptions = {}): ServiceCall {
  if (!Number.isInteger(slot) || slot < 1 || slot > 254) {
    throw new Error(`Code slot must be a whole number from 1 to 254, got ${String(slot)}`);
  }
  const why = noClearWhy(lock, options.haVersion);
  if (why !== null) throw new Error(why);
  return actionsOf(lock.protocol).codes.clear!(lock, slot, options);
}
