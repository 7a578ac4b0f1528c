import type { AccessEvent, AccessKind, AccessMethod } from '../model/lock.js';

/** Collects an adapter's access events; `seq` is set once the timeline is sorted. */
export type Emit = (e: AccessEvent) => void;

export function access(
  lock: string, time: number, kind: AccessKind, method: AccessMethod, slot: number | null,
  success: boolean, actor: string | null, label: string, via: AccessEvent['via'],
): AccessEvent {
  // A slot is a whole number from 1 to 65535; anything else a lock reports ("abc", -3, 1e20) is no known slot.
  const known = slot !== null && Number.isSafeInteger(slot) && slot >= 1 && slot <= 65_535 ? slot : null;
  return { seq: 0, lock, time, kind, method, slot: known, success, actor, label, via };
}
