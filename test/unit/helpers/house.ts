// Builds small houses in Home Assistant's own shapes for the engine's unit tests.
import type { CodeRegistryEntry, HassEvent, HassState, Snapshot, UsercodeResponse } from '../../../src/model/ha.js';

export interface LockSpec {
  id: string;
  platform: string;
  name?: string;
  state?: string;
  battery?: number;
  update?: 'on' | 'off';
  tamper?: 'on' | 'off';
  lastChanged?: string;
}

export interface HouseSpec {
  tz?: string;
  captured?: string;
  locks?: LockSpec[];
  persons?: Record<string, string>;
  events?: HassEvent[];
  usercodes?: Record<string, UsercodeResponse>;
  registry?: CodeRegistryEntry[];
  extraStates?: HassState[];
  noRegistry?: boolean;
  noEvents?: boolean;
}

export const CAPTURED = '2026-11-20T12:00:00Z';
export const deviceOf = (lockId: string) => `dev-${lockId.slice(5)}`;
const obj = (id: string) => id.slice(id.indexOf('.') + 1);

export function st(entity_id: string, state: string, attributes: Record<string, unknown> = {}, changed = '2026-11-20T10:00:00Z'): HassState {
  return { entity_id, state, attributes, last_changed: changed, last_updated: changed, context: { id: 'c', parent_id: null, user_id: null } };
}

export function house(spec: HouseSpec = {}): Snapshot {
  const states: HassState[] = [];
  const registry: { entity_id: string; platform: string; device_id: string | null }[] = [];
  for (const l of spec.locks ?? []) {
    const dev = deviceOf(l.id);
    states.push(st(l.id, l.state ?? 'locked', { friendly_name: l.name ?? obj(l.id) }, l.lastChanged));
    registry.push({ entity_id: l.id, platform: l.platform, device_id: dev });
    if (l.battery !== undefined) {
      const b = `sensor.${obj(l.id)}_battery`;
      states.push(st(b, String(l.battery), { device_class: 'battery', unit_of_measurement: '%' }));
      registry.push({ entity_id: b, platform: l.platform, device_id: dev });
    }
    if (l.update) {
      const u = `update.${obj(l.id)}_firmware`;
      states.push(st(u, l.update, { installed_version: '1.0', latest_version: l.update === 'on' ? '2.0' : '1.0' }));
      registry.push({ entity_id: u, platform: l.platform, device_id: dev });
    }
    if (l.tamper) {
      const t = `binary_sensor.${obj(l.id)}_tamper`;
      states.push(st(t, l.tamper, { device_class: 'tamper' }));
      registry.push({ entity_id: t, platform: l.platform, device_id: dev });
    }
    if (l.platform === 'mqtt') {
      const e = `event.${obj(l.id)}_action`;
      states.push(st(e, '2026-11-01T00:00:00.000+00:00', { event_types: ['lock', 'unlock'], event_type: 'lock' }));
      registry.push({ entity_id: e, platform: 'mqtt', device_id: dev });
    }
  }
  for (const [p, s] of Object.entries(spec.persons ?? {})) states.push(st(p, s));
  states.push(...(spec.extraStates ?? []));
  const snap: Snapshot = {
    version: 1,
    captured_at: spec.captured ?? CAPTURED,
    config: { time_zone: spec.tz ?? 'UTC' },
    states,
  };
  if (!spec.noRegistry) snap.entity_registry = registry;
  if (!spec.noEvents) snap.events = spec.events ?? [];
  if (spec.usercodes) snap.usercodes = spec.usercodes;
  if (spec.registry) snap.code_registry = spec.registry;
  return snap;
}

const ev = (event_type: string, time: string, data: Record<string, unknown>): HassEvent => ({
  event_type, data, time_fired: time, origin: 'LOCAL', context: { id: 'x', parent_id: null, user_id: null },
});

export function zwave(lockId: string, time: string, type: number, event: number, userId?: number): HassEvent {
  return ev('zwave_js_notification', time, {
    domain: 'zwave_js', node_id: 5, home_id: 1, endpoint: 0, device_id: deviceOf(lockId), command_class: 113,
    command_class_name: 'Notification', label: type === 6 ? 'Access Control' : 'Home Security', type, event,
    event_label: `event ${event}`, parameters: userId === undefined ? {} : { userId },
  });
}

export function zha(lockId: string, time: string, operation: string, source = 'Keypad', slot = 1): HassEvent {
  return ev('zha_event', time, {
    device_ieee: '00:11', unique_id: '00:11:1:0x0101', device_id: deviceOf(lockId), endpoint_id: 1, cluster_id: 257,
    command: 'operation_event_notification', args: { source, operation, code_slot: slot }, params: {},
  });
}

/** A Zigbee2MQTT action through the lock's event entity; `user` is Z2M's raw 0-based id. */
export function z2m(lockId: string, time: string, action: string, user: number | null = null, source = 'keypad'): HassEvent {
  const e = `event.${obj(lockId)}_action`;
  return stateChanged(e, time, '2026-01-01T00:00:00.000+00:00', time, { event_type: action, action_user: user, action_source_name: source });
}

export function stateChanged(entity: string, time: string, from: string | null, to: string, attrs: Record<string, unknown> = {}): HassEvent {
  return ev('state_changed', time, {
    entity_id: entity,
    old_state: from === null ? null : st(entity, from, {}, time),
    new_state: st(entity, to, attrs, time),
  });
}

export const minutes = (base: string, m: number) => new Date(Date.parse(base) + m * 60_000).toISOString();
