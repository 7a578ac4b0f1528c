// What the engine keeps of an event stream. Each protocol (adapters/index.ts) recognises its own events and state
// changes and turns them into compact records; raw payloads are dropped at once, so millions of events stay bounded.
import type { HassEvent, HassState } from '../model/ha.js';
import type { LockIndex } from '../model/lock.js';
import { deriveRecord, PROTOCOLS } from '../adapters/index.js';
import { intern, type Emit, type StoredRecord } from '../adapters/protocol.js';
import type { StateChange } from '../model/state-track.js';
import { parseTime } from '../time/zone.js';
import { Dedup } from './dedup.js';
import { Coverage } from '../time/coverage.js';
import { AccessLog } from './access-log.js';

/** A state read as a state over time (persons; protocols' companion sensors): not an access event. */
interface TrackRecord {
  track: true;
  t: number;
  entity: string;
  old: string | null;
  new: string | null;
}

type Kept = StoredRecord | TrackRecord;

const isTrack = (r: Kept): r is TrackRecord => 'track' in r;
const tracked = (entity: string) => entity.startsWith('person.') || PROTOCOLS.some((p) => p.tracksState?.(entity));

/** Turns one raw HA event into a compact record, or null when no protocol reads it. Throws on a malformed event. */
/** `t`: the event's time when the caller parsed it already. */
export function toRecord(e: HassEvent, t?: number): Kept | null {
  if (!e || typeof e !== 'object' || typeof e.event_type !== 'string') throw new TypeError('event without event_type');
  t ??= parseTime(e.time_fired);
  if (Number.isNaN(t)) throw new TypeError(`event ${e.event_type} has no readable time_fired`);
  if (e.event_type !== 'state_changed') {
    for (const p of PROTOCOLS) {
      if (!p.eventTypes.includes(e.event_type)) continue;
      const r = p.recordEvent?.(e, t);
      if (r) return r;
    }
    return null;
  }
  const d = (e.data ?? {}) as Record<string, unknown>;
  const entity = typeof d.entity_id === 'string' ? intern(d.entity_id) : null;
  if (!entity) return null;
  const nu = (d.new_state ?? null) as HassState | null;
  const old = (d.old_state ?? null) as HassState | null;
  if (tracked(entity)) {
    return { track: true, t, entity, old: old ? intern(String(old.state)) : null, new: nu ? intern(String(nu.state)) : null };
  }
  for (const p of PROTOCOLS) {
    const r = p.recordState?.(entity, old, nu, t);
    if (r) return r;
  }
  return null;
}

/**
 * Once bound to the house's locks, each event is turned into access events (or a tracked state's change) as it
 * arrives. Events met before the locks are known (a JSON snapshot may list events before its registries) wait as
 * compact records until `bind`.
 */
export class EventStore {
  /** Access events in arrival order, column by column (the timeline sorts them). */
  readonly access = new AccessLog();
  /** State changes of entities read as a state over time: persons, Zigbee2MQTT action user/source sensors. */
  readonly tracks = new Map<string, StateChange[]>();
  /** Earliest time of any event seen (even ones no rule keeps): how far back the history reaches. */
  earliest = Infinity;
  total = 0;
  /** Changes whenever something a rule reads was added. */
  version = 0;
  /** Which days the events cover: the history window (src/time/coverage.ts). */
  readonly coverage = new Coverage();
  private readonly dedup = new Dedup();
  private index: LockIndex | null = null;
  private pending: StoredRecord[] = [];
  private readonly emit: Emit = (e, later) => { this.access.push(e, later); };

  /** Reads further events against `index` (the house's locks as they are now); events already read stay. */
  bind(index: LockIndex): void {
    this.index = index;
    for (const r of this.pending) deriveRecord(r, index, this.emit);
    this.pending = [];
  }

  add(e: HassEvent): void {
    if (e && typeof e === 'object' && !this.dedup.first(e)) return;
    const t = parseTime(e?.time_fired);
    const r = toRecord(e, t);
    this.total++;
    this.coverage.add(t);
    if (t < this.earliest) this.earliest = t;
    if (!r) return;
    this.version++;
    if (isTrack(r)) this.keepTrack(r);
    else if (this.index) deriveRecord(r, this.index, this.emit);
    else this.pending.push(r);
  }

  private keepTrack(r: TrackRecord): void {
    const list = this.tracks.get(r.entity);
    // Attribute-only updates (a phone's GPS while away) change nothing here once the track has begun.
    if (list && r.old === r.new) return;
    const change = { t: r.t, old: r.old, new: r.new };
    if (list) list.push(change); else this.tracks.set(r.entity, [change]);
  }
}
