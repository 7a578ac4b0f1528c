// What a protocol module is: everything Lock Sentinel knows about one way locks report to Home Assistant.
// The store, the alert-coverage rule, the live feed, the capture and the card iterate PROTOCOLS (adapters/index.ts)
// and read these fields; the generator and the code services read its actions (ProtocolActions, <name>.actions.ts).
// No other module names a protocol's facts.
import type { HassEvent, HassState, SlotRange, UsercodeResponse, WsCall } from '../model/ha.js';
import type { AccessEvent, AccessKind, AccessMethod, Lock, LockIndex, Protocol as ProtocolId, SensorRole } from '../model/lock.js';
import type { ConfigMap, Input, Subject } from '../model/automation.js';
import type { ProtocolFacts, Signal } from '../model/protocol.js';
import type { StateChange } from '../model/state-track.js';

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

export { SIGNALS, signalOf, type Capabilities, type Signal } from '../model/protocol.js';

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

export type { SensorRole };

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

export type { WsCall };

/** A websocket subscription through whichever connection the caller has; resolves to its unsubscribe. */
export type WsSubscribe = <T>(msg: { type: string; [key: string]: unknown }, onEvent: (event: T) => void) => Promise<() => Promise<void>>;

export interface CodeOptions {
  /** Zigbee2MQTT: the device's MQTT topic (`zigbee2mqtt/<friendly name>`), as HA's MQTT integration knows it. */
  mqttTopic?: string;
  /** The device's registry name as discovered (Zigbee2MQTT's friendly name), for protocols that address a device by name. */
  deviceName?: string;
  /** Matter: the user index holding each occupied PIN credential index (a credential is modified through its user). */
  credentialUsers?: Record<number, number>;
}

export interface ReadOptions {
  /** Protocols that read codes from messages (Zigbee2MQTT over MQTT) need a subscription. */
  subscribe?: WsSubscribe;
  /** How long a lock may take to answer (default: the protocol's own). */
  answerMs?: number;
}

/** What one read of a lock's codes gave: its slots, and (where it could not read every slot) which it read. */
export interface CodesRead {
  codes: UsercodeResponse;
  range?: SlotRange;
}

export interface CodeServices {
  /**
   * Reads the lock's codes in `zwave_js.get_lock_usercode`'s shape; null when this lock did not answer (its codes stay
   * unknown). In-use slots with an empty code are occupied, strength unknown.
   */
  read?(call: WsCall, lock: Pick<Lock, 'entity_id' | 'device_id'>, options?: ReadOptions): Promise<CodesRead | null>;
  /** What `set` and `clear` need to know about this lock that only HA can tell (Zigbee2MQTT: its MQTT topic). */
  options?(call: WsCall, lock: Pick<Lock, 'entity_id' | 'device_id'>): Promise<CodeOptions>;
  /** The one call that sets a PIN in a 1-based slot (the PIN goes nowhere else). */
  set?(lock: Lock, slot: number, pin: string, options?: CodeOptions): ServiceCall;
  /** The one call that clears a 1-based slot. */
  clear?(lock: Lock, slot: number, options?: CodeOptions): ServiceCall;
  /** The first HA release that has these services (absent: every release Lock Sentinel supports). */
  since?: string;
}

/** The entities of a lock's device that a protocol reads, as discovery finds them (each protocol fills its own). */
export interface LockCompanions {
  sensors?: Partial<Record<SensorRole, string[]>>;
  protocol_entities?: Record<string, string[]>;
}

/** Blueprint input naming the entities a protocol's triggers read (entity selectors). */
export interface BlueprintInput {
  name: string;
  config: ConfigMap;
}

export interface Protocol<R extends StoredRecord = StoredRecord> extends ProtocolFacts {
  /**
   * Which entities of the lock's device (`related`: same device, or named after the lock without a registry) this
   * protocol reads. Discovery asks every protocol, whatever the lock's own.
   */
  discover?(lock: HassState, related: HassState[]): Partial<LockCompanions>;
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
  /** A firmware version of its update entity as the protocol's own tools write it (default: as HA reports it). */
  formatFirmware?(version: string): string;
}

/**
 * What Lock Sentinel makes Home Assistant do for a protocol: the generated alerts' triggers and Jinja, the blueprint
 * inputs, the code services (read, set, clear). It sits in `<protocol>.actions.ts` beside the protocol's module (one
 * protocol's facts, two files) and is read through `actionsOf` (adapters/actions.ts) by the generator, the code
 * services and the admin data reader only: the card loads it with them, on demand, not with every dashboard.
 * `capabilities.codes` says without it what `codes` can do ('read': read and set; 'write-only': set; 'none').
 */
export interface ProtocolActions {
  /** The generator's triggers and Jinja tests, per signal. */
  signals: Partial<Record<Signal, SignalSpec>>;
  /** Jinja: when this protocol reports the subject lock's unlocks itself (null: it cannot for this subject). */
  reportsUnlocks?(s: Subject): string | null;
  describe?(t: string): TriggerDescription;
  /** What the generator's subject of a lock takes from this protocol's entities of it (entity ids). */
  subject?(lock: Lock): { actionEntities?: string[] };
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
