// The engine's SnapshotHeader from what Home Assistant tells about the house, for the CLI's capture and the card
// alike: both pass one websocket call (the CLI's connection, the card's hass.callWS). What HA refuses this user
// stays out of the header, and the engine reports those checks as unknown. No DOM, no websocket library.
import { discoverLocks } from '../adapters/discovery.js';
import type {
  DeviceRegistryEntry, EntityRegistryEntry, HassCurrentUser, HassState, HassUser, SlotRange, SnapshotHeader, UsercodeResponse, WsCall,
} from '../model/ha.js';
import type { Lock } from '../model/lock.js';
import { optional } from './command.js';
import type { SharedData } from './shared-store.js';

/** What every user may read of the house (the card has it in `hass`; the CLI asks for it). */
export interface HouseData {
  config: SnapshotHeader['config'];
  states: HassState[];
  entity_registry?: EntityRegistryEntry[];
  device_registry?: DeviceRegistryEntry[];
  current_user?: HassCurrentUser;
}

/** What only administrators may read (admin-data.ts reads it); missing pieces stay unknown to the engine. */
export interface AdminData {
  usercodes?: Record<string, UsercodeResponse>;
  usercode_slots?: Record<string, SlotRange>;
  users?: HassUser[];
  automations?: Record<string, unknown>[];
}

/** What every user may read, asked over the websocket (the card has it in `hass`). */
export async function readHouse(call: WsCall): Promise<HouseData> {
  const [config, states] = await Promise.all([
    call<SnapshotHeader['config']>({ type: 'get_config' }), call<HassState[]>({ type: 'get_states' }),
  ]);
  const house: HouseData = { config: { ...config }, states };
  const entity_registry = await optional<EntityRegistryEntry[]>(call, { type: 'config/entity_registry/list' });
  const device_registry = await optional<DeviceRegistryEntry[]>(call, { type: 'config/device_registry/list' });
  if (entity_registry) house.entity_registry = entity_registry;
  if (device_registry) house.device_registry = device_registry;
  house.current_user = await call<HassCurrentUser>({ type: 'auth/current_user' });
  return house;
}

/** The locks whose codes a capture reads: every lock of the house (null: without the entity registry, none is known). */
export const codeLocks = (house: HouseData): Lock[] | null =>
  (house.entity_registry ? discoverLocks({ version: 1, captured_at: '', ...house }) : null);

/** The one SnapshotHeader assembly: the house, the admin data and the household's shared data. */
export function assembleHeader(house: HouseData, admin: AdminData, shared: SharedData | undefined, now: number): SnapshotHeader {
  const header: SnapshotHeader = { version: 1, captured_at: new Date(now).toISOString(), config: house.config, states: house.states };
  if (house.current_user) header.current_user = house.current_user;
  if (house.entity_registry) header.entity_registry = house.entity_registry;
  if (house.device_registry) header.device_registry = house.device_registry;
  if (admin.users) header.users = admin.users;
  if (admin.automations) header.automations = admin.automations;
  if (admin.usercodes) header.usercodes = admin.usercodes;
  if (admin.usercodes && admin.usercode_slots) header.usercode_slots = admin.usercode_slots;
  if (shared) {
    header.code_registry = shared.code_registry;
    header.reviews = shared.reviews;
    header.checklist = shared.checklist;
  }
  return header;
}
