// The normalised model every rule reads: locks, code slots and one access timeline.

export type Protocol = 'zwave_js' | 'zha' | 'zigbee2mqtt' | 'matter' | 'generic';

export type AccessKind =
  | 'unlock'
  | 'lock'
  | 'failed' // one wrong code entered
  | 'lockout' // the lock's own "code limit exceeded" / "keypad disabled" report
  | 'tamper'
  | 'jam'
  | 'code_change';

export type AccessMethod = 'keypad' | 'rf' | 'manual' | 'auto' | 'rfid' | 'fingerprint' | 'key' | 'remote' | 'unknown';

export interface AccessEvent {
  /** Position in arrival order; stable id for linking findings to events. */
  seq: number;
  lock: string;
  /** Epoch milliseconds. */
  time: number;
  kind: AccessKind;
  method: AccessMethod;
  /** 1-based code slot, when the lock reported one. */
  slot: number | null;
  success: boolean;
  /** Who, when HA knows (changed_by, a user name). Never a code. */
  actor: string | null;
  /** Protocol detail, e.g. "Keypad unlock operation". */
  label: string;
  /** The lock's own report through its protocol, or the lock entity's state in HA. */
  via: 'protocol' | 'state';
}

export interface FirmwareInfo {
  entity_id: string;
  installed: string | null;
  latest: string | null;
  update_available: boolean;
}

export interface Lock {
  entity_id: string;
  name: string;
  protocol: Protocol;
  device_id: string | null;
  state: string;
  last_changed: string | null;
  battery: number | null;
  battery_entity: string | null;
  firmware: FirmwareInfo | null;
  door_entity: string | null;
  /** Binary sensors on the lock's device that report its problems, by what they tell (some locks have several). */
  sensors: Record<SensorRole, string[]>;
  /**
   * Other entities of the lock's device a protocol reads, by the name its module gives them (e.g. the entities its
   * reports arrive through). Only that module reads what they mean; the rest of the engine lists them as the lock's.
   */
  protocol_entities: Record<string, string[]>;
}

/** Binary sensors on a lock's device that report its problems. */
export type SensorRole = 'tamper' | 'jam' | 'keypad_disabled';
export const SENSOR_ROLES: readonly SensorRole[] = ['tamper', 'jam', 'keypad_disabled'];

/** The house's locks, looked up by what a report names: the lock entity, its device, its companion entities. */
export interface LockIndex {
  locks: Lock[];
  byEntity: Map<string, Lock>;
  byDevice: Map<string, Lock>;
  /** Door and protocol entities → their lock. */
  byRelated: Map<string, Lock>;
  /** Binary sensors that report a lock's problems → the lock and what the sensor tells. */
  bySensor: Map<string, { lock: Lock; role: SensorRole }>;
}

/** An in-use code slot. The code itself stays private to the code rules. */
export interface CodeSlot {
  lock: string;
  slot: number;
  in_use: boolean;
  code: string;
  /** The lock's own name for the slot's user (Matter), masked. */
  name?: string;
}

/**
 * How a slot's strength is known: `read` (audited from the lock), `set-strong` (written through Lock Sentinel's
 * strength gate, dated) or `unknown` (occupied, but its code cannot be read).
 */
export type SlotProvenance = 'read' | 'set-strong' | 'unknown';

export interface SlotStrength {
  lock: string;
  slot: number;
  provenance: SlotProvenance;
  /** For `set-strong`: when the code was set. */
  set_at: string | null;
}

/** The one key of a lock's code slot (maps of codes, verdicts and registry entries). */
export const slotKey = (lock: string, slot: number): string => `${lock}|${slot}`;

/** A lock's name as the house calls it, else its entity id. */
export function lockNameOf(locks: Iterable<Lock>, entityId: string): string {
  for (const l of locks) if (l.entity_id === entityId) return l.name;
  return entityId;
}
