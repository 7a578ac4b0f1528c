// The same HA event delivered twice (a replayed history page, a reconnect, a snapshot that holds both) counts once.
// Two deliveries are the same event when they carry the same context id, type and instant (however the time is
// written) and report the same thing (the entity and its new state, or the whole data of a protocol event): HA
// shares one context between the states a single service call causes (unlocking, then unlocked), so the id alone
// is not enough. Without a context id the same content is the same event.
//
// What is kept of each event met, in typed arrays (nothing for the garbage collector to hold or walk):
//  - its context id itself, compared exactly: events with different context ids are never taken for one another;
//  - a 96-bit hash of the rest (type, time, entity and state or the protocol data), with the context id: two events
//    with the same context id (or both without one) but different content are taken for one only if all 96 bits
//    agree, a chance of 2^-96 for a pair; were a million events all without a context id, about 6 in 10^18.
// 16 bytes an event, its context id (one byte a character and one for the length: 27 for HA's ULIDs) and 4 to 8
// bytes of index: ~50 MB for a million events with ULIDs.
import type { HassEvent } from '../model/ha.js';
import { parseHaTime } from '../time/zone.js';

/** A hash of a key as three 32-bit lanes. */
export type Hash96 = (key: string) => readonly [number, number, number];

/** Three independent 32-bit lanes over the UTF-16 code units (FNV-1a, a multiply-xorshift, a multiply-rotate), finalised. */
export const hash96: Hash96 = (s) => {
  let a = 0x811c9dc5, b = 0x9747b28c ^ s.length, c = 0x2545f491;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    a = Math.imul(a ^ u, 0x01000193);
    b = Math.imul(b ^ u, 0x5bd1e995);
    b ^= b >>> 15;
    c = Math.imul(c + u, 0x9e3779b1);
    c = (c << 13) | (c >>> 19);
  }
  return [fmix(a), fmix(b), fmix(c)];
};

/** MurmurHash3's finaliser: every input bit reaches every output bit. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The event's context id, or null. */
const contextOf = (e: HassEvent): string | null => (typeof e.context?.id === 'string' ? e.context.id : null);

/**
 * A time as the instant it names (epoch ms): the same event written as "…00.123456+00:00" (HA's live events) and as
 * "…00.123Z" (a time made from the recorder's history) or in another offset is one event.
 */
function instant(v: unknown): string {
  const ms = parseHaTime(v);
  return Number.isNaN(ms) ? String(v) : String(ms);
}

/** Everything but the context id that makes an event the event it is. */
function contentOf(e: HassEvent): string {
  const d = (e.data ?? {}) as Record<string, unknown>;
  if (e.event_type === 'state_changed') {
    const ns = d.new_state as { state?: unknown; last_updated?: unknown } | null | undefined;
    return `s|${instant(e.time_fired)}|${String(d.entity_id)}|${String(ns?.state)}|${instant(ns?.last_updated)}`;
  }
  return `e|${e.event_type}|${instant(e.time_fired)}|${JSON.stringify(d)}`;
}

const PAGE_BITS = 16, PAGE = 1 << PAGE_BITS, IN_PAGE = PAGE - 1;
/** Bytes per page of context ids; an id longer than a page gets a page of its own. */
const BYTES = 1 << 20;

/** Context ids, each stored once per event met: a length (units, times two, plus one when 16-bit) and the units. */
class ContextIds {
  private readonly pages: Uint8Array[] = [];
  private used = BYTES;

  /** Stores `s`; returns where (1 + page * BYTES + offset; 0 is "no id": 4 GB of ids, far past any memory, fit). */
  add(s: string): number {
    let wide = false;
    for (let i = 0; i < s.length && !wide; i++) wide = s.charCodeAt(i) > 0xff;
    const head = s.length * 2 + (wide ? 1 : 0);
    const size = varintSize(head) + s.length * (wide ? 2 : 1);
    if (size > BYTES - this.used) {
      this.pages.push(new Uint8Array(Math.max(BYTES, size)));
      this.used = 0;
    }
    const p = this.pages.length - 1, bytes = this.pages[p];
    const at = 1 + p * BYTES + this.used;
    let o = writeVarint(bytes, this.used, head);
    for (let i = 0; i < s.length; i++) {
      const u = s.charCodeAt(i);
      if (wide) { bytes[o++] = u >>> 8; bytes[o++] = u & 0xff; } else bytes[o++] = u;
    }
    this.used = o;
    return at;
  }

  /** Is the id stored at `ref` exactly `s`? */
  equals(ref: number, s: string): boolean {
    const p = Math.floor((ref - 1) / BYTES), bytes = this.pages[p];
    let o = (ref - 1) % BYTES, head = 0, shift = 0, b: number;
    do { b = bytes[o++]; head += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    const wide = head % 2 === 1, n = Math.floor(head / 2);
    if (n !== s.length) return false;
    for (let i = 0; i < n; i++) {
      const u = wide ? (bytes[o++] << 8) | bytes[o++] : bytes[o++];
      if (u !== s.charCodeAt(i)) return false;
    }
    return true;
  }
}

const varintSize = (v: number): number => { let n = 1; while (v >= 0x80) { v = Math.floor(v / 128); n++; } return n; };
function writeVarint(bytes: Uint8Array, o: number, v: number): number {
  while (v >= 0x80) { bytes[o++] = (v % 128) | 0x80; v = Math.floor(v / 128); }
  bytes[o++] = v;
  return o;
}

export class Dedup {
  /** Open addressing by the hash's first lane, at most half full: an event's number + 1, 0 for an empty slot. */
  private slots = new Uint32Array(1 << 10);
  /** Per event met (in pages): its hash's lanes and where its context id is (0: none). */
  private readonly a: Uint32Array[] = [];
  private readonly b: Uint32Array[] = [];
  private readonly c: Uint32Array[] = [];
  private readonly ctx: Uint32Array[] = [];
  private readonly ids = new ContextIds();
  private n = 0;
  duplicates = 0;

  /** `hash`: tests inject a tiny one to force collisions. */
  constructor(private readonly hash: Hash96 = hash96) {}

  /** True the first time an event is met, false for every further delivery of it. */
  first(e: HassEvent): boolean {
    const id = contextOf(e);
    const [a, b, c] = this.hash(id === null ? `\u0000${contentOf(e)}` : `${id}\u0000${contentOf(e)}`);
    const mask = this.slots.length - 1;
    let k = a & mask;
    for (let ref = this.slots[k]; ref !== 0; ref = this.slots[k]) {
      if (this.same(ref - 1, a, b, c, id)) {
        this.duplicates++;
        return false;
      }
      k = (k + 1) & mask;
    }
    this.slots[k] = this.keep(a, b, c, id) + 1;
    if (this.n * 2 > this.slots.length) this.grow();
    return true;
  }

  private same(i: number, a: number, b: number, c: number, id: string | null): boolean {
    const p = i >>> PAGE_BITS, j = i & IN_PAGE;
    if (this.a[p][j] !== a >>> 0 || this.b[p][j] !== b >>> 0 || this.c[p][j] !== c >>> 0) return false;
    const ref = this.ctx[p][j];
    return id === null ? ref === 0 : ref !== 0 && this.ids.equals(ref, id);
  }

  /** Keeps what is compared of a new event; returns its number. */
  private keep(a: number, b: number, c: number, id: string | null): number {
    const i = this.n++;
    const p = i >>> PAGE_BITS, j = i & IN_PAGE;
    if (j === 0) {
      this.a.push(new Uint32Array(PAGE));
      this.b.push(new Uint32Array(PAGE));
      this.c.push(new Uint32Array(PAGE));
      this.ctx.push(new Uint32Array(PAGE));
    }
    this.a[p][j] = a;
    this.b[p][j] = b;
    this.c[p][j] = c;
    this.ctx[p][j] = id === null ? 0 : this.ids.add(id);
    return i;
  }

  private grow(): void {
    const slots = new Uint32Array(this.slots.length * 2), mask = slots.length - 1;
    for (let i = 0; i < this.n; i++) {
      let k = this.a[i >>> PAGE_BITS][i & IN_PAGE] & mask;
      while (slots[k] !== 0) k = (k + 1) & mask;
      slots[k] = i + 1;
    }
    this.slots = slots;
  }
}
