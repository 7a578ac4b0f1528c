import type { HassEvent, HassState } from '../model/ha.js';
import type { AccessEvent } from '../model/lock.js';
import type { LockIndex } from '../adapters/discovery.js';
import { deriveRecord } from '../adapters/timeline.js';
import { parseTime } from '../time/zone.js';
import type { StateChange } from '../adapters/state-track.js';
import type { EventRecord, StateRecord } from './records.js';
import { Dedup } from './dedup.js';
import { Coverage } from '../time/coverage.js';

const strings = new Map<string, string>();
/** One shared copy per distinct id string (entity and device ids repeat millions of times). */
function intern(s: string): string {
  let v = strings.get(s);
  if (v === undefined) {
    if (strings.size > 100_000) strings.clear();
    strings.set(s, s);
    v = s;
  }
  return v;
}

const num = (v: unknown): number | null => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Which state changes the rules read: locks, persons, Zigbee2MQTT action entities, problem sensors. */
function keepsState(entity: string, s: HassState | null): boolean {
  const domain = entity.slice(0, entity.indexOf('.'));
  switch (domain) {
    case 'lock':
    case 'person':
      return true;
    case 'event':
      return s?.attributes?.event_type !== undefined || entity.endsWith('_action');
    case 'sensor':
      return entity.endsWith('_action') || entity.endsWith('_action_user') || entity.endsWith('_action_source_name');
    case 'binary_sensor':
      return s?.attributes?.device_class === 'tamper' || s?.attributes?.device_class === 'problem'
        || /_(lock_)?jam(med)?$|_keypad_temporar(y|ily)_disabled$/.test(entity);
    default:
      return false;
  }
}

/** Turns one raw HA event into a compact record, or null when no rule needs it. Throws on a malformed event. */
/** `t`: the event's time when the caller parsed it already. */
export function toRecord(e: HassEvent, t?: number): EventRecord | null {
  if (!e || typeof e !== 'object' || typeof e.event_type !== 'string') throw new TypeError('event without event_type');
  t ??= parseTime(e.time_fired);
  if (Number.isNaN(t)) throw new TypeError(`event ${e.event_type} has no readable time_fired`);
  const d = (e.data ?? {}) as Record<string, unknown>;
  switch (e.event_type) {
    case 'zwave_js_notification': {
      if (typeof d.device_id !== 'string' || d.command_class !== 113 && d.command_class !== undefined) return null;
      const type = num(d.type), event = num(d.event);
      if (type === null || event === null) return null;
      const params = (d.parameters ?? {}) as Record<string, unknown>;
      return { k: 'zwave', t, device: intern(d.device_id), type, event, userId: num(params.userId), label: str(d.event_label) ?? '' };
    }
    case 'zha_event': {
      if (d.command !== 'operation_event_notification' || typeof d.device_id !== 'string') return null;
      const args = (d.args ?? {}) as Record<string, unknown>;
      return {
        k: 'zha', t, device: intern(d.device_id), operation: intern(str(args.operation) ?? ''),
        source: intern(str(args.source) ?? ''), slot: num(args.code_slot),
      };
    }
    case 'state_changed': {
      const entity = str(d.entity_id);
      const nu = (d.new_state ?? null) as HassState | null;
      const old = (d.old_state ?? null) as HassState | null;
      if (!entity || !keepsState(entity, nu ?? old)) return null;
      return stateRecord(t, intern(entity), old, nu);
    }
    default:
      return null;
  }
}

function stateRecord(t: number, entity: string, old: HassState | null, nu: HassState | null): StateRecord {
  const a = nu?.attributes ?? {};
  const detail = str(a.changed_by) ?? str(a.event_type) ?? null;
  return {
    k: 'state', t, entity,
    old: old ? intern(String(old.state)) : null,
    new: nu ? intern(String(nu.state)) : null,
    detail: detail === null ? null : intern(detail),
    user: num(a.action_user),
    source: str(a.action_source_name),
  };
}

/**
 * What the engine keeps of an event stream: once bound to the house's locks, each event is turned into access
 * events (or a person's change) as it arrives and the raw payload is dropped. Events met before the locks are
 * known (a JSON snapshot may list events before its registries) wait as compact records until `bind`.
 */
export class EventStore {
  /** Access events in arrival order (the timeline sorts them). */
  readonly access: AccessEvent[] = [];
  /** State changes of entities read as a state over time: persons, Zigbee2MQTT action user/source sensors. */
  readonly tracks = new Map<string, StateChange[]>();
  /** Earliest time of any event seen (even ones no rule keeps): how far back the history reaches. */
  earliest = Infinity;
  latest = -Infinity;
  total = 0;
  /** Changes whenever something a rule reads was added. */
  version = 0;
  /** Which days the events cover: the history window (src/time/coverage.ts). */
  readonly coverage = new Coverage();
  private readonly dedup = new Dedup();
  private index: LockIndex | null = null;
  private pending: EventRecord[] = [];
  private readonly emit = (e: AccessEvent) => { this.access.push(e); };

  /** Reads further events against `index` (the house's locks as they are now); events already read stay. */
  bind(index: LockIndex): void {
    this.index = index;
    for (const r of this.pending) this.keep(r);
    this.pending = [];
  }

  add(e: HassEvent): void {
    if (e && typeof e === 'object' && !this.dedup.first(e)) return;
    const t = parseTime(e?.time_fired);
    const r = toRecord(e, t);
    this.total++;
    this.coverage.add(t);
    if (t < this.earliest) this.earliest = t;
    if (t > this.latest) this.latest = t;
    if (!r) return;
    this.version++;
    if (this.index) this.keep(r);
    else this.pending.push(r);
  }

  private keep(r: EventRecord): void {
    if (r.k === 'state' && (r.entity.startsWith('person.') || r.entity.endsWith('_action_user') || r.entity.endsWith('_action_source_name'))) {
      const list = this.tracks.get(r.entity);
      // Attribute-only updates (a phone's GPS while away) change nothing here once the track has begun.
      if (list && r.old === r.new) return;
      const change = { t: r.t, old: r.old, new: r.new };
      if (list) list.push(change); else this.tracks.set(r.entity, [change]);
    } else if (this.index) {
      deriveRecord(r, this.index, this.emit);
    }
  }
}
