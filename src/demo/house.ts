// The embedded demo home: a Z-Wave front door, a ZHA back door, a Zigbee2MQTT garage, two persons and
// 120 days of events in Home Assistant's own shapes, with a few real problems. Deterministic.
import type { HassEvent, HassState, Snapshot } from '../model/ha.js';

const CAPTURED_AT = Date.parse('2026-11-20T19:00:00Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MIN = 60_000;
const DAYS = 120;

/** A small deterministic PRNG (mulberry32): the demo and the synthetic benchmarks stay the same run to run. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const state = (entity_id: string, s: string, attributes: Record<string, unknown>, changed = CAPTURED_AT - 2 * HOUR): HassState => ({
  entity_id, state: s, attributes, last_changed: iso(changed), last_updated: iso(changed),
  context: { id: `ctx-${entity_id}`, parent_id: null, user_id: null },
});

const DEV = { front: 'a1f0c3d2e4b5a6978812', back: 'b2e1d4c3f5a6b7089923', garage: 'c3d2e5f4a6b7c8190a34' };

class EventLog {
  readonly events: HassEvent[] = [];
  private lockState: Record<string, string> = { 'lock.front_door': 'locked', 'lock.back_door': 'locked', 'lock.garage_door': 'locked' };
  private personState: Record<string, string> = { 'person.alex': 'home', 'person.sam': 'home' };
  private n = 0;

  private push(event_type: string, t: number, data: Record<string, unknown>) {
    this.events.push({ event_type, data, origin: 'LOCAL', time_fired: iso(t), context: { id: `demo${(this.n++).toString(36)}`, parent_id: null, user_id: null } });
  }

  stateChange(entity: string, t: number, to: string, attributes: Record<string, unknown>, from?: string) {
    const old = from ?? (entity.startsWith('lock.') ? this.lockState[entity] : this.personState[entity]) ?? 'unknown';
    if (entity.startsWith('lock.')) this.lockState[entity] = to;
    if (entity.startsWith('person.')) this.personState[entity] = to;
    this.push('state_changed', t, {
      entity_id: entity,
      old_state: state(entity, old, attributes, t - HOUR),
      new_state: state(entity, to, attributes, t),
    });
  }

  person(id: string, t: number, to: 'home' | 'not_home') {
    if (this.personState[id] !== to) this.stateChange(id, t, to, { friendly_name: id === 'person.alex' ? 'Alex' : 'Sam', source: `device_tracker.${id.slice(7)}_phone` });
  }

  private lockEntity(lock: string, t: number, to: 'locked' | 'unlocked') {
    if (this.lockState[lock] !== to) this.stateChange(lock, t + 1500, to, { friendly_name: NAMES[lock] });
  }

  zwave(t: number, type: number, event: number, label: string, userId?: number) {
    this.push('zwave_js_notification', t, {
      domain: 'zwave_js', node_id: 12, home_id: 3990524357, endpoint: 0, device_id: DEV.front, command_class: 113,
      command_class_name: 'Notification', label: type === 6 ? 'Access Control' : 'Home Security', type, event, event_label: label,
      parameters: userId === undefined ? {} : { userId },
    });
    if (type === 6 && (event === 6 || event === 2)) this.lockEntity('lock.front_door', t, 'unlocked');
    if (type === 6 && (event === 5 || event === 9 || event === 1)) this.lockEntity('lock.front_door', t, 'locked');
  }

  zha(t: number, operation: string, source: string, slot: number) {
    this.push('zha_event', t, {
      device_ieee: '00:0d:6f:00:0a:90:69:e7', unique_id: '00:0d:6f:00:0a:90:69:e7:1:0x0101', device_id: DEV.back,
      endpoint_id: 1, cluster_id: 257, command: 'operation_event_notification', args: { source, operation, code_slot: slot }, params: {},
    });
    if (operation === 'Unlock') this.lockEntity('lock.back_door', t, 'unlocked');
    if (operation === 'Lock' || operation === 'AutoLock') this.lockEntity('lock.back_door', t, 'locked');
  }

  z2m(t: number, action: string, user: number | null, source: string) {
    const attrs = { event_types: ['lock', 'unlock', 'auto_lock', 'unlock_failure_invalid_pin_or_id'], event_type: action, action_user: user, action_source_name: source, friendly_name: 'Garage Door Action' };
    this.stateChange('event.garage_door_action', t, iso(t), attrs, iso(t - HOUR));
    if (action === 'unlock') this.lockEntity('lock.garage_door', t, 'unlocked');
    if (action === 'lock' || action === 'auto_lock') this.lockEntity('lock.garage_door', t, 'locked');
  }
}

const NAMES: Record<string, string> = { 'lock.front_door': 'Front Door', 'lock.back_door': 'Back Door', 'lock.garage_door': 'Garage Door' };

function history(): HassEvent[] {
  const log = new EventLog();
  const r = rng(20261120);
  const start = CAPTURED_AT - DAYS * DAY;
  // Midnight (UTC) of each day; the house is in Europe/Berlin (UTC+1 in winter, +2 in summer): close enough for a routine.
  for (let d = 0; d < DAYS; d++) {
    const day = Math.floor(start / DAY) * DAY + d * DAY;
    const j = () => Math.floor(r() * 20) * MIN;
    const weekday = new Date(day).getUTCDay();
    const workday = weekday >= 1 && weekday <= 5;
    if (workday) {
      log.person('person.alex', day + 7 * HOUR + j(), 'not_home');
      log.zwave(day + 7 * HOUR + 2 * MIN, 6, 5, 'Keypad lock operation', 1);
      // Sam works from home on Wednesdays.
      if (weekday !== 3) {
        log.person('person.sam', day + 8 * HOUR + j(), 'not_home');
        log.zha(day + 8 * HOUR + 30 * MIN, 'AutoLock', 'Manual', 0);
        log.person('person.sam', day + 16 * HOUR + j(), 'home');
        log.zha(day + 16 * HOUR + 25 * MIN, 'Unlock', 'Keypad', 2);
        log.zha(day + 16 * HOUR + 40 * MIN, 'Lock', 'Keypad', 2);
      }
      log.person('person.alex', day + 17 * HOUR + j(), 'home');
      log.zwave(day + 17 * HOUR + 25 * MIN, 6, 6, 'Keypad unlock operation', 1);
      log.zwave(day + 17 * HOUR + 40 * MIN, 6, 9, 'Auto lock locked operation');
    } else {
      log.z2m(day + 10 * HOUR + j(), 'unlock', 0, 'keypad');
      log.z2m(day + 10 * HOUR + 45 * MIN, 'auto_lock', null, 'manual');
      if (r() < 0.5) {
        log.zwave(day + 14 * HOUR + j(), 6, 6, 'Keypad unlock operation', 2);
        log.zwave(day + 14 * HOUR + 30 * MIN, 6, 9, 'Auto lock locked operation');
      }
    }
    // The cleaner (slot 3) every Wednesday morning while Sam works from home.
    if (weekday === 3) {
      log.zwave(day + 9 * HOUR + 30 * MIN, 6, 6, 'Keypad unlock operation', 3);
      log.zwave(day + 12 * HOUR, 6, 5, 'Keypad lock operation', 3);
    }
  }
  // The dog walker (front slot 6) stopped coming 100 days ago: the code is stale.
  log.zwave(CAPTURED_AT - 100 * DAY + 12 * HOUR, 6, 6, 'Keypad unlock operation', 6);
  log.zwave(CAPTURED_AT - 100 * DAY + 12 * HOUR + 20 * MIN, 6, 5, 'Keypad lock operation', 6);
  // Somebody guessing codes at the back door 12 days ago.
  const guess = CAPTURED_AT - 12 * DAY + 13 * HOUR;
  for (let k = 0; k < 6; k++) log.zha(guess + k * 70_000, 'UnlockFailureInvalidPINorID', 'Keypad', 0);
  // The garage opened at 03:10 local by Sam's code.
  log.z2m(Date.parse('2026-11-08T02:10:00Z'), 'unlock', 1, 'keypad');
  log.z2m(Date.parse('2026-11-08T02:25:00Z'), 'lock', 1, 'keypad');
  // The guest's code (expired on Nov 10) opened the front door on Nov 17 while everyone was out.
  log.zwave(Date.parse('2026-11-17T10:05:00Z'), 6, 6, 'Keypad unlock operation', 4);
  log.zwave(Date.parse('2026-11-17T10:20:00Z'), 6, 5, 'Keypad lock operation', 4);
  // Someone took the front door's cover off once.
  log.zwave(Date.parse('2026-10-30T21:40:00Z'), 7, 3, 'Tampering, product cover removed');
  return log.events;
}

export function demoSnapshot(): Snapshot {
  const events = history();
  const reg = (entity_id: string, platform: string, device_id: string) => ({ entity_id, platform, device_id, config_entry_id: `entry-${platform}`, disabled_by: null, unique_id: `${platform}-${entity_id}` });
  return {
    version: 1,
    captured_at: iso(CAPTURED_AT),
    config: { time_zone: 'Europe/Berlin', location_name: 'Demo Home', version: '2025.4.4', unit_system: { temperature: '°C' } },
    states: [
      state('lock.front_door', 'locked', { friendly_name: 'Front Door', supported_features: 0 }),
      state('lock.back_door', 'locked', { friendly_name: 'Back Door', supported_features: 0 }),
      state('lock.garage_door', 'locked', { friendly_name: 'Garage Door', supported_features: 0 }),
      state('sensor.front_door_battery_level', '84', { device_class: 'battery', unit_of_measurement: '%', friendly_name: 'Front Door Battery level' }),
      state('sensor.back_door_battery', '22', { device_class: 'battery', unit_of_measurement: '%', friendly_name: 'Back Door Battery' }),
      state('sensor.garage_door_battery', '67', { device_class: 'battery', unit_of_measurement: '%', friendly_name: 'Garage Door Battery' }),
      state('update.front_door_firmware', 'on', { device_class: 'firmware', installed_version: '1.8', latest_version: '2.1', title: 'Front Door firmware', friendly_name: 'Front Door Firmware' }),
      state('update.garage_door_firmware', 'off', { device_class: 'firmware', installed_version: '3.4.0', latest_version: '3.4.0', friendly_name: 'Garage Door Firmware' }),
      state('event.garage_door_action', iso(Date.parse('2026-11-16T10:45:00Z')), { event_types: ['lock', 'unlock', 'auto_lock', 'unlock_failure_invalid_pin_or_id'], event_type: 'auto_lock', friendly_name: 'Garage Door Action' }),
      state('person.alex', 'home', { friendly_name: 'Alex', user_id: 'u-alex', device_trackers: ['device_tracker.alex_phone'] }),
      state('person.sam', 'home', { friendly_name: 'Sam', user_id: 'u-sam', device_trackers: ['device_tracker.sam_phone'] }),
      state('zone.home', '2', { friendly_name: 'Home', latitude: 52.52, longitude: 13.405, radius: 100, persons: ['person.alex', 'person.sam'] }),
      state('light.hallway', 'off', { friendly_name: 'Hallway' }),
      state('automation.lock_battery_low', 'on', { friendly_name: 'Lock battery low', id: '1700000000001' }),
    ],
    entity_registry: [
      reg('lock.front_door', 'zwave_js', DEV.front),
      reg('sensor.front_door_battery_level', 'zwave_js', DEV.front),
      reg('update.front_door_firmware', 'zwave_js', DEV.front),
      reg('lock.back_door', 'zha', DEV.back),
      reg('sensor.back_door_battery', 'zha', DEV.back),
      reg('lock.garage_door', 'mqtt', DEV.garage),
      reg('sensor.garage_door_battery', 'mqtt', DEV.garage),
      reg('update.garage_door_firmware', 'mqtt', DEV.garage),
      reg('event.garage_door_action', 'mqtt', DEV.garage),
    ],
    device_registry: [
      { id: DEV.front, name: 'Front Door', manufacturer: 'Yale', model: 'YRD256 Assure Lock SL', sw_version: '1.8', identifiers: [['zwave_js', '3990524357-12']] },
      { id: DEV.back, name: 'Back Door', manufacturer: 'Kwikset', model: 'SmartCode 914', sw_version: '0x13', identifiers: [['zha', '00:0d:6f:00:0a:90:69:e7']] },
      { id: DEV.garage, name: 'Garage Door', manufacturer: 'Nimly', model: 'Touch Pro', sw_version: '3.4.0', identifiers: [['mqtt', 'zigbee2mqtt_0x84fd27fffe5c7a10']] },
    ],
    events,
    usercodes: {
      'lock.front_door': {
        1: { usercode: '573194', in_use: true },
        2: { usercode: '842637', in_use: true },
        3: { usercode: '1234', in_use: true },
        4: { usercode: '196428', in_use: true },
        5: { usercode: '618394', in_use: true },
        6: { usercode: '730582', in_use: true },
        7: { usercode: '', in_use: false },
      },
    },
    code_registry: [
      { lock: 'lock.front_door', slot: 1, name: 'Alex', role: 'admin', added: '2025-03-02T10:00:00Z', expires: null },
      { lock: 'lock.front_door', slot: 2, name: 'Sam', role: 'family', added: '2025-03-02T10:00:00Z', expires: null },
      { lock: 'lock.front_door', slot: 3, name: 'Cleaner (Maria)', role: 'service', added: '2025-09-14T09:00:00Z', expires: null },
      { lock: 'lock.front_door', slot: 4, name: 'Guest: Jordan', role: 'guest', added: '2026-11-01T12:00:00Z', expires: '2026-11-10T11:00:00Z' },
      { lock: 'lock.front_door', slot: 6, name: 'Dog walker', role: 'service', added: '2025-05-20T08:00:00Z', expires: null },
      { lock: 'lock.back_door', slot: 1, name: 'Alex', role: 'admin', added: '2025-03-02T10:00:00Z', expires: null },
      { lock: 'lock.back_door', slot: 2, name: 'Sam', role: 'family', added: '2025-03-02T10:00:00Z', expires: null },
      { lock: 'lock.garage_door', slot: 1, name: 'Alex', role: 'admin', added: '2025-03-05T10:00:00Z', expires: null },
      { lock: 'lock.garage_door', slot: 2, name: 'Sam', role: 'family', added: '2025-03-05T10:00:00Z', expires: null },
    ],
    users: [
      { id: 'u-alex', name: 'Alex', username: 'alex', is_owner: true, is_active: true, system_generated: false, group_ids: ['system-admin'] },
      { id: 'u-sam', name: 'Sam', username: 'sam', is_owner: false, is_active: true, system_generated: false, group_ids: ['system-admin'] },
      { id: 'u-tablet', name: 'Hall tablet', username: 'tablet', is_owner: false, is_active: true, system_generated: false, group_ids: ['system-admin'] },
      { id: 'u-super', name: 'Supervisor', username: null, is_owner: false, is_active: true, system_generated: true, group_ids: ['system-admin'] },
    ],
    current_user: { id: 'u-alex', name: 'Alex', is_owner: true, is_admin: true, mfa_modules: [{ id: 'totp', name: 'Authenticator app', enabled: false }] },
    automations: [{
      id: '1700000000001', alias: 'Lock battery low', description: '',
      triggers: [{ trigger: 'numeric_state', entity_id: ['sensor.front_door_battery_level', 'sensor.back_door_battery', 'sensor.garage_door_battery'], below: 30 }],
      conditions: [], actions: [{ action: 'notify.mobile_app_alex', data: { message: 'A lock battery is low' } }], mode: 'single',
    }],
    reviews: [{ time: '2026-11-09T19:30:00Z', user: 'Alex' }],
    checklist: { 'master-code-changed': true, 'wifi-wpa2-strong': true, 'wps-disabled': false, 'router-login-changed': true },
  };
}
