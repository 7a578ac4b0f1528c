// The lab's Zigbee lock, announced and driven exactly as Zigbee2MQTT 2.x does it
// (discovery shapes from zigbee2mqtt lib/extension/homeassistant.ts, exposes from zigbee-herdsman-converters),
// with `homeassistant.experimental_event_entities: true` so HA gets `event.back_door_action`.
// The lock answers `get`/`set` of `pin_code` as Z2M does (`z2mLock` below, run by lab/z2m-lock.mjs as a lab process).
// Not modelled: the bridge device (so no `via_device`), lock/unlock commands (nothing executes them) and the lock's
// programming events after a code change.
export const BASE = 'zigbee2mqtt';
export const FRIENDLY_NAME = 'back_door';
export const IEEE = '0x000d6f000a9069e7';
export const STATE_TOPIC = `${BASE}/${FRIENDLY_NAME}`;

const LOCK_ACTIONS = ['unknown', 'lock', 'unlock', 'lock_failure_invalid_pin_or_id', 'lock_failure_invalid_schedule',
  'unlock_failure_invalid_pin_or_id', 'unlock_failure_invalid_schedule', 'one_touch_lock', 'key_lock', 'key_unlock',
  'auto_lock', 'schedule_lock', 'schedule_unlock', 'manual_lock', 'manual_unlock', 'non_access_user_operational_event'];

const device = {
  identifiers: [`zigbee2mqtt_${IEEE}`],
  name: 'Back Door',
  model: 'Assure lock',
  model_id: 'YRD226HA2619',
  manufacturer: 'Yale',
  sw_version: '1.12',
  hw_version: 1,
};
const origin = { name: 'Zigbee2MQTT', sw: '2.6.0', url: 'https://www.zigbee2mqtt.io' };
const availability = [{ topic: `${BASE}/bridge/state`, value_template: '{{ value_json.state }}' }];

/** One discovery config per entity, as `homeassistant/<type>/<ieee>/<object_id>/config`. */
function entity(type, objectId, payload) {
  const suggested = objectId.startsWith(type) ? 'back_door' : `back_door_${objectId}`;
  return {
    topic: `homeassistant/${type}/${IEEE}/${objectId}/config`,
    payload: {
      ...payload,
      state_topic: STATE_TOPIC,
      object_id: suggested,
      default_entity_id: `${type}.${suggested}`,
      unique_id: `${IEEE}_${objectId}_${BASE}`,
      device,
      origin,
      availability,
    },
    retain: true,
  };
}

/** Z2M's action → event template, reduced to what it yields for lock actions (none matches its button/scene patterns). */
const ACTION_TEMPLATE = "{% set a = value_json.action|default('') %}{{ dict(event_type=a)|to_json if a else '{}' }}";

export function discoveryMessages() {
  return [
    entity('lock', 'lock', {
      name: null,
      command_topic: `${STATE_TOPIC}/set`,
      value_template: '{{ value_json["state"] }}',
      state_locked: 'LOCK',
      state_unlocked: 'UNLOCK',
    }),
    entity('sensor', 'battery', {
      name: 'Battery', device_class: 'battery', state_class: 'measurement', unit_of_measurement: '%',
      value_template: '{{ value_json.battery }}', enabled_by_default: true,
    }),
    entity('event', 'action', {
      name: 'Action', icon: 'mdi:gesture-double-tap', event_types: LOCK_ACTIONS, value_template: ACTION_TEMPLATE,
    }),
    entity('sensor', 'action_source_name', {
      name: 'Action source name', value_template: '{{ value_json.action_source_name }}', enabled_by_default: true,
    }),
    entity('sensor', 'action_user', {
      name: 'Action user', value_template: '{{ value_json.action_user }}', enabled_by_default: true,
    }),
    entity('update', 'update', {
      name: null,
      device_class: 'firmware',
      entity_category: 'config',
      command_topic: `${BASE}/bridge/request/device/ota_update/update`,
      payload_install: `{"id": "${IEEE}"}`,
      value_template: "{\"latest_version\":\"{{ value_json['update']['latest_version'] }}\",\"installed_version\":\"{{ value_json['update']['installed_version'] }}\",\"update_percentage\":{{ value_json['update'].get('progress', 'null') }},\"in_progress\":{{ (value_json['update']['state'] == 'updating')|lower }}}",
    }),
  ];
}

/**
 * Z2M's legacy action sensor (`sensor.back_door_action`), which Z2M clears (publishes `action: ""`) right after each
 * action. Not announced at start (the lab's lock has the event entity); a test announces it, unretained, and removes
 * it with `removeLegacyActionSensor()`.
 */
export function legacyActionSensor() {
  const m = entity('sensor', 'action', { name: 'Action', icon: 'mdi:gesture-double-tap', value_template: '{{ value_json.action }}', enabled_by_default: true });
  return { ...m, retain: false };
}

export function removeLegacyActionSensor() {
  return { topic: legacyActionSensor().topic, payload: '', retain: false };
}

/** The lock's state when the lab starts: locked, healthy battery, a newer firmware offered. */
export const INITIAL_STATE = {
  state: 'LOCK',
  lock_state: 'locked',
  battery: 85,
  battery_low: false,
  linkquality: 120,
  update: { state: 'available', installed_version: 16777241, latest_version: 16777250 },
};

export function bridgeOnline() {
  return { topic: `${BASE}/bridge/state`, payload: { state: 'online' }, retain: true };
}

/**
 * A state publish as Z2M sends it: the device's full cached state plus what changed. The lab runs the device with
 * Z2M's per-device `retain: true` for plain state (so HA restarts see it); messages carrying an `action` go unretained.
 */
export function stateMessage(state) {
  return { topic: STATE_TOPIC, payload: state, retain: !('action' in state) };
}

// ---- codes: Z2M's `pin_code` converters (zigbee-herdsman-converters toZigbee `pincode_lock`, fromZigbee
// `lock_pin_code_response`) in front of a lock holding codes by ZCL user id (0-based; Lock Sentinel's slot = user + 1).

/** Z2M's `pinCodeCount` for this Yale (herdsman-converters yale.ts `lockExtend`): user ids 0-249. */
export const PIN_CODE_COUNT = 250;
/** Z2M's per-device `expose_pin` option, on in the lab: answers carry the PIN. */
export const EXPOSE_PIN = true;
/** The lock's codes when the lab starts, by Z2M user id: lab fixtures, user 1 (slot 2) deliberately weak. */
export const PRESET_CODES = Object.freeze({ 0: '739164', 1: '2580', 3: '614982' });

/** ZCL user status → Z2M's name (herdsman-converters constants `lockUserStatus`). */
const USER_STATUS = { 0: 'available', 1: 'enabled', 3: 'disabled' };

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Z2M's state cache update (`object-assign-deep`): nested objects merge, so a cleared user keeps its old `pin_code`. */
function mergeDeep(into, update) {
  for (const [k, v] of Object.entries(update)) {
    into[k] = isObject(v) && isObject(into[k]) ? mergeDeep({ ...into[k] }, v) : isObject(v) ? mergeDeep({}, v) : v;
  }
  return into;
}

/**
 * The lab lock as Z2M presents it: `handle(topic, payload)` returns the state messages Z2M publishes in answer.
 * `get {"pin_code": {"user": N}}` answers with the full cached state carrying `users.N` (`pin_code` only with
 * `expose_pin`); `get {"pin_code": ""}` asks every user; `set` with a `pin_code` sets it, `pin_code: null` clears;
 * a set publishes nothing (the converter returns no state). State others publish on the device topic joins the cache.
 */
export function z2mLock({ exposePin = EXPOSE_PIN, codes = PRESET_CODES, count = PIN_CODE_COUNT } = {}) {
  const lock = new Map(Object.entries(codes).map(([u, pin]) => [Number(u), { status: 1, pin }]));
  let cache = { ...INITIAL_STATE };
  const inRange = (u) => Number.isInteger(u) && u >= 0 && u <= count - 1;
  const answer = (u) => {
    const slot = lock.get(u) ?? { status: 0, pin: '' };
    const user = { status: USER_STATUS[slot.status] ?? `not_supported_${slot.status}` };
    if (exposePin && slot.pin) user.pin_code = slot.pin;
    cache = mergeDeep({ ...cache }, { users: { [String(u)]: user } });
    return stateMessage(cache);
  };
  return {
    /** What the lock holds now (for tests of the lab itself). */
    codes: () => new Map([...lock].map(([u, s]) => [u, s.pin])),
    handle(topic, payload) {
      let msg;
      try { msg = JSON.parse(payload); } catch { return []; }
      if (!isObject(msg)) return [];
      if (topic === STATE_TOPIC) {
        const state = Object.fromEntries(Object.entries(msg).filter(([k]) => !k.startsWith('action')));
        cache = mergeDeep({ ...cache }, state);
        return [];
      }
      if (!('pin_code' in msg)) return [];
      const v = msg.pin_code;
      if (topic === `${STATE_TOPIC}/get`) {
        const user = isObject(v) ? v.user : undefined;
        if (user === undefined) return [...Array(count).keys()].map(answer);
        return inRange(user) ? [answer(user)] : [];
      }
      if (topic === `${STATE_TOPIC}/set` && isObject(v) && inRange(v.user)) {
        if (v.pin_code === null || v.pin_code === undefined) lock.delete(v.user);
        else lock.set(v.user, { status: v.user_enabled === false ? 3 : 1, pin: String(v.pin_code) });
      }
      return [];
    },
  };
}
