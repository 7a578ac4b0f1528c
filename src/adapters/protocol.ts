// What a protocol module is: everything Lock Sentinel knows about one way locks report to Home Assistant.
// The store, the generator, the alert-coverage rule, the live feed, the capture and the card iterate PROTOCOLS
// (adapters/index.ts) and read these fields; no other module names a protocol's facts.
import type { HassEvent, HassState, UsercodeResponse } from '../model/ha.js';
import type { AccessEvent, AccessKind, AccessMethod, Lock, Protocol as ProtocolId } from '../model/lock.js';
import type { ConfigMap, Input, Subject } from '../model/automation.js';
import type { LockIndex } from './discovery.js';
import type { StateChange } from './state-track.js';

export type { ProtocolId };

/**
 * Collects a protocol's access events; `seq` is set once the timeline is sorted. `later`: the protocol fills in the
 * event's method and slot from other entities' states before each evaluation (`Protocol.enrich`).
 */
export type Emit = (e: AccessEvent, later?: boolean) => void;

/** The store's events a protocol asked to fill in later (emitted with `later`), by row. */
export interface LaterAccess {
  readonly later: readonly number[];
  at(row: number): AccessEvent;
  setMethodSlot(row: number, method: AccessMethod, slot: number | null): void;
}

export function access(
  lock: string, time: number, kind: AccessKind, method: AccessMethod, slot: number | null,
  success: boolean, actor: string | null, label: string, via: AccessEvent['via'],
): AccessEvent {
  // A slot is a whole number from 1 to 65535; anything else a lock reports ("abc", -3, 1e20) is no known slot.
  const known = slot !== null && Number.isSafeInteger(slot) && slot >= 1 && slot <= 65_535 ? slot : null;
  return { seq: 0, lock, time, kind, method, slot: known, success, actor, label, via };
}

/** What the generated alerts react to. */
export type Signal = 'unlock' | 'failed' | 'lockout' | 'tamper' | 'jam';
export const SIGNALS: readonly Signal[] = ['unlock', 'failed', 'lockout', 'tamper', 'jam'];

/** The alert signal an access event is (null: no alert reacts to it). */
export function signalOf(e: AccessEvent): Signal | null {
  switch (e.kind) {
    case 'unlock': return e.success ? 'unlock' : null;
    case 'failed': case 'lockout': case 'tamper': case 'jam': return e.kind;
    default: return null;
  }
}

/** What the store keeps of one raw event: the protocol that recognised it, its time, and that protocol's fields. */
export interface StoredRecord {
  p: ProtocolId;
  t: number;
}

/** A state change as the store keeps it (`detail`: `changed_by` of a lock, `event_type` of an event entity). */
export interface StateRecord extends StoredRecord {
  entity: string;
  old: string | null;
  new: string | null;
  detail: string | null;
}

/** Binary sensors on a lock's device that report its problems. */
export type SensorRole = 'tamper' | 'jam' | 'keypad_disabled';

export interface Capabilities {
  /** Reports each wrong code (or a code limit), so failed-attempt bursts can be seen. */
  failures: boolean;
  tamper: boolean;
  /** Reports "code limit exceeded" / "keypad disabled". */
  lockout: boolean;
  jam: boolean;
  /** Whether Home Assistant can read the PINs back, only set them, or neither. */
  codes: 'read' | 'write-only' | 'none';
}

/** What the generator's signal builders may know about the subject beyond its own protocol. */
export interface SignalEnv {
  /** Jinja conditions, one per protocol of the subject that reports the lock's unlocks as its own events. */
  unlockReporters: string[];
  /** Every protocol of the subject reports unlocks itself (a state-based unlock would repeat them). */
  unlocksReported: boolean;
}

/** One signal as HA automations see it: broad triggers, and a Jinja test that narrows them to this lock. */
export interface SignalSpec {
  /** HA triggers (empty: this protocol cannot report the signal for this subject). */
  triggers(s: Subject, env: SignalEnv): ConfigMap[];
  /** A Jinja boolean: the trigger variable `t` carries the signal from the subject's lock (null: never). */
  test(s: Subject, t: string, env: SignalEnv): string | null;
}

/** Jinja that tells, for a trigger variable `t` this protocol fired, how and from which slot. */
export interface TriggerDescription {
  when: string;
  /** Jinja expressions (inside `{{ }}`). */
  method: string;
  slot: string;
}

/** A Home Assistant service call. */
export interface ServiceCall {
  domain: string;
  service: string;
  service_data: Record<string, unknown>;
  target?: { entity_id: string };
}

/** A websocket command through whichever connection the caller has (CLI or card). */
export type WsCall = <T>(msg: { type: string; [key: string]: unknown }) => Promise<T>;

export interface CodeOptions {
  /** Zigbee2MQTT friendly name (the device's registry name); defaults to the lock's name. */
  mqttName?: string;
}

export interface CodeServices {
  /** Reads the lock's codes in `zwave_js.get_lock_usercode`'s shape (only where HA can return PINs). */
  read?(call: WsCall, lock: Pick<Lock, 'entity_id' | 'device_id'>): Promise<UsercodeResponse>;
  /** The one call that sets a PIN in a 1-based slot (the PIN goes nowhere else). */
  set?(lock: Lock, slot: number, pin: string, options?: CodeOptions): ServiceCall;
  clear?(lock: Lock, slot: number, options?: CodeOptions): ServiceCall;
}

/** Blueprint input naming the entities a protocol's triggers read (entity selectors). */
export interface BlueprintInput {
  name: string;
  config: ConfigMap;
}

export interface Protocol<R extends StoredRecord = StoredRecord> {
  id: ProtocolId;
  /** How evidence names the protocol ("ZHA: codes cannot be read back"). */
  title: string;
  /** Entity registry platforms whose locks speak this protocol. */
  platforms: readonly string[];
  /** HA bus events it reads (besides state changes); only admins may subscribe to them. */
  eventTypes: readonly string[];
  capabilities: Capabilities;
  /** A bus event of one of `eventTypes` → the record kept, or null when it is not a lock report. */
  recordEvent?(e: HassEvent, t: number): R | null;
  /** A state change of an entity this protocol reads → the record kept, or null. */
  recordState?(entity: string, old: HassState | null, nu: HassState | null, t: number): R | null;
  /** Entities whose states are read as a state over time (not as events). */
  tracksState?(entity: string): boolean;
  /** The access events a record means; returns false when the record is not this protocol's to read. */
  toAccess(r: StoredRecord, index: LockIndex, emit: Emit): boolean;
  /** Fills in what only other entities' states know (runs on all access events before each evaluation). */
  enrich?(events: LaterAccess, index: LockIndex, states: HassState[], tracks: Map<string, StateChange[]>): void;
  /** The generator's triggers and Jinja tests, per signal. */
  signals: Partial<Record<Signal, SignalSpec>>;
  /** Jinja: when this protocol reports the subject lock's unlocks itself (null: it cannot for this subject). */
  reportsUnlocks?(s: Subject): string | null;
  describe?(t: string): TriggerDescription;
  /** Automation text that shows an alert reacts to this protocol's reports (the alert-coverage rule). */
  coverage?: { refs: string[]; signals: Partial<Record<Signal, RegExp>> };
  /** Blueprint inputs its triggers read. */
  inputs?: BlueprintInput[];
  codes: CodeServices;
}

export const hasEntities = (v: string[] | Input): boolean => !Array.isArray(v) || v.length > 0;
export const jinjaList = (list: (string | number)[]): string => JSON.stringify(list);
/** `t` is an event of `type` from the subject's device. */
export const fromDevice = (t: string, type: string): string =>
  `${t}.platform == 'event' and ${t}.event.event_type == '${type}' and ${t}.event.data.device_id == lock_device`;

const strings = new Map<string, string>();
/** One shared copy per distinct id string (entity and device ids repeat millions of times in a long history). */
export function intern(s: string): string {
  let v = strings.get(s);
  if (v === undefined) {
    if (strings.size > 100_000) strings.clear();
    strings.set(s, s);
    v = s;
  }
  return v;
}

export const num = (v: unknown): number | null => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};
export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A lookup table keyed by strings a device reports: no prototype, so "valueOf" or "__proto__" find nothing. */
export const table = <T>(entries: Record<string, T>): Record<string, T> => Object.assign(Object.create(null) as Record<string, T>, entries);
