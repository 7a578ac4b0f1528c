// The same HA event delivered twice (a replayed history page, a reconnect, a snapshot that holds both) counts once.
// Two deliveries are the same event when they carry the same context id, type and time and report the same thing
// (the entity and its new state, or the whole data of a protocol event): HA shares one context between the states a
// single service call causes (unlocking, then unlocked), so the id alone is not enough. Without a context id the
// same content is the same event. Only a 64-bit hash of each key is kept, in an open-addressing table of typed arrays
// (16 MB for a million events, nothing for the garbage collector to walk); two distinct events of a million share a
// hash with a chance of about 3 in 100 million.
import type { HassEvent } from '../model/ha.js';

/** Two independent 32-bit lanes over the UTF-16 code units: FNV-1a, and a multiply-xorshift one, each finalised. */
function hash64(s: string): [number, number] {
  let a = 0x811c9dc5, b = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [fmix(a), fmix(b)];
}

/** MurmurHash3's finaliser: every input bit reaches every output bit. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
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

/** A set of 64-bit hashes (lanes hi, lo; 0/0 marks an empty slot), at most half full. */
class HashSet64 {
  private hi = new Uint32Array(1 << 10);
  private lo = new Uint32Array(1 << 10);
  private size = 0;

  /** Adds the hash; false when it was there already. */
  add(hi: number, lo: number): boolean {
    if (hi === 0 && lo === 0) lo = 1;
    const mask = this.hi.length - 1;
    let i = lo & mask;
    while (this.hi[i] !== 0 || this.lo[i] !== 0) {
      if (this.hi[i] === hi && this.lo[i] === lo) return false;
      i = (i + 1) & mask;
    }
    this.hi[i] = hi;
    this.lo[i] = lo;
    if (++this.size * 2 > this.hi.length) this.grow();
    return true;
  }

  private grow(): void {
    const { hi, lo } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    this.size = 0;
    for (let i = 0; i < hi.length; i++) if (hi[i] !== 0 || lo[i] !== 0) this.add(hi[i], lo[i]);
  }
}

export class Dedup {
  private readonly seen = new HashSet64();
  duplicates = 0;

  /** True the first time an event is met, false for every further delivery of it. */
  first(e: HassEvent): boolean {
    const [hi, lo] = hash64(keyOf(e));
    if (this.seen.add(hi, lo)) return true;
    this.duplicates++;
    return false;
  }
}
