import type { AccessEvent, AccessKind, AccessMethod } from '../model/lock.js';

/** Collects an adapter's access events; `seq` is set once the timeline is sorted. */
export type Emit = (e: AccessEvent) => void;

export function access(
  lock: string, time: number, kind: AccessKind, method: AccessMethod, slot: number | null,
  success: boolean, actor: string | null, label: string, via: AccessEvent['via'],
): AccessEvent {
  return { seq: 0, lock, time, kind, method, slot, success, actor, label, via };
}
