// Zigbee2MQTT, what Lock Sentinel makes Home Assistant do (the protocol's reports are read in zigbee2mqtt.ts): alert
// triggers on the lock's action entities; codes read, set and cleared over MQTT through HA's MQTT integration
// (`mqtt.publish` to `zigbee2mqtt/<name>/get` and `/set`, the answers through the admin-only `mqtt/subscribe`).
// Loaded with the generator, the code services and the admin data reader only. Shapes: shared/ha-reference.md §3.
import type { Input } from '../model/automation.js';
import type { UsercodeResponse } from '../model/ha.js';
import type { Lock } from '../model/lock.js';
import {
  hasEntities, jinjaList, num, type CodeOptions, type CodesRead, type ProtocolActions, type ReadOptions, type ServiceCall, type Signal, type WsCall,
} from './protocol.js';
import { ACTIONS, actionEntities } from './zigbee2mqtt.js';

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

export const zigbee2mqttActions: ProtocolActions = {
  signals: { unlock: signal('unlock'), failed: signal('failed') },
  subject: (lock) => ({ actionEntities: actionEntities(lock) }),
  reportsUnlocks: (s) => (hasEntities(s.actionEntities) ? 'action_entities | count > 0' : null),
  describe: (t) => ({
    when: `${t}.platform == 'state' and ${t}.entity_id in action_entities`,
    method: `${JSON.stringify(DESCRIBED_METHODS)}.get(${actionOf(t)}, 'remote or keypad')`,
    slot: 'none',
  }),
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
