// The access events the store keeps, column by column in typed arrays, with each lock id and each text (holder,
// label) kept once (store/text-table.ts), in pages of 65,536 rows that are never copied: about 24 bytes an event instead of a ~200-byte object with its own strings, so a million events
// take about 25 MB. Rows become `AccessEvent` objects only when read (`at`), one at a time.
import type { AccessEvent, AccessKind, AccessMethod } from '../model/lock.js';
import type { LaterAccess } from '../adapters/protocol.js';
import { TextTable } from './text-table.js';

const KIND_CODES: Record<AccessKind, number> = { unlock: 0, lock: 1, failed: 2, lockout: 3, tamper: 4, jam: 5, code_change: 6 };
const METHOD_CODES: Record<AccessMethod, number> = { keypad: 0, rf: 1, manual: 2, auto: 3, rfid: 4, fingerprint: 5, key: 6, remote: 7, unknown: 8 };
const KINDS = Object.keys(KIND_CODES) as AccessKind[];
const METHODS = Object.keys(METHOD_CODES) as AccessMethod[];
// bits: kind (0-2), success (3), via protocol (4)
const SUCCESS = 8, PROTOCOL = 16;

/** A slot as the model has it: a whole number from 1 to 65535, else none (0 in the column). */
const slotCode = (slot: number | null): number => (slot !== null && Number.isSafeInteger(slot) && slot >= 1 && slot <= 65_535 ? slot : 0);

/** Rows per page: columns grow a page at a time, never copied. */
const PAGE_BITS = 16, PAGE = 1 << PAGE_BITS, IN_PAGE = PAGE - 1;

export class AccessLog implements LaterAccess {
  readonly locks = new TextTable();
  /** Holders and labels: text from the house, masked when shown (store/timeline.ts). */
  readonly texts = new TextTable();
  /** Lock ids by id: a handful, read for every row. */
  private readonly lockNames: string[] = [''];
  /** Rows a protocol fills in from other entities' states before each evaluation (Protocol.enrich). */
  readonly later: number[] = [];
  private n = 0;
  private readonly times: Float64Array[] = [];
  private readonly lockIds: Uint32Array[] = [];
  private readonly actors: Uint32Array[] = [];
  private readonly labels: Uint32Array[] = [];
  private readonly slots: Uint16Array[] = [];
  private readonly bits: Uint8Array[] = [];
  private readonly methods: Uint8Array[] = [];

  get length(): number {
    return this.n;
  }

  push(e: AccessEvent, later = false): void {
    const i = this.n++;
    const p = i >>> PAGE_BITS, j = i & IN_PAGE;
    if (j === 0) {
      this.times.push(new Float64Array(PAGE));
      this.lockIds.push(new Uint32Array(PAGE));
      this.actors.push(new Uint32Array(PAGE));
      this.labels.push(new Uint32Array(PAGE));
      this.slots.push(new Uint16Array(PAGE));
      this.bits.push(new Uint8Array(PAGE));
      this.methods.push(new Uint8Array(PAGE));
    }
    this.times[p][j] = e.time;
    const lock = this.locks.id(e.lock);
    if (lock === this.lockNames.length) this.lockNames.push(e.lock);
    this.lockIds[p][j] = lock;
    this.actors[p][j] = this.texts.id(e.actor);
    this.labels[p][j] = this.texts.id(e.label);
    this.slots[p][j] = slotCode(e.slot);
    this.bits[p][j] = KIND_CODES[e.kind] | (e.success ? SUCCESS : 0) | (e.via === 'protocol' ? PROTOCOL : 0);
    this.methods[p][j] = METHOD_CODES[e.method];
    if (later) this.later.push(i);
  }

  time(i: number): number { return this.times[i >>> PAGE_BITS][i & IN_PAGE]; }
  lockId(i: number): number { return this.lockIds[i >>> PAGE_BITS][i & IN_PAGE]; }
  lock(i: number): string { return this.lockNames[this.lockId(i)]; }
  private bit(i: number): number { return this.bits[i >>> PAGE_BITS][i & IN_PAGE]; }
  kind(i: number): AccessKind { return KINDS[this.bit(i) & 7]; }
  /** The kind as a number below 8. */
  kindCode(i: number): number { return this.bit(i) & 7; }
  success(i: number): boolean { return (this.bit(i) & SUCCESS) !== 0; }
  via(i: number): AccessEvent['via'] { return this.bit(i) & PROTOCOL ? 'protocol' : 'state'; }
  method(i: number): AccessMethod { return METHODS[this.methods[i >>> PAGE_BITS][i & IN_PAGE]]; }
  slot(i: number): number | null { return this.slots[i >>> PAGE_BITS][i & IN_PAGE] || null; }

  /** Row `i` as an event (`seq` 0; texts through `text`, e.g. a mask, by text id). */
  at(i: number, text: (id: number) => string | null = (id) => this.texts.value(id)): AccessEvent {
    const p = i >>> PAGE_BITS, j = i & IN_PAGE;
    return {
      seq: 0, lock: this.lock(i), time: this.times[p][j], kind: this.kind(i), method: this.method(i), slot: this.slot(i),
      success: this.success(i), actor: text(this.actors[p][j]), label: text(this.labels[p][j]) ?? '', via: this.via(i),
    };
  }

  setMethodSlot(i: number, method: AccessMethod, slot: number | null): void {
    this.methods[i >>> PAGE_BITS][i & IN_PAGE] = METHOD_CODES[method];
    this.slots[i >>> PAGE_BITS][i & IN_PAGE] = slotCode(slot);
  }
}
