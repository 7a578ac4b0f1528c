// The access events the store keeps, column by column in typed arrays, with each lock id and each text (holder,
// label) kept once: about 24 bytes an event instead of a ~200-byte object with its own strings, so a million events
// take about 25 MB. Rows become `AccessEvent` objects only when read (`at`), one at a time.
import type { AccessEvent, AccessKind, AccessMethod } from '../model/lock.js';
import type { LaterAccess } from '../adapters/protocol.js';

const KIND_CODES: Record<AccessKind, number> = { unlock: 0, lock: 1, failed: 2, lockout: 3, tamper: 4, jam: 5, code_change: 6 };
const METHOD_CODES: Record<AccessMethod, number> = { keypad: 0, rf: 1, manual: 2, auto: 3, rfid: 4, fingerprint: 5, key: 6, remote: 7, unknown: 8 };
const KINDS = Object.keys(KIND_CODES) as AccessKind[];
const METHODS = Object.keys(METHOD_CODES) as AccessMethod[];
// bits: kind (0-2), success (3), via protocol (4)
const SUCCESS = 8, PROTOCOL = 16;

/** One number per distinct string; 0 stands for null. */
export class Strings {
  private readonly ids = new Map<string, number>();
  readonly values: (string | null)[] = [null];

  id(s: string | null): number {
    if (s === null) return 0;
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(s, id);
      this.values.push(s);
    }
    return id;
  }
}

/** A slot as the model has it: a whole number from 1 to 65535, else none (0 in the column). */
const slotCode = (slot: number | null): number => (slot !== null && Number.isSafeInteger(slot) && slot >= 1 && slot <= 65_535 ? slot : 0);

export class AccessLog implements LaterAccess {
  readonly locks = new Strings();
  /** Holders and labels: text from the house, masked when shown (store/timeline.ts). */
  readonly texts = new Strings();
  /** Rows a protocol fills in from other entities' states before each evaluation (Protocol.enrich). */
  readonly later: number[] = [];
  private n = 0;
  private times = new Float64Array(1024);
  private lockIds = new Uint32Array(1024);
  private actors = new Uint32Array(1024);
  private labels = new Uint32Array(1024);
  private slots = new Uint16Array(1024);
  private bits = new Uint8Array(1024);
  private methods = new Uint8Array(1024);

  get length(): number {
    return this.n;
  }

  push(e: AccessEvent, later = false): void {
    if (this.n === this.times.length) this.grow();
    const i = this.n++;
    this.times[i] = e.time;
    this.lockIds[i] = this.locks.id(e.lock);
    this.actors[i] = this.texts.id(e.actor);
    this.labels[i] = this.texts.id(e.label);
    this.slots[i] = slotCode(e.slot);
    this.bits[i] = KIND_CODES[e.kind] | (e.success ? SUCCESS : 0) | (e.via === 'protocol' ? PROTOCOL : 0);
    this.methods[i] = METHOD_CODES[e.method];
    if (later) this.later.push(i);
  }

  time(i: number): number { return this.times[i]; }
  lockId(i: number): number { return this.lockIds[i]; }
  lock(i: number): string { return this.locks.values[this.lockIds[i]] as string; }
  kind(i: number): AccessKind { return KINDS[this.bits[i] & 7]; }
  /** The kind as a number below 8. */
  kindCode(i: number): number { return this.bits[i] & 7; }
  success(i: number): boolean { return (this.bits[i] & SUCCESS) !== 0; }
  via(i: number): AccessEvent['via'] { return this.bits[i] & PROTOCOL ? 'protocol' : 'state'; }
  method(i: number): AccessMethod { return METHODS[this.methods[i]]; }
  slot(i: number): number | null { return this.slots[i] || null; }
  actorId(i: number): number { return this.actors[i]; }
  labelId(i: number): number { return this.labels[i]; }

  /** Row `i` as an event (`seq` 0; texts through `text`, e.g. a mask, by text id). */
  at(i: number, text: (id: number) => string | null = (id) => this.texts.values[id]): AccessEvent {
    return {
      seq: 0, lock: this.lock(i), time: this.times[i], kind: this.kind(i), method: this.method(i), slot: this.slot(i),
      success: this.success(i), actor: text(this.actors[i]), label: text(this.labels[i]) ?? '', via: this.via(i),
    };
  }

  setMethodSlot(i: number, method: AccessMethod, slot: number | null): void {
    this.methods[i] = METHOD_CODES[method];
    this.slots[i] = slotCode(slot);
  }

  private grow(): void {
    const size = this.times.length * 2;
    const bigger = <T extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.times = bigger(this.times, Float64Array);
    this.lockIds = bigger(this.lockIds, Uint32Array);
    this.actors = bigger(this.actors, Uint32Array);
    this.labels = bigger(this.labels, Uint32Array);
    this.slots = bigger(this.slots, Uint16Array);
    this.bits = bigger(this.bits, Uint8Array);
    this.methods = bigger(this.methods, Uint8Array);
  }
}
