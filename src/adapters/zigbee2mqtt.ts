// Zigbee2MQTT through HA's MQTT integration: the `action` of the lock's event entity (`event.*_action`,
// attribute event_type) or legacy action sensor, with `action_user` (raw 0-based ZCL id) and `action_source_name`;
// codes are read, set and cleared over MQTT through HA's MQTT integration (zigbee2mqtt.actions.ts). Shapes:
// shared/ha-reference.md §3.
import type { HassState } from '../model/ha.js';
import type { AccessEvent, AccessKind, AccessMethod, Lock } from '../model/lock.js';
import type { LockIndex } from '../model/lock.js';
import { StateTrack, type StateChange } from '../model/state-track.js';
import { access, intern, num, str, type LaterAccess, type LockCompanions, type Protocol, type StateRecord, table } from './protocol.js';

interface Z2mRecord extends StateRecord {
  p: 'zigbee2mqtt';
  /** `action_user` (raw, 0-based) and `action_source_name`, when the entity carries them. */
  user: number | null;
  source: string | null;
}

export const ACTIONS: Record<string, [AccessKind, AccessMethod | null]> = table({
  lock: ['lock', null],
  unlock: ['unlock', null],
  key_lock: ['lock', 'key'],
  key_unlock: ['unlock', 'key'],
  manual_lock: ['lock', 'manual'],
  manual_unlock: ['unlock', 'manual'],
  auto_lock: ['lock', 'auto'],
  one_touch_lock: ['lock', 'manual'],
  schedule_lock: ['lock', 'auto'],
  schedule_unlock: ['unlock', 'auto'],
  lock_failure_invalid_pin_or_id: ['failed', null],
  unlock_failure_invalid_pin_or_id: ['failed', null],
  pin_code_added: ['code_change', 'keypad'],
  pin_code_deleted: ['code_change', 'keypad'],
  pin_code_changed: ['code_change', 'keypad'],
  master_code_changed: ['code_change', 'keypad'],
});

const SOURCES: Record<string, AccessMethod> = table({
  keypad: 'keypad', rf: 'rf', manual: 'manual', rfid: 'rfid', fingerprint: 'fingerprint',
});

const NOT_AN_ACTION = new Set(['unknown', 'unavailable', '', 'None']);

const ACTION = '_action';
const isActionEntity = (entity: string, s: HassState | null) => entity.startsWith('event.')
  ? s?.attributes?.event_type !== undefined || entity.endsWith(ACTION)
  : entity.startsWith('sensor.') && entity.endsWith(ACTION);
const USER_SENSOR = '_action_user';
const SOURCE_SENSOR = '_action_source_name';
const isTracked = (entity: string) => entity.startsWith('sensor.') && (entity.endsWith(USER_SENSOR) || entity.endsWith(SOURCE_SENSOR));

/** The names this module gives its entities in `Lock.protocol_entities`. */
const ROLE = { action: 'action', user: 'action_user', source: 'action_source' } as const;
export const actionEntities = (lock: Lock): string[] => lock.protocol_entities[ROLE.action] ?? [];
const sensorOf = (lock: Lock, role: string): string | null => lock.protocol_entities[role]?.[0] ?? null;

/** The lock's action entities (its event entities, else its legacy action sensors) and its user and source sensors. */
function discover(_lock: HassState, related: HassState[]): LockCompanions {
  const events = related.filter((s) => s.entity_id.startsWith('event.') && isActionEntity(s.entity_id, s));
  const sensors = related.filter((s) => s.entity_id.startsWith('sensor.') && isActionEntity(s.entity_id, s));
  const sensor = (suffix: string) => related.filter((s) => s.entity_id.startsWith('sensor.') && s.entity_id.endsWith(suffix)).slice(0, 1).map((s) => s.entity_id);
  return {
    protocol_entities: {
      [ROLE.action]: (events.length ? events : sensors).map((s) => s.entity_id),
      [ROLE.user]: sensor(USER_SENSOR),
      [ROLE.source]: sensor(SOURCE_SENSOR),
    },
  };
}

/** The sensors of one MQTT message may be written a moment after the event entity. */
const SAME_MESSAGE_MS = 2000;

function methodAndSlot(kind: AccessKind, fixed: AccessMethod | null, user: number | null, source: string | null): [AccessMethod, number | null] {
  const method = fixed ?? (source ? SOURCES[source] : undefined) ?? 'unknown';
  const slotted = method === 'keypad' || method === 'rfid' || method === 'fingerprint' || kind === 'failed';
  return [method, slotted && user !== null ? user + 1 : null];
}

/** The action's access event, and whether its user and source sit in the lock's own action sensors (read at its time). */
function toAccess(r: Z2mRecord, lock: Lock): [AccessEvent, boolean] | null {
  const isEvent = r.entity.startsWith('event.');
  const action = isEvent ? r.detail : r.new;
  if (!action || NOT_AN_ACTION.has(action)) return null;
  // An event entity restored at start-up (no old state, or back from unavailable) reports no new action.
  if (isEvent && (r.new === null || NOT_AN_ACTION.has(r.new) || r.old === null || r.old === 'unavailable')) return null;
  const m = ACTIONS[action];
  if (!m) return null;
  const [kind, fixed] = m;
  const [method, slot] = methodAndSlot(kind, fixed, r.user, r.source);
  const e = access(lock.entity_id, r.t, kind, method, slot, kind !== 'failed', null, action, 'protocol');
  return [e, r.user === null && r.source === null && Boolean(sensorOf(lock, ROLE.user) || sensorOf(lock, ROLE.source))];
}

/**
 * Zigbee2MQTT's event entity carries only the action; `action_user` and `action_source_name` arrive as sensors of
 * the same device. Fills method and slot from those sensors' states at the action's moment (events may arrive in
 * any order, so this runs on the whole set before each evaluation).
 */
function enrich(events: LaterAccess, index: LockIndex, states: HassState[], tracks: Map<string, StateChange[]>): void {
  const cache = new Map<string, StateTrack>();
  const track = (id: string | null): StateTrack | null => {
    if (!id) return null;
    let t = cache.get(id);
    if (!t) {
      t = new StateTrack(states.find((s) => s.entity_id === id)?.state, tracks.get(id) ?? []);
      cache.set(id, t);
    }
    return t;
  };
  for (const row of events.later) {
    const e = events.at(row);
    const lock = index.byEntity.get(e.lock);
    const m = ACTIONS[e.label];
    if (!lock || !m) continue;
    const rawUser = track(sensorOf(lock, ROLE.user))?.at(e.time + SAME_MESSAGE_MS) ?? null;
    const user = rawUser !== null && /^\d+$/.test(rawUser) ? Number(rawUser) : null;
    const source = track(sensorOf(lock, ROLE.source))?.at(e.time + SAME_MESSAGE_MS) ?? null;
    events.setMethodSlot(row, ...methodAndSlot(m[0], m[1], user, source));
  }
}

/**
 * A Zigbee OTA file version is a 32-bit number that Zigbee2MQTT's update entity passes on in decimal (16777250); ZHA's
 * update entity and the Zigbee tools write it as 8 hex digits (0x01000022), as we show it. Anything else as reported.
 */
function formatFirmware(version: string): string {
  if (/^\d{6,10}$/.test(version)) {
    const n = Number(version);
    if (n > 0xffff && n <= 0xffffffff) return `0x${n.toString(16).padStart(8, '0')}`;
  }
  return version;
}

export const zigbee2mqtt: Protocol<Z2mRecord> = {
  id: 'zigbee2mqtt',
  title: 'Zigbee2MQTT',
  eventTypes: [],
  capabilities: { failures: true, tamper: false, lockout: false, jam: false, codes: 'read' },
  codesReadVia: 'read over MQTT',
  codesHiddenWhy: 'the PIN is not shown (Zigbee2MQTT\'s `expose_pin` option is off)',
  reportsThrough: { role: ROLE.action, missing: 'no action entity found' },
  formatFirmware,
  discover,

  recordState(entity, old, nu, t) {
    if (!isActionEntity(entity, nu ?? old)) return null;
    const a = nu?.attributes ?? {};
    const detail = str(a.event_type);
    return {
      p: 'zigbee2mqtt', t, entity,
      old: old ? intern(String(old.state)) : null,
      new: nu ? intern(String(nu.state)) : null,
      detail: detail === null ? null : intern(detail),
      user: num(a.action_user),
      source: str(a.action_source_name),
    };
  },
  tracksState: isTracked,

  toAccess(rec, index, emit) {
    if (rec.p !== 'zigbee2mqtt') return false;
    const r = rec as Z2mRecord;
    const lock = index.byRelated.get(r.entity);
    if (lock && actionEntities(lock).includes(r.entity)) {
      const a = toAccess(r, lock);
      if (a) emit(...a);
    }
    return true;
  },
  enrich,

  coverage: { refs: ['zigbee2mqtt'], signals: { failed: /failure_invalid/ } },
};
