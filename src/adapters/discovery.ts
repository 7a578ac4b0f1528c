// Finds the house's locks and what belongs to each: protocol (from the entity registry platform), device,
// battery, firmware and door; each protocol names the other entities of the device it reads (`Protocol.discover`).
import type { EntityRegistryEntry, HassState, SnapshotHeader } from '../model/ha.js';
import { SENSOR_ROLES, type FirmwareInfo, type Lock, type LockIndex, type SensorRole } from '../model/lock.js';
import { PROTOCOLS, protocolOfPlatform } from './index.js';

export type { LockIndex, SensorRole };

const domainOf = (id: string) => id.slice(0, id.indexOf('.'));
const objectId = (id: string) => id.slice(id.indexOf('.') + 1);

/**
 * A battery level: a percentage from 0 to 100, as a number or a decimal string. Anything else is no reading, never
 * a level: Number() read "" as 0 % (a low-battery warning), "0x10" as 16 % and "1e20" as a full battery.
 */
function percent(v: unknown): number | null {
  const n = typeof v === 'string' ? (/^\s*\d+(?:\.\d+)?\s*$/.test(v) ? Number(v) : NaN) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
}

/** Entities on the same device as the lock; without a registry, entities whose object id starts with the lock's. */
function relatedStates(lockId: string, deviceId: string | null, states: HassState[], reg: Map<string, EntityRegistryEntry> | null): HassState[] {
  if (reg && deviceId) return states.filter((s) => s.entity_id !== lockId && reg.get(s.entity_id)?.device_id === deviceId);
  if (reg) return [];
  const prefix = objectId(lockId) + '_';
  return states.filter((s) => objectId(s.entity_id).startsWith(prefix));
}

function firmwareOf(related: HassState[]): FirmwareInfo | null {
  const u = related.find((s) => domainOf(s.entity_id) === 'update');
  if (!u) return null;
  const a = u.attributes ?? {};
  return {
    entity_id: u.entity_id,
    installed: typeof a.installed_version === 'string' ? a.installed_version : null,
    latest: typeof a.latest_version === 'string' ? a.latest_version : null,
    update_available: u.state === 'on',
  };
}

function lockOf(state: HassState, states: HassState[], reg: Map<string, EntityRegistryEntry> | null): Lock {
  const entry = reg?.get(state.entity_id);
  const deviceId = entry?.device_id ?? null;
  const related = relatedStates(state.entity_id, deviceId, states, reg);
  const cls = (s: HassState) => s.attributes?.device_class;
  const batterySensor = related.find((s) => domainOf(s.entity_id) === 'sensor' && cls(s) === 'battery' && percent(s.state) !== null);
  const attrBattery = percent(state.attributes?.battery_level ?? state.attributes?.battery);
  const door = related.find((s) => domainOf(s.entity_id) === 'binary_sensor' && ['door', 'opening', 'window'].includes(String(cls(s))));
  const lock: Lock = {
    entity_id: state.entity_id,
    name: (typeof state.attributes?.friendly_name === 'string' && state.attributes.friendly_name.trim()) || state.entity_id,
    protocol: protocolOfPlatform(entry?.platform),
    device_id: deviceId,
    state: String(state.state),
    last_changed: state.last_changed ?? null,
    battery: batterySensor ? percent(batterySensor.state) : attrBattery,
    battery_entity: batterySensor?.entity_id ?? null,
    firmware: firmwareOf(related),
    door_entity: door?.entity_id ?? null,
    sensors: { tamper: [], jam: [], keypad_disabled: [] },
    protocol_entities: {},
  };
  for (const p of PROTOCOLS) {
    const found = p.discover?.(state, related);
    Object.assign(lock.sensors, found?.sensors);
    Object.assign(lock.protocol_entities, found?.protocol_entities);
  }
  return lock;
}

/** Every lock entity of the house (disabled registry entries excluded), sorted by entity id. */
export function discoverLocks(header: SnapshotHeader): Lock[] {
  const reg = header.entity_registry ? new Map(header.entity_registry.map((e) => [e.entity_id, e])) : null;
  return header.states
    .filter((s) => domainOf(s.entity_id) === 'lock' && !reg?.get(s.entity_id)?.disabled_by)
    .map((s) => lockOf(s, header.states, reg))
    .sort((a, b) => a.entity_id.localeCompare(b.entity_id));
}

/** The lock and every entity of its device that the engine reads (battery, firmware, door, problem sensors, its protocols'). */
export function lockEntities(l: Lock): string[] {
  const ids = [
    l.entity_id, l.battery_entity, l.firmware?.entity_id, l.door_entity,
    ...SENSOR_ROLES.flatMap((role) => l.sensors[role]), ...Object.values(l.protocol_entities).flat(),
  ];
  return [...new Set(ids.filter((id): id is string => !!id))];
}

export function indexLocks(locks: Lock[]): LockIndex {
  const byEntity = new Map<string, Lock>();
  const byDevice = new Map<string, Lock>();
  const byRelated = new Map<string, Lock>();
  const bySensor = new Map<string, { lock: Lock; role: SensorRole }>();
  for (const l of locks) {
    byEntity.set(l.entity_id, l);
    if (l.device_id && !byDevice.has(l.device_id)) byDevice.set(l.device_id, l);
    for (const e of [...Object.values(l.protocol_entities).flat(), l.door_entity]) if (e) byRelated.set(e, l);
    for (const role of SENSOR_ROLES) for (const e of l.sensors[role]) bySensor.set(e, { lock: l, role });
  }
  return { locks, byEntity, byDevice, byRelated, bySensor };
}
