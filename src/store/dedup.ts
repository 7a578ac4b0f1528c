// The same HA event delivered twice (a replayed history page, a reconnect, a snapshot that holds both) counts once.
// Two deliveries are the same event when they carry the same context id, type and time and report the same thing
// (the entity and its new state, or the whole data of a protocol event): HA shares one context between the states a
// single service call causes (unlocking, then unlocked), so the id alone is not enough. Without a context id the
// same content is the same event. Only a 52-bit hash of each key is kept: 1M events ~ 40 MB.
import type { HassEvent } from '../model/ha.js';

/** FNV-1a over UTF-16 code units in two 32-bit lanes, folded to a 52-bit number (exact in a double). */
function hash52(s: string): number {
  let a = 0x811c9dc5, b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}

function keyOf(e: HassEvent): string {
  const d = (e.data ?? {}) as Record<string, unknown>;
  const ctx = typeof e.context?.id === 'string' ? e.context.id : '';
  if (e.event_type === 'state_changed') {
    const ns = d.new_state as { state?: unknown; last_updated?: unknown } | null | undefined;
    return `s|${ctx}|${String(e.time_fired)}|${String(d.entity_id)}|${String(ns?.state)}|${String(ns?.last_updated)}`;
  }
  return `e|${ctx}|${e.event_type}|${String(e.time_fired)}|${JSON.stringify(d)}`;
}

export class Dedup {
  private readonly seen = new Set<number>();
  duplicates = 0;

  /** True the first time an event is met, false for every further delivery of it. */
  first(e: HassEvent): boolean {
    const h = hash52(keyOf(e));
    if (this.seen.has(h)) { this.duplicates++; return false; }
    this.seen.add(h);
    return true;
  }
}
