// Zigbee2MQTT through HA's MQTT integration: the `action` of the lock's event entity (`event.*_action`,
// attribute event_type) or legacy action sensor, with `action_user` (raw 0-based ZCL id) and `action_source_name`;
// codes are read, set and cleared over MQTT through HA's MQTT integration (`mqtt.publish` to `zigbee2mqtt/<name>/get`
// and `/set`, the answers through the admin-only `mqtt/subscribe`). Shapes: shared/ha-reference.md §3.
import type { Input } from '../model/automation.js';
import type { HassState, UsercodeResponse } from '../model/ha.js';
import type { AccessEvent, AccessKind, AccessMethod, Lock } from '../model/lock.js';
import type { LockIndex } from '../model/lock.js';
import { StateTrack, type StateChange } from '../model/state-track.js';
import {
  access, hasEntities, intern, jinjaList, num, str, type CodeOptions, type CodesRead, type LaterAccess, type LockCompanions, type Protocol, type ReadOptions, type ServiceCall,
  type Signal, type StateRecord, type WsCall, table } from './protocol.js';

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

const ACTION = '_action';
const isActionEntity = (entity: string, s: HassState | null) => entity.startsWith('event.')
  ? s?.attributes?.event_type !== undefined || entity.endsWith(ACTION)
  : entity.startsWith('sensor.') && entity.endsWith(ACTION);
const USER_SENSOR = '_action_user';
const SOURCE_SENSOR = '_action_source_name';
const isTracked = (entity: string) => entity.startsWith('sensor.') && (entity.endsWith(USER_SENSOR) || entity.endsWith(SOURCE_SENSOR));

/** The names this module gives its entities in `Lock.protocol_entities`. */
const ROLE = { action: 'action', user: 'action_user', source: 'action_source' } as const;
const actionEntities = (lock: Lock): string[] => lock.protocol_entities[ROLE.action] ?? [];
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

// ---- codes over MQTT (zigbee-herdsman-converters: toZigbee `pincode_lock`, fromZigbee `lock_pin_code_response`) ----

const BASE_TOPIC = 'zigbee2mqtt';
/**
 * Slots read when the lock does not say how many it has: Z2M's generic lock definition knows `pinCodeCount` (from
 * the lock's numOfPinUsersSupported) but publishes it nowhere; Z-Wave reads as many when a lock does not say.
 */
export const SLOTS_READ = 30;
/** The most slots read when the lock says it has more (the product's slot range). */
export const MAX_SLOTS = 254;
/**
 * State fields in which some lock definitions publish numOfPinUsersSupported (zigbee-herdsman-converters: Onesti
 * easyCodeTouch / Nimly expose `max_pin_users`; later versions name it `num_pin_users`).
 */
const PIN_USERS_FIELDS = ['num_pin_users', 'max_pin_users'];
/** How long the lock has to answer the first `get` (a lock that does not is not read), then each next one. */
const FIRST_ANSWER_MS = 5000;
const ANSWER_MS = 3000;

/** One user of Z2M's state `users` (ZCL user id as the key). `pin_code` only with the device's `expose_pin` option. */
export interface Z2mUser {
  status: string;
  pin_code?: string;
}

/** How many PIN users the lock says it has, from a Z2M state message (null: it does not say). */
export function pinUsersOf(payload: string): number | null {
  let msg: unknown;
  try { msg = JSON.parse(payload); } catch { return null; }
  if (typeof msg !== 'object' || msg === null) return null;
  for (const field of PIN_USERS_FIELDS) {
    const n = num((msg as Record<string, unknown>)[field]);
    if (n !== null && Number.isSafeInteger(n) && n > 0) return n;
  }
  return null;
}

/** The `users` of a Z2M state message, by 0-based user id; null when it carries none (or is no JSON object). */
export function parseUsers(payload: string): Map<number, Z2mUser> | null {
  let msg: unknown;
  try { msg = JSON.parse(payload); } catch { return null; }
  const users = (msg as { users?: unknown } | null)?.users;
  if (typeof users !== 'object' || users === null || Array.isArray(users)) return null;
  const out = new Map<number, Z2mUser>();
  for (const [id, v] of Object.entries(users as Record<string, unknown>)) {
    if (!/^\d+$/.test(id) || typeof v !== 'object' || v === null) continue;
    const { status, pin_code } = v as { status?: unknown; pin_code?: unknown };
    if (typeof status !== 'string') continue;
    const pin = typeof pin_code === 'string' || typeof pin_code === 'number' ? String(pin_code) : undefined;
    out.set(Number(id), pin === undefined ? { status } : { status, pin_code: pin });
  }
  return out;
}

/**
 * Z2M's users as slots (slot = user + 1) for the first `slots` slots. `available` is an empty slot; every other status
 * (`enabled`, `disabled`) holds a code, whose PIN is known only if Z2M showed it (its cache keeps a cleared user's
 * old `pin_code` beside `available`, so that is never read as a code).
 */
export function usercodesOf(users: Map<number, Z2mUser>, slots: number): UsercodeResponse {
  const out: UsercodeResponse = {};
  for (let slot = 1; slot <= slots; slot++) {
    const u = users.get(slot - 1);
    const inUse = u !== undefined && u.status !== 'available';
    out[String(slot)] = { usercode: inUse ? (u.pin_code ?? '').trim() : '', in_use: inUse };
  }
  return out;
}

interface DebugInfo {
  entities?: { entity_id?: string; discovery_data?: { payload?: unknown } }[];
}

/** `~` abbreviation of MQTT discovery, where a payload still carries it. */
const expand = (topic: unknown, base: unknown): string | null =>
  typeof topic !== 'string' ? null : typeof base === 'string' ? topic.replace(/^~|~$/, base) : topic;

/**
 * The device's Zigbee2MQTT topic (`zigbee2mqtt/<friendly name>`) from the lock's discovery config as HA's MQTT
 * integration keeps it (`mqtt/device/debug_info`): its command topic is that topic plus `/set`. Null when HA does not say.
 */
export async function deviceTopic(call: WsCall, lock: Pick<Lock, 'entity_id' | 'device_id'>): Promise<string | null> {
  if (!lock.device_id) return null;
  const info = await call<DebugInfo>({ type: 'mqtt/device/debug_info', device_id: lock.device_id }).catch(() => null);
  const payload = info?.entities?.find((e) => e.entity_id === lock.entity_id)?.discovery_data?.payload;
  if (typeof payload !== 'object' || payload === null) return null;
  const p = payload as Record<string, unknown>;
  const command = expand(p.command_topic ?? p.cmd_t, p['~']);
  const topic = command?.endsWith('/set') ? command.slice(0, -'/set'.length) : expand(p.state_topic ?? p.stat_t, p['~']);
  return topic && !/[#+]/.test(topic) ? topic : null;
}

/** The device's MQTT topic: as HA knows it, else built from the registry's device name or the lock's name. */
function topicOf(lock: Lock, options: CodeOptions): string {
  if (options.mqttTopic) return options.mqttTopic;
  const name = (options.deviceName ?? lock.name).trim();
  if (!name || /[#+]/.test(name)) throw new Error(`Lock ${lock.entity_id} has no usable Zigbee2MQTT name`);
  return `${BASE_TOPIC}/${name}`;
}

/** Zigbee2MQTT takes the raw 0-based ZCL user id. */
const publish = (lock: Lock, options: CodeOptions, pinCode: Record<string, unknown>): ServiceCall => ({
  domain: 'mqtt', service: 'publish',
  service_data: { topic: `${topicOf(lock, options)}/set`, payload: JSON.stringify({ pin_code: pinCode }) },
});

interface MqttMessage {
  topic: string;
  payload: string;
  retain?: boolean;
}

/**
 * Reads the lock's slots: for each, `{"pin_code": {"user": N}}` on `<topic>/get` through `mqtt.publish`; the lock
 * answers in its next state message under `users.N`, received through HA's `mqtt/subscribe` (admins only). Messages
 * flagged retained are replays of older state, not answers. As many slots as the lock says it has (in any state
 * message, up to MAX_SLOTS), else SLOTS_READ; `range` says when that is not every slot. Null when the lock does not
 * answer every slot in time.
 */
export async function readOverMqtt(call: WsCall, lock: Pick<Lock, 'entity_id' | 'device_id'>, options: ReadOptions = {}): Promise<CodesRead | null> {
  const subscribe = options.subscribe;
  if (!subscribe) return null;
  const topic = await deviceTopic(call, lock);
  if (!topic) return null;
  const users = new Map<number, Z2mUser>();
  let total: number | null = null;
  let waiting: { user: number; done: () => void } | null = null;
  const unsubscribe = await subscribe<MqttMessage>({ type: 'mqtt/subscribe', topic }, (m) => {
    if (typeof m.payload !== 'string') return;
    // The slot count is a fact of the lock: a retained state tells it as well as a fresh one.
    total = pinUsersOf(m.payload) ?? total;
    if (m.retain) return;
    const got = parseUsers(m.payload);
    if (!got) return;
    for (const [u, v] of got) users.set(u, v);
    if (waiting && got.has(waiting.user)) waiting.done();
  });
  const slots = () => Math.min(total ?? SLOTS_READ, MAX_SLOTS);
  try {
    for (let user = 0; user < slots(); user++) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const answered = new Promise<boolean>((resolve) => {
        waiting = { user, done: () => resolve(true) };
        timer = setTimeout(() => resolve(false), options.answerMs ?? (user === 0 ? FIRST_ANSWER_MS : ANSWER_MS));
      });
      await call({
        type: 'call_service', domain: 'mqtt', service: 'publish',
        service_data: { topic: `${topic}/get`, payload: JSON.stringify({ pin_code: { user } }) },
      });
      const ok = await answered;
      clearTimeout(timer);
      if (!ok) return null;
    }
  } finally {
    waiting = null;
    await unsubscribe().catch(() => undefined);
  }
  const read = slots();
  const codes = usercodesOf(users, read);
  return total !== null && total <= read ? { codes } : { codes, range: { read, total } };
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
  platforms: ['mqtt'],
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

  signals: { unlock: signal('unlock'), failed: signal('failed') },
  subject: (lock) => ({ actionEntities: actionEntities(lock) }),
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
    read: readOverMqtt,
    options: async (call, lock) => {
      const topic = await deviceTopic(call, lock);
      return topic ? { mqttTopic: topic } : {};
    },
    set: (lock, slot, pin, options = {}) => publish(lock, options, { user: slot - 1, user_type: 'unrestricted', user_enabled: true, pin_code: pin }),
    clear: (lock, slot, options = {}) => publish(lock, options, { user: slot - 1, pin_code: null }),
  },
};
