// A realistic household for scale benchmarks, in Home Assistant's own shapes, written without holding its events.
// Twenty locks over five protocols (Z-Wave JS, ZHA, Zigbee2MQTT, Matter, generic), six people on daily routines
// with phones that report while they are out, a weekly cleaner, rental guests, typos on keypads, a rare guessing
// burst, night unlocks, tamper and jam reports, and the rest of a busy house (climate, power, motion, lights),
// which is most of what HA's event bus carries. Events run day by day in time order; a state_changed carries the
// entity's previous state object as old_state, as HA sends it. Deterministic for a given seed.
import { createWriteStream, renameSync, type WriteStream } from 'node:fs';
import type { HassEvent, HassState, Snapshot, SnapshotHeader } from '../src/model/ha.js';
import { rng } from '../src/demo/house.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Europe/Berlin, close enough for routines (winter time). */
const LOCAL = HOUR;
/** A lower bound of the house's events per day (it makes about 8,000): n events take n / PER_DAY days. */
const PER_DAY = 7_000;

type Protocol = 'zwave_js' | 'zha' | 'zigbee2mqtt' | 'matter' | 'generic';
interface LockDef { id: string; name: string; protocol: Protocol; platform: string; door: boolean; firmware: boolean }

const LOCK_LIST: [string, string, Protocol, string][] = [
  ['front_door', 'Front Door', 'zwave_js', 'zwave_js'], ['back_door', 'Back Door', 'zwave_js', 'zwave_js'],
  ['side_door', 'Side Door', 'zwave_js', 'zwave_js'], ['annex_door', 'Annex Door', 'zwave_js', 'zwave_js'],
  ['flat_a_door', 'Flat A', 'zwave_js', 'zwave_js'], ['flat_b_door', 'Flat B', 'zwave_js', 'zwave_js'],
  ['office_door', 'Office', 'zwave_js', 'zwave_js'],
  ['garage_door', 'Garage', 'zha', 'zha'], ['basement_door', 'Basement', 'zha', 'zha'],
  ['gym_door', 'Gym', 'zha', 'zha'], ['laundry_door', 'Laundry', 'zha', 'zha'],
  ['shed_door', 'Shed', 'zigbee2mqtt', 'mqtt'], ['studio_door', 'Studio', 'zigbee2mqtt', 'mqtt'],
  ['pool_gate', 'Pool Gate', 'zigbee2mqtt', 'mqtt'], ['cellar_door', 'Cellar', 'zigbee2mqtt', 'mqtt'],
  ['patio_door', 'Patio Door', 'matter', 'matter'], ['terrace_door', 'Terrace Door', 'matter', 'matter'],
  ['balcony_door', 'Balcony Door', 'matter', 'matter'],
  ['garden_gate', 'Garden Gate', 'generic', 'nuki'], ['bike_room', 'Bike Room', 'generic', 'august'],
];
export const LOCKS: LockDef[] = LOCK_LIST.map(([id, name, protocol, platform], i) => ({
  id: `lock.${id}`, name, protocol, platform, door: i % 3 !== 2, firmware: i % 4 === 0,
}));

interface PersonDef { id: string; name: string; user: string; doors: string[]; kind: 'worker' | 'school' | 'home' }
const PERSONS: PersonDef[] = [
  { id: 'alex', name: 'Alex', user: 'u-alex', doors: ['front_door', 'garage_door', 'shed_door'], kind: 'worker' },
  { id: 'sam', name: 'Sam', user: 'u-sam', doors: ['back_door', 'patio_door', 'gym_door'], kind: 'home' },
  { id: 'kim', name: 'Kim', user: 'u-kim', doors: ['side_door', 'bike_room', 'laundry_door'], kind: 'worker' },
  { id: 'noah', name: 'Noah', user: 'u-noah', doors: ['front_door', 'garden_gate', 'pool_gate'], kind: 'school' },
  { id: 'mia', name: 'Mia', user: 'u-mia', doors: ['annex_door', 'studio_door', 'terrace_door'], kind: 'worker' },
  { id: 'leo', name: 'Leo', user: 'u-leo', doors: ['office_door', 'basement_door', 'cellar_door', 'balcony_door'], kind: 'school' },
].map((p) => ({ ...p, doors: p.doors.map((d) => `lock.${d}`) })) as PersonDef[];

/** Each person's keypad slot is the same on every lock; the cleaner and the rental guests have their own. */
const SLOT: Record<string, number> = { alex: 1, sam: 2, kim: 3, noah: 4, mia: 5, leo: 6 };
const CLEANER_SLOT = 10;
const GUEST_SLOT = 12;

const HOME = { latitude: 52.5200, longitude: 13.4050 };

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A ULID-shaped context id (HA's), from the time and a counter. */
function ulid(t: number, n: number): string {
  let s = '';
  for (let i = 0, v = t; i < 10; i++, v = Math.floor(v / 32)) s = CROCKFORD[v % 32] + s;
  for (let i = 0, v = n * 2654435761; i < 16; i++, v = Math.floor(v / 32)) s += CROCKFORD[Math.abs(v) % 32];
  return s;
}

/** HA's time format: microseconds and an explicit offset. */
const haTime = (t: number) => `${new Date(t).toISOString().slice(0, 23)}${String((t * 7) % 1000).padStart(3, '0')}+00:00`;

interface Entity { id: string; name: string; attrs: Record<string, unknown>; state: string; device: string | null; platform: string }

/** Everything in the house: locks and their companions, people, phones and the rest. */
function inventory(): Entity[] {
  const out: Entity[] = [];
  const add = (id: string, name: string, state: string, attrs: Record<string, unknown>, device: string | null, platform: string) =>
    out.push({ id, name, state, attrs: { ...attrs, friendly_name: name }, device, platform });
  for (const [i, l] of LOCKS.entries()) {
    const obj = l.id.slice(5);
    const dev = `dev${(i + 1).toString(16).padStart(2, '0')}${obj.replace(/_/g, '').slice(0, 8)}`;
    add(l.id, l.name, 'locked', { supported_features: 0, ...(l.protocol === 'matter' ? { changed_by: 'Auto' } : {}) }, dev, l.platform);
    add(`sensor.${obj}_battery`, `${l.name} Battery`, String(95 - i * 3), { state_class: 'measurement', unit_of_measurement: '%', device_class: 'battery' }, dev, l.platform);
    if (l.door) add(`binary_sensor.${obj}_contact`, `${l.name} Contact`, 'off', { device_class: 'door' }, dev, l.platform);
    if (l.firmware) add(`update.${obj}_firmware`, `${l.name} Firmware`, i === 0 ? 'on' : 'off', { device_class: 'firmware', installed_version: '1.8', latest_version: i === 0 ? '2.1' : '1.8', auto_update: false, title: null, release_url: null, skipped_version: null, in_progress: false, entity_picture: 'https://brands.home-assistant.io/_/zwave_js/icon.png', supported_features: 23 }, dev, l.platform);
    if (l.protocol === 'zwave_js') add(`binary_sensor.${obj}_tampering_product_cover_removed`, `${l.name} Tampering, product cover removed`, 'off', { device_class: 'tamper' }, dev, l.platform);
    if (l.protocol === 'zigbee2mqtt') {
      add(`event.${obj}_action`, `${l.name} Action`, 'unknown', { event_types: ['lock', 'unlock', 'auto_lock', 'key_unlock', 'unlock_failure_invalid_pin_or_id'], event_type: null }, dev, l.platform);
      add(`sensor.${obj}_linkquality`, `${l.name} Linkquality`, '120', { state_class: 'measurement', unit_of_measurement: 'lqi', icon: 'mdi:signal' }, dev, l.platform);
    }
  }
  for (const p of PERSONS) {
    add(`person.${p.id}`, p.name, 'home', { editable: true, id: p.id, device_trackers: [`device_tracker.${p.id}_phone`], ...HOME, gps_accuracy: 12, source: `device_tracker.${p.id}_phone`, user_id: p.user }, null, 'person');
    add(`device_tracker.${p.id}_phone`, `${p.name} Phone`, 'home', { source_type: 'gps', battery_level: 80, ...HOME, gps_accuracy: 12, altitude: 41, course: 0, speed: 0, vertical_accuracy: 3 }, `phone-${p.id}`, 'mobile_app');
  }
  const rooms = ['Living Room', 'Kitchen', 'Bedroom', 'Office', 'Bathroom', 'Hallway', 'Annex', 'Flat A', 'Flat B', 'Studio', 'Gym', 'Basement'];
  for (const r of rooms) {
    const o = r.toLowerCase().replace(/ /g, '_');
    add(`sensor.${o}_temperature`, `${r} Temperature`, '21.0', { state_class: 'measurement', unit_of_measurement: '°C', device_class: 'temperature' }, `dev-clim-${o}`, 'zha');
    add(`sensor.${o}_humidity`, `${r} Humidity`, '45', { state_class: 'measurement', unit_of_measurement: '%', device_class: 'humidity' }, `dev-clim-${o}`, 'zha');
    add(`binary_sensor.${o}_motion`, `${r} Motion`, 'off', { device_class: 'motion' }, `dev-mot-${o}`, 'hue');
    add(`light.${o}`, r, 'off', { supported_color_modes: ['color_temp', 'xy'], color_mode: null, brightness: null, min_color_temp_kelvin: 2202, max_color_temp_kelvin: 6535, supported_features: 40 }, `dev-light-${o}`, 'hue');
  }
  for (const plug of ['Washing Machine', 'Dryer', 'Dishwasher', 'Server Rack']) {
    const o = plug.toLowerCase().replace(/ /g, '_');
    add(`sensor.${o}_power`, `${plug} Power`, '0.0', { state_class: 'measurement', unit_of_measurement: 'W', device_class: 'power' }, `dev-plug-${o}`, 'shelly');
  }
  add('zone.home', 'Home', String(PERSONS.length), { ...HOME, radius: 100, passive: false, persons: PERSONS.map((p) => `person.${p.id}`), editable: true, icon: 'mdi:home' }, null, 'zone');
  add('automation.lock_battery_low', 'Lock battery low', 'on', { id: '1700000000001', last_triggered: null, mode: 'single', current: 0 }, null, 'automation');
  return out;
}

/** A change of one entity, or a protocol event, at time t (materialized in time order). */
type Step = { t: number; entity: string; state: string; attrs?: Record<string, unknown> } | { t: number; event: string; data: Record<string, unknown> };

/** One simulated day of the house, as unordered steps. */
function day(start: number, r: () => number, devices: Map<string, string>, dayIndex: number): Step[] {
  const steps: Step[] = [];
  const at = (h: number, jitterMin = 0) => Math.round(start + h * HOUR) - LOCAL + Math.floor(r() * jitterMin) * MIN + Math.floor(r() * 60_000);
  const weekday = new Date(start).getUTCDay();
  const workday = weekday >= 1 && weekday <= 5;
  const lockById = new Map(LOCKS.map((l) => [l.id, l]));

  /** One pass through a door: unlock (keypad from outside, by hand from inside), door open/close, relock. */
  const pass = (lockId: string, t: number, slot: number | null, fromOutside: boolean, typo = r() < 0.03) => {
    const l = lockById.get(lockId)!;
    const obj = lockId.slice(5);
    const dev = devices.get(lockId)!;
    const keypad = fromOutside && slot !== null;
    if (keypad && typo) access(l, obj, dev, t - 25_000, 'failed', null);
    access(l, obj, dev, t, 'unlock', keypad ? slot : null, keypad ? 'keypad' : 'manual');
    if (l.door) {
      steps.push({ t: t + 4_000, entity: `binary_sensor.${obj}_contact`, state: 'on' });
      steps.push({ t: t + 20_000 + Math.floor(r() * 40_000), entity: `binary_sensor.${obj}_contact`, state: 'off' });
    }
    access(l, obj, dev, t + 90_000 + Math.floor(r() * 180_000), 'lock', null, 'auto');
  };
  const access = (l: LockDef, obj: string, dev: string, t: number, kind: 'unlock' | 'lock' | 'failed', slot: number | null, method: 'keypad' | 'manual' | 'auto' = 'keypad') => {
    switch (l.protocol) {
      case 'zwave_js': {
        const [event, label] = kind === 'failed' ? [50, 'Invalid credential used'] : kind === 'unlock'
          ? (method === 'keypad' ? [6, 'Keypad unlock operation'] : [2, 'Manual unlock operation'])
          : (method === 'auto' ? [9, 'Auto lock locked operation'] : [1, 'Manual lock operation']);
        steps.push({ t, event: 'zwave_js_notification', data: {
          domain: 'zwave_js', node_id: 10 + LOCKS.indexOf(l), home_id: 3990524357, endpoint: 0, device_id: dev, command_class: 113,
          command_class_name: 'Notification', label: 'Access Control', type: 6, event, event_label: label,
          parameters: slot === null ? {} : { userId: slot },
        } });
        break;
      }
      case 'zha': {
        const operation = kind === 'failed' ? 'UnlockFailureInvalidPINorID' : kind === 'unlock' ? (method === 'keypad' ? 'Unlock' : 'Manual_Unlock') : (method === 'auto' ? 'AutoLock' : 'Lock');
        const ieee = `00:0d:6f:00:0a:90:${(0x60 + LOCKS.indexOf(l)).toString(16)}:e7`;
        steps.push({ t, event: 'zha_event', data: {
          device_ieee: ieee, unique_id: `${ieee}:1:0x0101`, device_id: dev, endpoint_id: 1, cluster_id: 257,
          command: 'operation_event_notification', args: { source: method === 'keypad' || kind === 'failed' ? 'Keypad' : 'Manual', operation, code_slot: slot ?? 0 }, params: {},
        } });
        break;
      }
      case 'zigbee2mqtt': {
        const action = kind === 'failed' ? 'unlock_failure_invalid_pin_or_id' : kind === 'unlock' ? 'unlock' : (method === 'auto' ? 'auto_lock' : 'lock');
        steps.push({ t, entity: `event.${obj}_action`, state: haTime(t), attrs: {
          event_type: action, action_user: slot === null ? null : slot - 1, action_source_name: method === 'auto' ? 'manual' : method,
        } });
        break;
      }
      case 'matter':
      case 'generic':
        break;
    }
    if (kind === 'failed') return;
    const changedBy = l.protocol === 'matter' ? { changed_by: method === 'keypad' ? 'Keypad' : method === 'auto' ? 'Auto' : 'Manual' } : {};
    steps.push({ t: t + 1_500, entity: l.id, state: kind === 'unlock' ? 'unlocked' : 'locked', attrs: changedBy });
  };

  /** A person out of the house from `leave` to `back`: phone reports every few minutes, the person follows it. */
  const outing = (p: PersonDef, leave: number, back: number) => {
    const door = r() < 0.8 ? p.doors[0] : p.doors[Math.floor(r() * p.doors.length)];
    pass(door, leave - 2 * MIN, null, false);
    const tracker = `device_tracker.${p.id}_phone`;
    const far = 0.02 + r() * 0.1;
    for (let t = leave, k = 0; t < back; t += 3 * MIN + Math.floor(r() * 4 * MIN), k++) {
      const f = Math.min(1, Math.min(t - leave, back - t) / (30 * MIN));
      const pos = { latitude: +(HOME.latitude + far * f * Math.sin(k / 7)).toFixed(6), longitude: +(HOME.longitude + far * f * Math.cos(k / 5)).toFixed(6) };
      const move = { ...pos, gps_accuracy: 5 + Math.floor(r() * 30), speed: Math.floor(r() * 20), course: Math.floor(r() * 360), altitude: 30 + Math.floor(r() * 20), battery_level: 90 - Math.floor((t - start) / HOUR) };
      steps.push({ t, entity: tracker, state: 'not_home', attrs: move });
      steps.push({ t: t + 200, entity: `person.${p.id}`, state: 'not_home', attrs: { ...pos, gps_accuracy: move.gps_accuracy } });
    }
    steps.push({ t: back, entity: tracker, state: 'home', attrs: { ...HOME, gps_accuracy: 10, speed: 0, course: 0 } });
    steps.push({ t: back + 200, entity: `person.${p.id}`, state: 'home', attrs: { ...HOME, gps_accuracy: 10 } });
    const arrive = r() < 0.8 ? p.doors[0] : p.doors[Math.floor(r() * p.doors.length)];
    pass(arrive, back + 2 * MIN + Math.floor(r() * 3 * MIN), SLOT[p.id]!, true);
  };

  for (const p of PERSONS) {
    if (workday && p.kind === 'worker') outing(p, at(7, 90), at(16.5, 150));
    else if (workday && p.kind === 'school') outing(p, at(7.3, 30), at(13.5, 150));
    else if (r() < 0.7) {
      const go = at(10, 360);
      outing(p, go, go + HOUR + Math.floor(r() * 4 * HOUR));
    }
    // Moving between the house's own doors (garage, shed, gym...) a few times a day.
    for (let k = Math.floor(r() * 3); k > 0; k--) {
      const door = p.doors[1 + Math.floor(r() * (p.doors.length - 1))]!;
      const t = at(8 + r() * 13);
      pass(door, t, SLOT[p.id]!, true);
    }
  }
  // Phones at home report now and then.
  for (const p of PERSONS) {
    for (let t = start - LOCAL; t < start - LOCAL + DAY; t += 30 * MIN + Math.floor(r() * 30 * MIN)) {
      steps.push({ t, entity: `device_tracker.${p.id}_phone`, state: '', attrs: { battery_level: 40 + Math.floor(r() * 60) } });
    }
  }
  // The cleaner on Wednesdays; rental guests in the flats.
  if (weekday === 3) { const t = at(9.5, 20); pass('lock.front_door', t, CLEANER_SLOT, true); pass('lock.front_door', t + 2.5 * HOUR, null, false); }
  for (const flat of ['lock.flat_a_door', 'lock.flat_b_door']) {
    for (let k = Math.floor(r() * 4); k > 0; k--) pass(flat, at(9 + r() * 13), GUEST_SLOT + (dayIndex % 5), true);
  }
  // Rare trouble: a burst of wrong codes, an unlock in the small hours, a removed cover, a jam.
  if (r() < 0.04) {
    const l = LOCKS[Math.floor(r() * 15)]!;
    const t = at(13, 300);
    for (let k = 0; k < 5 + Math.floor(r() * 3); k++) access(l, l.id.slice(5), devices.get(l.id)!, t + k * 75_000, 'failed', null);
  }
  if (r() < 0.06) pass(PERSONS[Math.floor(r() * PERSONS.length)]!.doors[0]!, at(2, 180), SLOT.alex!, true, false);
  if (r() < 0.015) {
    const l = LOCKS[Math.floor(r() * 7)]!;
    steps.push({ t: at(21, 60), event: 'zwave_js_notification', data: {
      domain: 'zwave_js', node_id: 10 + LOCKS.indexOf(l), home_id: 3990524357, endpoint: 0, device_id: devices.get(l.id), command_class: 113,
      command_class_name: 'Notification', label: 'Home Security', type: 7, event: 3, event_label: 'Tampering, product cover removed', parameters: {},
    } });
  }
  if (r() < 0.02) {
    const l = LOCKS[Math.floor(r() * 7)]!;
    const t = at(18, 120);
    steps.push({ t, event: 'zwave_js_notification', data: {
      domain: 'zwave_js', node_id: 10 + LOCKS.indexOf(l), home_id: 3990524357, endpoint: 0, device_id: devices.get(l.id), command_class: 113,
      command_class_name: 'Notification', label: 'Access Control', type: 6, event: 11, event_label: 'Lock jammed', parameters: {},
    } });
    steps.push({ t: t + 1_500, entity: l.id, state: 'jammed' });
  }
  // Lock companions: battery every six hours, Zigbee link quality every ten minutes.
  for (const [i, l] of LOCKS.entries()) {
    const obj = l.id.slice(5);
    for (let h = 0; h < 24; h += 6) steps.push({ t: at(h, 30), entity: `sensor.${obj}_battery`, state: String(Math.max(5, 95 - i * 3 - Math.floor(dayIndex / 12))) });
    if (l.protocol === 'zigbee2mqtt') for (let m = 0; m < 24 * 60; m += 10) steps.push({ t: at(m / 60), entity: `sensor.${obj}_linkquality`, state: String(90 + Math.floor(r() * 80)) });
  }
  // The rest of the house.
  const rooms = ['living_room', 'kitchen', 'bedroom', 'office', 'bathroom', 'hallway', 'annex', 'flat_a', 'flat_b', 'studio', 'gym', 'basement'];
  for (const o of rooms) {
    let temp = 19 + r() * 4, hum = 40 + r() * 15;
    for (let m = Math.floor(r() * 10); m < 24 * 60; m += 8 + Math.floor(r() * 5)) {
      temp += (r() - 0.5) * 0.3;
      steps.push({ t: at(m / 60), entity: `sensor.${o}_temperature`, state: temp.toFixed(1) });
    }
    for (let m = Math.floor(r() * 15); m < 24 * 60; m += 12 + Math.floor(r() * 8)) {
      hum += (r() - 0.5) * 2;
      steps.push({ t: at(m / 60), entity: `sensor.${o}_humidity`, state: hum.toFixed(0) });
    }
    for (let k = 10 + Math.floor(r() * 30); k > 0; k--) {
      const t = at(6 + r() * 17);
      steps.push({ t, entity: `binary_sensor.${o}_motion`, state: 'on' });
      steps.push({ t: t + 90_000, entity: `binary_sensor.${o}_motion`, state: 'off' });
    }
    for (let k = 2 + Math.floor(r() * 5); k > 0; k--) {
      const t = at(6 + r() * 17);
      steps.push({ t, entity: `light.${o}`, state: 'on', attrs: { color_mode: 'color_temp', brightness: 180, color_temp_kelvin: 2700, xy_color: [0.46, 0.41] } });
      steps.push({ t: t + 20 * MIN + Math.floor(r() * 2 * HOUR), entity: `light.${o}`, state: 'off', attrs: { color_mode: null, brightness: null, color_temp_kelvin: null, xy_color: null } });
    }
  }
  for (const [k, o] of ['washing_machine', 'dryer', 'dishwasher', 'server_rack'].entries()) {
    for (let m = k; m < 24 * 60; m += 3) steps.push({ t: at(m / 60), entity: `sensor.${o}_power`, state: (o === 'server_rack' ? 80 + r() * 40 : r() < 0.1 ? 400 + r() * 1500 : r() * 2).toFixed(1) });
  }
  return steps;
}

export interface House { header: SnapshotHeader; events: (n: number, days?: number) => Generator<HassEvent> }

/**
 * The house captured at `capturedAt`, and its events: `events(n)` yields n events in time order, the last ones
 * before the capture (the span follows from n: about 8,000 events a day).
 */
export function house(capturedAt = Date.parse('2026-11-20T19:00:00Z'), seed = 20261124): House {
  const inv = inventory();
  const devices = new Map(inv.filter((e) => e.id.startsWith('lock.')).map((e) => [e.id, e.device!]));
  const current = new Map<string, HassState>();
  const stateOf = (e: Entity, t: number): HassState => ({
    entity_id: e.id, state: e.state, attributes: e.attrs, last_changed: haTime(t), last_reported: haTime(t), last_updated: haTime(t),
    context: { id: ulid(t, 0), parent_id: null, user_id: null },
  } as HassState);
  for (const e of inv) current.set(e.id, stateOf(e, capturedAt - 40 * DAY));
  const zwave = LOCKS.filter((l) => l.protocol === 'zwave_js');
  const pin = (i: number, s: number) => (s === 4 ? '1234' : String((i * 7919 + s * 104729) % 900000 + 100000));
  const header: SnapshotHeader = {
    version: 1,
    captured_at: new Date(capturedAt).toISOString(),
    config: { time_zone: 'Europe/Berlin', location_name: 'Twenty Doors', version: '2025.4.4', unit_system: { temperature: '°C' }, latitude: HOME.latitude, longitude: HOME.longitude },
    states: [],
    entity_registry: inv.map((e) => ({
      entity_id: e.id, platform: e.platform, device_id: e.device, config_entry_id: `entry-${e.platform}`, disabled_by: null, unique_id: `${e.platform}-${e.id}`,
    })),
    device_registry: [...new Set(inv.map((e) => e.device).filter((d): d is string => d !== null))].map((id) => {
      const lock = LOCKS.find((l) => devices.get(l.id) === id);
      return {
        id, name: lock?.name ?? id, manufacturer: lock ? 'Yale' : 'Generic', model: lock ? `${lock.protocol} lock` : 'Sensor', sw_version: '1.8',
        identifiers: [[lock?.platform ?? 'zha', id]] as [string, string][],
      };
    }),
    usercodes: Object.fromEntries(zwave.map((l, i) => [l.id, Object.fromEntries(
      [1, 2, 3, 4, 5, 6, CLEANER_SLOT, GUEST_SLOT, 20].map((s) => [String(s), s === 20 ? { usercode: '', in_use: false } : { usercode: pin(i, s), in_use: true }]),
    )])),
    code_registry: LOCKS.flatMap((l) => [
      ...PERSONS.map((p) => ({ lock: l.id, slot: SLOT[p.id]!, name: p.name, role: (p.id === 'alex' ? 'admin' : 'family') as 'admin' | 'family', added: '2025-03-02T10:00:00Z', expires: null })),
      ...(l.id === 'lock.front_door' ? [{ lock: l.id, slot: CLEANER_SLOT, name: 'Cleaner', role: 'service' as const, added: '2025-09-14T09:00:00Z', expires: null }] : []),
    ]),
    users: [...PERSONS.map((p, i) => ({ id: p.user, name: p.name, username: p.id, is_owner: i === 0, is_active: true, system_generated: false, group_ids: [i < 2 ? 'system-admin' : 'system-users'] })),
      { id: 'u-super', name: 'Supervisor', username: null, is_owner: false, is_active: true, system_generated: true, group_ids: ['system-admin'] }],
    current_user: { id: 'u-alex', name: 'Alex', is_owner: true, is_admin: true, mfa_modules: [{ id: 'totp', name: 'Authenticator app', enabled: true }] },
    automations: [{
      id: '1700000000001', alias: 'Lock battery low', description: '', mode: 'single', conditions: [],
      triggers: [{ trigger: 'numeric_state', entity_id: LOCKS.map((l) => `sensor.${l.id.slice(5)}_battery`), below: 30 }],
      actions: [{ action: 'notify.mobile_app_alex', data: { message: 'A lock battery is low' } }],
    }],
    reviews: [{ time: new Date(capturedAt - 5 * DAY).toISOString(), user: 'Alex' }],
    checklist: { 'master-code-changed': true, 'wifi-wpa2-strong': true },
  };
  const byId = new Map(inv.map((e) => [e.id, e]));

  /** n events (or all) over the last `days` days before the capture, in time order. */
  function* events(n: number, days = Math.ceil(n / PER_DAY) + 1): Generator<HassEvent> {
    const first = Math.floor(capturedAt / DAY) * DAY - days * DAY;
    const r = rng(seed);
    let count = 0;
    for (let d = 0; d <= days && count < n; d++) {
      const start = first + d * DAY;
      const steps = day(start, r, devices, d).filter((s) => s.t < capturedAt).sort((a, b) => a.t - b.t);
      for (const s of steps) {
        if (count >= n) return;
        const ctx = { id: ulid(s.t, count), parent_id: null, user_id: null };
        if ('event' in s) {
          yield { event_type: s.event, data: s.data, origin: 'LOCAL', time_fired: haTime(s.t), context: ctx };
        } else {
          const old = current.get(s.entity)!;
          const ent = byId.get(s.entity)!;
          const value = s.state === '' ? old.state : s.state;
          const time = haTime(s.t);
          const next: HassState = {
            entity_id: s.entity, state: value, attributes: { ...ent.attrs, ...s.attrs },
            last_changed: value === old.state ? old.last_changed : time, last_reported: time, last_updated: time, context: ctx,
          } as HassState;
          current.set(s.entity, next);
          yield { event_type: 'state_changed', data: { entity_id: s.entity, old_state: old, new_state: next }, origin: 'LOCAL', time_fired: time, context: ctx };
        }
        count++;
      }
    }
    if (Number.isFinite(n) && count < n) throw new Error(`the house made only ${count} of ${n} events in ${days} days`);
  }
  return {
    get header() { return { ...header, states: [...current.values()] }; },
    events,
  };
}

function write(out: WriteStream, s: string): Promise<void> | void {
  if (!out.write(s)) return new Promise((res) => out.once('drain', () => res()));
}

/** Writes a snapshot of n events as JSON (events last, as a capture writes it) or JSON Lines, atomically. */
export async function writeHouse(path: string, n: number, form: 'json' | 'jsonl'): Promise<void> {
  // The header holds the states at capture time: a first pass runs the house to the end.
  const pre = house();
  for (const _ of pre.events(n)) { /* run to the capture */ }
  const header = JSON.stringify(pre.header);
  const tmp = `${path}.partial`;
  const out = createWriteStream(tmp);
  const lines: string[] = [];
  const flush = async () => { if (lines.length) { await write(out, lines.join('')); lines.length = 0; } };
  if (form === 'jsonl') {
    await write(out, header + '\n');
    for (const e of house().events(n)) { lines.push(JSON.stringify(e) + '\n'); if (lines.length >= 1000) await flush(); }
  } else {
    await write(out, header.slice(0, -1) + ',"events":[\n');
    let first = true;
    for (const e of house().events(n)) { lines.push((first ? '' : ',\n') + JSON.stringify(e)); first = false; if (lines.length >= 1000) await flush(); }
    await flush();
    await write(out, '\n]}\n');
  }
  await flush();
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
  renameSync(tmp, path);
}

/** The house with `days` of events up to `capturedAt` (for the card benchmark: what HA's history holds). */
export function houseSnapshot(capturedAt: number, days: number): Snapshot {
  const h = house(capturedAt);
  const events = [...h.events(Infinity, days)];
  return { ...h.header, events };
}

if (process.argv[1]?.endsWith('house-synth.ts')) {
  const [, , path, n, form] = process.argv;
  if (!path || !/^\d+$/.test(n ?? '') || (form !== 'json' && form !== 'jsonl')) {
    process.stderr.write('usage: node --import tsx bench/house-synth.ts FILE N json|jsonl\n');
    process.exit(2);
  }
  await writeHouse(path, Number(n), form);
}
