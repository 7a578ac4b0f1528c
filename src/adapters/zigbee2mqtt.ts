// Zigbee2MQTT through HA's MQTT integration: the `action` of the lock's event entity (`event.*_action`,
// attribute event_type) or legacy action sensor, with `action_user` (raw 0-based ZCL id) and `action_source_name`;
// codes are set and cleared by publishing to `zigbee2mqtt/<name>/set`. Shapes: shared/ha-reference.md §3.
import type { Input } from '../model/automation.js';
import type { HassState } from '../model/ha.js';
import type { AccessEvent, AccessKind, AccessMethod, Lock } from '../model/lock.js';
import type { LockIndex } from './discovery.js';
import { StateTrack, type StateChange } from './state-track.js';
import {
  access, hasEntities, intern, jinjaList, num, str, type CodeOptions, type LaterAccess, type Protocol, type ServiceCall, type Signal, type StateRecord, table } from './protocol.js';

interface Z2mRecord extends StateRecord {
  p: 'zigbee2mqtt';
  /** `action_user` (raw, 0-based) and `action_source_name`, when the entity carries them. */
  user: number | null;
  source: string | null;
}

const ACTIONS: Record<string, [AccessKind, AccessMethod | null]> = table({
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

const isActionEntity = (entity: string, s: HassState | null) => entity.startsWith('event.')
  ? s?.attributes?.event_type !== undefined || entity.endsWith('_action')
  : entity.startsWith('sensor.') && entity.endsWith('_action');
const USER_SENSOR = '_action_user';
const SOURCE_SENSOR = '_action_source_name';
const isTracked = (entity: string) => entity.startsWith('sensor.') && (entity.endsWith(USER_SENSOR) || entity.endsWith(SOURCE_SENSOR));

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
  return [e, r.user === null && r.source === null && Boolean(lock.action_user_entity || lock.action_source_entity)];
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
    const rawUser = track(lock.action_user_entity ?? null)?.at(e.time + SAME_MESSAGE_MS) ?? null;
    const user = rawUser !== null && /^\d+$/.test(rawUser) ? Number(rawUser) : null;
    const source = track(lock.action_source_entity ?? null)?.at(e.time + SAME_MESSAGE_MS) ?? null;
    events.setMethodSlot(row, ...methodAndSlot(m[0], m[1], user, source));
  }
}

/** Method per action for alert texts: the action's own, and a wrong PIN or ID is entered at the keypad. */
const DESCRIBED_METHODS = Object.fromEntries(Object.entries(ACTIONS).flatMap(([a, [kind, m]]) =>
  (m ? [[a, m]] : kind === 'failed' ? [[a, 'keypad']] : [])));

const actions = (signal: Signal) => Object.keys(ACTIONS).filter((a) => ACTIONS[a][0] === signal);
const actionOf = (t: string) => `(${t}.to_state.attributes.event_type if ${t}.entity_id.startswith('event.') else ${t}.to_state.state)`;

function signal(name: Signal) {
  return {
    triggers: (s: { actionEntities: string[] | Input }) =>
      hasEntities(s.actionEntities) ? [{ trigger: 'state', entity_id: s.actionEntities }] : [],
    test: (s: { actionEntities: string[] | Input }, t: string) => hasEntities(s.actionEntities)
      ? `${t}.platform == 'state' and ${t}.entity_id in action_entities and ${t}.from_state is not none`
        + ` and ${t}.from_state.state != 'unavailable' and ${t}.to_state is not none and ${actionOf(t)} in ${jinjaList(actions(name))}`
      : null,
  };
}

/** The device's MQTT topic name; the registry's device name, else the lock's name. */
function topicName(lock: Lock, options: CodeOptions): string {
  const name = (options.mqttName ?? lock.name).trim();
  if (!name || /[#+]/.test(name)) throw new Error(`Lock ${lock.entity_id} has no usable Zigbee2MQTT name`);
  return name;
}

/** Zigbee2MQTT takes the raw 0-based ZCL user id. */
const publish = (lock: Lock, options: CodeOptions, pinCode: Record<string, unknown>): ServiceCall => ({
  domain: 'mqtt', service: 'publish',
  service_data: { topic: `zigbee2mqtt/${topicName(lock, options)}/set`, payload: JSON.stringify({ pin_code: pinCode }) },
});

export const zigbee2mqtt: Protocol<Z2mRecord> = {
  id: 'zigbee2mqtt',
  title: 'Zigbee2MQTT',
  platforms: ['mqtt'],
  eventTypes: [],
  capabilities: { failures: true, tamper: false, lockout: false, jam: false, codes: 'write-only' },

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
    if (lock && lock.action_entities.includes(r.entity)) {
      const a = toAccess(r, lock);
      if (a) emit(...a);
    }
    return true;
  },
  enrich,

  signals: { unlock: signal('unlock'), failed: signal('failed') },
  reportsUnlocks: (s) => (hasEntities(s.actionEntities) ? 'action_entities | count > 0' : null),
  describe: (t) => ({
    when: `${t}.platform == 'state' and ${t}.entity_id in action_entities`,
    method: `${JSON.stringify(DESCRIBED_METHODS)}.get(${actionOf(t)}, 'remote or keypad')`,
    slot: 'none',
  }),
  coverage: { refs: ['zigbee2mqtt'], signals: { failed: /failure_invalid/ } },
  inputs: [{
    name: 'action_entities',
    config: {
      name: 'Zigbee2MQTT action entities',
      description: 'Zigbee2MQTT locks only: the lock\'s action event or sensor entity.',
      default: [],
      selector: { entity: { multiple: true, filter: [{ domain: ['event', 'sensor'] }] } },
    },
  }],
  codes: {
    set: (lock, slot, pin, options = {}) => publish(lock, options, { user: slot - 1, user_type: 'unrestricted', user_enabled: true, pin_code: pin }),
    clear: (lock, slot, options = {}) => publish(lock, options, { user: slot - 1, pin_code: null }),
  },
};
