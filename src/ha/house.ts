// The engine's SnapshotHeader from what Home Assistant tells about the house, for the CLI's capture and the card
// alike: both pass one websocket call (the CLI's connection, the card's hass.callWS). What HA refuses this user
// stays out of the header, and the engine reports those checks as unknown. No DOM, no websocket library.
import { discoverLocks } from '../adapters/discovery.js';
import { protocol } from '../adapters/index.js';
import type {
  DeviceRegistryEntry, EntityRegistryEntry, HassCurrentUser, HassState, HassUser, SlotRange, SnapshotHeader, UsercodeResponse, WsCall,
} from '../model/ha.js';
import type { Lock } from '../model/lock.js';
import type { ReadOptions } from '../adapters/protocol.js';
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

/** What only administrators may read; missing pieces stay unknown to the engine. */
export interface AdminData {
  usercodes?: Record<string, UsercodeResponse>;
  usercode_slots?: Record<string, SlotRange>;
  users?: HassUser[];
  automations?: Record<string, unknown>[];
}

/** Every automation's config, or undefined when HA refuses any of them (a partial list would prove nothing). */
export async function automationConfigs(call: WsCall, states: HassState[]): Promise<Record<string, unknown>[] | undefined> {
  const configs: Record<string, unknown>[] = [];
  for (const s of states.filter((x) => x.entity_id.startsWith('automation.'))) {
    const r = await optional<{ config: Record<string, unknown> }>(call, { type: 'automation/config', entity_id: s.entity_id });
    if (!r) return undefined;
    configs.push(r.config);
  }
  return configs;
}

/**
 * The codes of each lock whose protocol can read them back; locks whose read failed are listed (their codes stay
 * unknown); `ranges`: locks whose read covered only some slots.
 */
export async function readUsercodes(
  call: WsCall, locks: Pick<Lock, 'entity_id' | 'device_id' | 'protocol'>[], options: ReadOptions = {},
): Promise<{ codes: Record<string, UsercodeResponse>; failed: string[]; ranges: Record<string, SlotRange> }> {
  const codes: Record<string, UsercodeResponse> = {};
  const ranges: Record<string, SlotRange> = {};
  const failed: string[] = [];
  for (const lock of locks) {
    const read = protocol(lock.protocol).codes.read;
    if (!read) continue;
    try {
      // A lock that did not answer (null) keeps its codes unknown.
      const answer = await read(call, lock, options);
      if (!answer) continue;
      codes[lock.entity_id] = answer.codes;
      if (answer.range) ranges[lock.entity_id] = answer.range;
    } catch {
      failed.push(lock.entity_id);
    }
  }
  return { codes, failed, ranges };
}

/** The admin data of the house: accounts, automation configs and the user codes of `locks` (null: codes unknown). */
export async function readAdminData(
  call: WsCall, states: HassState[], locks: Lock[] | null, options: ReadOptions = {},
): Promise<AdminData & { codesFailed: string[] }> {
  const users = await optional<HassUser[]>(call, { type: 'config/auth/list' });
  const automations = await automationConfigs(call, states);
  const { codes, failed, ranges } = locks ? await readUsercodes(call, locks, options) : { codes: null, failed: [], ranges: {} };
  const admin: AdminData & { codesFailed: string[] } = { codesFailed: failed };
  if (users) admin.users = users;
  if (automations) admin.automations = automations;
  // Codes HA refused for every lock tried are unknown, not an empty list.
  if (codes && (Object.keys(codes).length || !failed.length)) admin.usercodes = codes;
  if (Object.keys(ranges).length) admin.usercode_slots = ranges;
  return admin;
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
