// A hass object as HA's frontend hands it to a card, built from states and registries in HA's own shapes.
// The websocket side (callWS, subscribeEvents) answers like HA 2025.4 and records every call.
import type { HassEvent, HassState } from '../../src/model/ha.js';
import type { DeviceEntry, EntityDisplayEntry, HomeAssistant } from '../../cards/lock-sentinel-card/data/hass.js';

/** Every PIN the fixture's locks hold: none of them may ever reach the DOM. */
export const PINS = ['1234', '583920', '000000', '7391'];

const NOW = Date.now();
export const iso = (msAgo: number) => new Date(NOW - msAgo).toISOString();
const H = 3_600_000;

function state(entity_id: string, s: string, attributes: Record<string, unknown> = {}, msAgo = 2 * H): HassState {
  const t = iso(msAgo);
  return { entity_id, state: s, attributes, last_changed: t, last_updated: t, context: { id: `c-${entity_id}`, parent_id: null, user_id: null } };
}

export function baseStates(): Record<string, HassState> {
  const list = [
    state('lock.front_door', 'locked', { friendly_name: 'Front Door', supported_features: 0 }),
    state('sensor.front_door_battery', '25', { device_class: 'battery', unit_of_measurement: '%', friendly_name: 'Front Door Battery' }),
    state('update.front_door_firmware', 'on', { installed_version: '1.2', latest_version: '1.4', friendly_name: 'Front Door Firmware' }),
    state('lock.back_door', 'unlocked', { friendly_name: 'Back Door' }),
    state('sensor.back_door_battery', '88', { device_class: 'battery', unit_of_measurement: '%' }),
    state('lock.garage', 'locked', { friendly_name: 'Garage Lock' }),
    state('person.anna', 'home', { friendly_name: 'Anna', user_id: 'u-anna' }),
    state('person.ben', 'not_home', { friendly_name: 'Ben', user_id: 'u-ben' }),
    state('zone.home', '1', { friendly_name: 'Home', latitude: 52.5, longitude: 13.4, radius: 100 }),
    state('sensor.outside_temperature', '11.5', { device_class: 'temperature', unit_of_measurement: '°C' }),
    state('light.kitchen', 'off', { friendly_name: 'Kitchen' }),
  ];
  return Object.fromEntries(list.map((s) => [s.entity_id, s]));
}

export function entities(): Record<string, EntityDisplayEntry> {
  const e = (entity_id: string, platform: string, device_id: string | null): EntityDisplayEntry => ({ entity_id, platform, device_id });
  const list = [
    e('lock.front_door', 'zwave_js', 'dev-front'), e('sensor.front_door_battery', 'zwave_js', 'dev-front'),
    e('update.front_door_firmware', 'zwave_js', 'dev-front'),
    e('lock.back_door', 'zha', 'dev-back'), e('sensor.back_door_battery', 'zha', 'dev-back'),
    e('lock.garage', 'mqtt', 'dev-garage'),
    e('person.anna', 'person', null), e('person.ben', 'person', null),
    e('sensor.outside_temperature', 'met', 'dev-weather'), e('light.kitchen', 'hue', 'dev-light'),
  ];
  return Object.fromEntries(list.map((x) => [x.entity_id, x]));
}

export function devices(): Record<string, DeviceEntry> {
  const d = (id: string, name: string, identifiers: [string, string][]): DeviceEntry => ({
    id, name, name_by_user: null, manufacturer: 'ACME', model: 'L1', sw_version: '1.2', identifiers, config_entries: ['ce'],
  });
  const list = [
    d('dev-front', 'Front Door Lock', [['zwave_js', '3990524357-5']]),
    d('dev-back', 'Back Door Lock', [['zha', '00:0d:6f:00:0a:90:69:e7']]),
    d('dev-garage', 'garage_lock', [['mqtt', 'zigbee2mqtt_0x00158d0001']]),
  ];
  return Object.fromEntries(list.map((x) => [x.id, x]));
}

/** Front door's codes as zwave_js.get_lock_usercode returns them (newer HA), keyed by entity id. */
export const USERCODES = {
  '1': { usercode: '1234', in_use: true },
  '2': { usercode: '583920', in_use: true },
  '3': { usercode: '000000', in_use: true },
  '4': { usercode: '', in_use: false },
  '5': { usercode: '7391', in_use: false },
};

export interface WsCall {
  type: string;
  [k: string]: unknown;
}

export interface Harness {
  hass: HomeAssistant;
  calls: WsCall[];
  userData: Map<string, unknown>;
  /** Delivers an event to the card's subscriptions of that type. */
  fire(e: HassEvent): void;
  subscribed(): string[];
  /** A new hass object (as HA makes one on every state change) with some states replaced. */
  update(changes: Record<string, HassState>, extra?: Partial<HomeAssistant>): HomeAssistant;
}

export interface HarnessOptions {
  admin?: boolean;
  language?: string;
  darkMode?: boolean;
  shared?: unknown;
  /** Give hass a REST API (callApi) that answers 503 to everything, and notify services. */
  rest?: boolean;
}

export function harness(opts: HarnessOptions = {}): Harness {
  const admin = opts.admin ?? true;
  const calls: WsCall[] = [];
  const userData = new Map<string, unknown>(opts.shared === undefined ? [] : [['lock_sentinel', opts.shared]]);
  const listeners = new Map<string, Set<(e: HassEvent) => void>>();
  const history = {
    'lock.back_door': [
      { s: 'locked', a: { friendly_name: 'Back Door' }, lu: (NOW - 30 * H) / 1000 },
      { s: 'unlocked', a: { friendly_name: 'Back Door' }, lu: (NOW - 26 * H) / 1000 },
      { s: 'locked', a: { friendly_name: 'Back Door' }, lu: (NOW - 25 * H) / 1000 },
      { s: 'unlocked', a: { friendly_name: 'Back Door' }, lu: (NOW - 2 * H) / 1000 },
    ],
    'lock.front_door': [{ s: 'locked', a: { friendly_name: 'Front Door' }, lu: (NOW - 40 * H) / 1000 }],
  };
  const callWS = async <T>(msg: WsCall): Promise<T> => {
    calls.push(structuredClone(msg));
    const err = (code: string, message: string) => Promise.reject({ code, message });
    switch (msg.type) {
      case 'frontend/get_system_data':
        return err('unknown_command', 'Unknown command.') as Promise<T>;
      case 'frontend/get_user_data':
        return { value: userData.get(String(msg.key)) ?? null } as T;
      case 'frontend/set_user_data':
        userData.set(String(msg.key), structuredClone(msg.value));
        return null as T;
      case 'history/history_during_period':
        return Object.fromEntries(Object.entries(history).filter(([id]) => (msg.entity_ids as string[]).includes(id))) as T;
      case 'config/auth/list':
        if (!admin) return err('unauthorized', 'Unauthorized') as Promise<T>;
        return [
          { id: 'u-anna', name: 'Anna', username: 'anna', is_owner: true, is_active: true, system_generated: false, group_ids: ['system-admin'] },
          { id: 'u-ben', name: 'Ben', username: 'ben', is_owner: false, is_active: true, system_generated: false, group_ids: ['system-users'] },
        ] as T;
      case 'automation/config':
        return err('not_found', 'Entity not found') as Promise<T>;
      case 'call_service': {
        if (!admin) return err('unauthorized', 'Unauthorized') as Promise<T>;
        const target = (msg.target as { entity_id?: string } | undefined)?.entity_id ?? '';
        if (msg.domain === 'zwave_js' && msg.service === 'get_lock_usercode') {
          return { context: { id: 'x' }, response: { [target]: structuredClone(USERCODES) } } as T;
        }
        return { context: { id: 'x' }, response: null } as T;
      }
      default:
        return err('unknown_command', `Unknown command ${msg.type}`) as Promise<T>;
    }
  };
  const user = {
    id: admin ? 'u-anna' : 'u-ben', name: admin ? 'Anna' : 'Ben', is_owner: admin, is_admin: admin,
    mfa_modules: [{ id: 'totp', name: 'Authenticator app', enabled: admin }],
  };
  let current: HomeAssistant = {
    states: baseStates(),
    entities: entities(),
    devices: devices(),
    user,
    locale: { language: opts.language ?? 'en', time_zone: 'server' },
    language: opts.language ?? 'en',
    themes: { darkMode: opts.darkMode ?? false, theme: 'default' },
    config: { time_zone: 'Europe/Berlin', location_name: 'Home' },
    connection: {
      async subscribeEvents<T>(cb: (e: T) => void, type?: string) {
        calls.push({ type: 'subscribe_events', event_type: type });
        if (!admin && type !== 'state_changed') throw { code: 'unauthorized', message: 'Unauthorized' };
        const key = type ?? '*';
        const set = listeners.get(key) ?? new Set();
        set.add(cb as (e: HassEvent) => void);
        listeners.set(key, set);
        return () => void set.delete(cb as (e: HassEvent) => void);
      },
    },
    callWS: callWS as HomeAssistant['callWS'],
    ...(opts.rest
      ? {
          services: { notify: { mobile_app_annas_phone: {}, persistent_notification: {}, send_message: {} } },
          callApi: (async (method: string, path: string) => {
            calls.push({ type: 'rest', method, path });
            throw { error: 'Response error: 503', status_code: 503, body: { message: 'no REST API in this test' } };
          }) as HomeAssistant['callApi'],
        }
      : {}),
  };
  return {
    get hass() {
      return current;
    },
    calls,
    userData,
    fire(e) {
      for (const cb of listeners.get(e.event_type) ?? []) cb(e);
    },
    subscribed: () => [...listeners].filter(([, s]) => s.size).map(([k]) => k),
    update(changes, extra = {}) {
      current = { ...current, states: { ...current.states, ...changes }, ...extra };
      return current;
    },
  };
}

export function zwaveNotification(event: number, userId: number | null, msAgo = 0, type = 6): HassEvent {
  return {
    event_type: 'zwave_js_notification',
    data: {
      domain: 'zwave_js', node_id: 5, home_id: 3990524357, endpoint: 0, device_id: 'dev-front', command_class: 113,
      command_class_name: 'Notification', label: 'Access Control', type, event, event_label: `event ${event}`,
      parameters: userId === null ? {} : { userId },
    },
    origin: 'LOCAL',
    time_fired: iso(msAgo),
    context: { id: `ctx-${event}-${msAgo}`, parent_id: null, user_id: null },
  };
}

export function withState(s: HassState, value: string, msAgo = 0): HassState {
  const t = iso(msAgo);
  return { ...s, state: value, last_changed: t, last_updated: t };
}
