// The lab's Zigbee lock, announced and driven exactly as Zigbee2MQTT 2.x does it
// (discovery shapes from zigbee2mqtt lib/extension/homeassistant.ts, exposes from zigbee-herdsman-converters),
// with `homeassistant.experimental_event_entities: true` so HA gets `event.back_door_action`.
// Not modelled: the bridge device (so no `via_device`) and Z2M's answers to commands (nothing executes lock/unlock).
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
