// Each distinct text kept once, as UTF-16 code units in typed-array pages, with an open-addressing index of typed
// arrays: no string object, map entry or array slot per text for the garbage collector to hold and walk. A million
// distinct holder names ("Guest 123456") take about 45 bytes each instead of ~100 as strings in a Map. A text becomes a
// string again only when read (`value`).

/** Code units per page; a text longer than a page gets a page of its own. */
const PAGE = 1 << 20;

/** FNV-1a over the code units, finalised (MurmurHash3's fmix32): the index's slot. */
export function textHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** One number per distinct text, from 1; 0 stands for null. */
export class TextTable {
  private readonly pages: Uint16Array[] = [];
  /** Where the current page's free space begins. */
  private used = PAGE;
  /** Per id: its hash, its page, where it starts in it, its length. */
  private hashes = new Uint32Array(1024);
  private page = new Uint32Array(1024);
  private start = new Uint32Array(1024);
  private len = new Uint32Array(1024);
  /** Open addressing, at most half full: the id, 0 for an empty slot. */
  private slots = new Uint32Array(2048);
  private n = 1;

  /** `hash`: the index's hash (tests inject a tiny one to force collisions). */
  constructor(private readonly hash: (s: string) => number = textHash) {}

  /** How many distinct texts are kept. */
  get size(): number {
    return this.n - 1;
  }

  id(s: string | null): number {
    if (s === null) return 0;
    const mask = this.slots.length - 1, h = this.hash(s) >>> 0;
    let k = h & mask;
    for (let id = this.slots[k]; id !== 0; id = this.slots[k]) {
      if (this.hashes[id] === h && this.equals(id, s)) return id;
      k = (k + 1) & mask;
    }
    const id = this.n++;
    this.store(id, s);
    this.hashes[id] = h;
    this.slots[k] = id;
    if (this.n * 2 > this.slots.length) this.rehash();
    return id;
  }

  /** The text of `id` (null for 0). */
  value(id: number): string | null {
    if (id === 0) return null;
    const units = this.pages[this.page[id]], from = this.start[id], to = from + this.len[id];
    let s = '';
    // fromCharCode takes its units as arguments: a few thousand at a time stays far below the engine's limit.
    for (let i = from; i < to; i += 4096) s += String.fromCharCode.apply(null, units.subarray(i, Math.min(to, i + 4096)) as unknown as number[]);
    return s;
  }

  private equals(id: number, s: string): boolean {
    if (this.len[id] !== s.length) return false;
    const units = this.pages[this.page[id]], from = this.start[id];
    for (let i = 0; i < s.length; i++) if (units[from + i] !== s.charCodeAt(i)) return false;
    return true;
  }

  private store(id: number, s: string): void {
    if (id >= this.page.length) {
      this.hashes = grown(this.hashes);
      this.page = grown(this.page);
      this.start = grown(this.start);
      this.len = grown(this.len);
    }
    if (s.length > PAGE - this.used) {
      this.pages.push(new Uint16Array(Math.max(PAGE, s.length)));
      this.used = 0;
    }
    const p = this.pages.length - 1, units = this.pages[p];
    for (let i = 0; i < s.length; i++) units[this.used + i] = s.charCodeAt(i);
    this.page[id] = p;
    this.start[id] = this.used;
    this.len[id] = s.length;
    this.used += s.length;
  }

  private rehash(): void {
    const slots = new Uint32Array(this.slots.length * 2), mask = slots.length - 1;
    for (let id = 1; id < this.n; id++) {
      let k = this.hashes[id] & mask;
      while (slots[k] !== 0) k = (k + 1) & mask;
      slots[k] = id;
    }
    this.slots = slots;
  }
}

function grown(a: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}
