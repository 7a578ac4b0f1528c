// Compact records: what the engine keeps of each raw HA event. Raw payloads are dropped at once so a stream
// of millions of events stays bounded in memory, and nothing here needs the registries, so events may arrive
// before (or without) the snapshot's other keys, in any order.

export interface ZwaveRecord {
  k: 'zwave';
  t: number;
  device: string;
  type: number;
  event: number;
  userId: number | null;
  label: string;
}

export interface ZhaRecord {
  k: 'zha';
  t: number;
  device: string;
  operation: string;
  source: string;
  /** 1-based, as ZHA reports it. */
  slot: number | null;
}

export interface StateRecord {
  k: 'state';
  t: number;
  entity: string;
  old: string | null;
  new: string | null;
  /** `changed_by` of a lock, `event_type` of an event entity. */
  detail: string | null;
  /** Zigbee2MQTT `action_user` (raw, 0-based) and `action_source_name`. */
  user: number | null;
  source: string | null;
}

export type EventRecord = ZwaveRecord | ZhaRecord | StateRecord;
