// The engine's SnapshotHeader from the frontend's hass plus what the card fetched (src/ha/house.ts assembles it, as
// for the CLI's capture). Pure, no DOM.
import { lockEntities } from '../../../src/adapters/discovery.js';
import type { DeviceRegistryEntry, EntityRegistryEntry, SnapshotHeader } from '../../../src/model/ha.js';
import { assembleHeader, type AdminData, type HouseData } from '../../../src/ha/house.js';
import type { SharedData } from '../../../src/ha/shared-store.js';
import type { Lock } from '../../../src/model/lock.js';
import type { HomeAssistant } from './hass.js';

export { EMPTY_SHARED, type SharedData } from '../../../src/ha/shared-store.js';
export type { AdminData };

export function entityRegistry(hass: Pick<HomeAssistant, 'entities'>): EntityRegistryEntry[] {
  return Object.values(hass.entities ?? {}).map((e) => ({
    entity_id: e.entity_id, platform: e.platform, device_id: e.device_id ?? null, name: e.name ?? null,
  }));
}

/** The registry platforms of the house's lock entities: which protocols the card loads (src/adapters/index.ts). */
export const lockPlatforms = (hass: Pick<HomeAssistant, 'entities'>): (string | undefined)[] =>
  Object.values(hass.entities ?? {}).filter((e) => e.entity_id.startsWith('lock.')).map((e) => e.platform);

export function deviceRegistry(hass: Pick<HomeAssistant, 'devices'>): DeviceRegistryEntry[] {
  return Object.values(hass.devices ?? {}).map((d) => ({
    id: d.id, name: d.name, name_by_user: d.name_by_user ?? null, manufacturer: d.manufacturer ?? null,
    model: d.model ?? null, sw_version: d.sw_version ?? null, identifiers: d.identifiers ?? [], config_entries: d.config_entries ?? [],
  }));
}

/** What every user may read of the house, as the frontend's `hass` has it. */
export function houseOf(hass: HomeAssistant): HouseData {
  const house: HouseData = {
    config: { ...hass.config, time_zone: hass.config.time_zone },
    states: Object.values(hass.states),
    entity_registry: entityRegistry(hass),
    device_registry: deviceRegistry(hass),
  };
  if (hass.user) house.current_user = hass.user;
  return house;
}

/** The engine's header from `hass` and what the card fetched, assembled as the CLI's capture assembles it. */
export function buildHeader(hass: HomeAssistant, shared: SharedData, admin: AdminData, now: number): SnapshotHeader {
  return assembleHeader(houseOf(hass), admin, shared, now);
}

/** The configured locks (in config order), or every discovered lock. Unknown ids are reported, not dropped. */
export function selectLocks(all: Lock[], wanted: string[] | undefined): { locks: Lock[]; missing: string[] } {
  if (!wanted) return { locks: all, missing: [] };
  const byId = new Map(all.map((l) => [l.entity_id, l]));
  return {
    locks: wanted.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    missing: wanted.filter((id) => !byId.has(id)),
  };
}

/** Entities whose changes matter to the card: its locks and their companions, people and the home zone. */
export function watchedEntities(locks: Lock[], stateIds: Iterable<string>): Set<string> {
  const out = new Set(locks.flatMap(lockEntities));
  for (const id of stateIds) if (id.startsWith('person.') || id === 'zone.home') out.add(id);
  return out;
}
