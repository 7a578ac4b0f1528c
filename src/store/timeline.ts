// The one sorted access timeline, built from every protocol's access events in the store's log. It is an order of
// the log's rows (4 bytes an event), read row by row: events become objects only while a rule or a face reads them.
import type { AccessEvent, AccessKind } from '../model/lock.js';
import type { AccessLog } from './access-log.js';

const SHOWN_CACHE = 4096;

export class Timeline implements Iterable<AccessEvent> {
  /** Texts as shown, by text id: a bounded cache (a million distinct holders are not all held as strings). */
  private readonly shown = new Map<number, string>();

  /** `order`: the log's rows in timeline order; `text`: how the house's texts are shown (e.g. masked). */
  constructor(private readonly log: AccessLog, private readonly order: Uint32Array, private readonly show: ((s: string) => string) | null) {}

  get length(): number {
    return this.order.length;
  }

  time(seq: number): number { return this.log.time(this.order[seq]); }
  lock(seq: number): string { return this.log.lock(this.order[seq]); }
  kind(seq: number): AccessKind { return this.log.kind(this.order[seq]); }

  /** The event at `seq` (a new object each time), its texts as shown. */
  at(seq: number): AccessEvent {
    const e = this.log.at(this.order[seq], this.text);
    e.seq = seq;
    return e;
  }

  *[Symbol.iterator](): Iterator<AccessEvent> {
    for (let seq = 0; seq < this.order.length; seq++) yield this.at(seq);
  }

  toArray(): AccessEvent[] {
    return Array.from(this);
  }

  /** A text of the log as shown: a text that repeats (a household's few holders and labels) goes through `show` once. */
  private readonly text = (id: number): string | null => {
    if (id === 0) return null;
    let v = this.shown.get(id);
    if (v !== undefined) return v;
    const raw = this.log.texts.value(id) as string;
    v = this.show ? this.show(raw) : raw;
    if (this.shown.size >= SHOWN_CACHE) this.shown.clear();
    this.shown.set(id, v);
    return v;
  };
}

/**
 * The log's rows `keep` selects, sorted by time (arrival order breaks ties). A state-derived unlock/lock/jam within
 * `mergeMs` of the protocol's own report of the same kind on the same lock is the same happening: the protocol event
 * (which knows the slot and method) stands for both.
 */
export function buildTimeline(log: AccessLog, keep: (row: number) => boolean, mergeMs: number, show: ((s: string) => string) | null): Timeline {
  let n = 0;
  for (let i = 0; i < log.length; i++) if (keep(i)) n++;
  const rows = new Uint32Array(n);
  for (let i = 0, k = 0; k < n; i++) if (keep(i)) rows[k++] = i;
  // A history arrives mostly in time order: when it is in order, no sort (a comparator sort of a million rows copies them
  // into boxed temporaries: tens of MB at the peak).
  let ordered = true;
  for (let k = 1; k < n && ordered; k++) ordered = log.time(rows[k - 1]) <= log.time(rows[k]);
  const sorted = ordered ? rows : rows.sort((a, b) => log.time(a) - log.time(b) || a - b);
  return new Timeline(log, withoutStateEchoes(log, sorted, mergeMs), show);
}

function withoutStateEchoes(log: AccessLog, sorted: Uint32Array, mergeMs: number): Uint32Array {
  let states = 0;
  for (const i of sorted) if (log.via(i) === 'state') states++;
  if (states === 0 || states === sorted.length) return sorted;
  const key = (i: number) => log.lockId(i) * 8 + log.kindCode(i);
  const protocolTimes = new Map<number, number[]>();
  for (const i of sorted) {
    if (log.via(i) === 'state') continue;
    const list = protocolTimes.get(key(i));
    if (list) list.push(log.time(i)); else protocolTimes.set(key(i), [log.time(i)]);
  }
  const stays = (i: number): boolean => {
    if (log.via(i) === 'protocol') return true;
    const list = protocolTimes.get(key(i));
    if (!list) return true;
    const t = log.time(i);
    let lo = 0, hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid] < t - mergeMs) lo = mid + 1; else hi = mid; }
    return !(lo < list.length && list[lo] <= t + mergeMs);
  };
  // Counted, then copied: a typed array's own filter gathers its result in a plain array first (tens of MB at 1M rows).
  let n = 0;
  for (const i of sorted) if (stays(i)) n++;
  const out = new Uint32Array(n);
  for (let k = 0, o = 0; o < n; k++) if (stays(sorted[k])) out[o++] = sorted[k];
  return out;
}
