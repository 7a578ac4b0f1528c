// A snapshot (the engine's input) captured from a live Home Assistant. What HA refuses this user is left out,
// and the engine reports those checks as unknown.
import { getConfig, getStates, type Connection, type MessageBase } from 'home-assistant-js-websocket';
import type {
  DeviceRegistryEntry, EntityRegistryEntry, HassCurrentUser, HassState, HassUser, Snapshot, SnapshotHeader, UsercodeResponse,
} from '../model/ha.js';
import { isHaError, send, sendOptional } from './command.js';
import { SharedStore, type SharedData } from './shared-store.js';
import { protocol, protocolOfPlatform } from '../adapters/index.js';
import type { WsCall, WsSubscribe } from '../adapters/protocol.js';
import { historyEntities, historyEvents } from './history.js';

export interface CaptureOptions {
  /** Days of history to include as events (0: none). */
  days: number;
  onProgress?: (line: string) => void;
  now?: Date;
}

async function automationConfigs(conn: Connection, states: HassState[]): Promise<Record<string, unknown>[] | undefined> {
  const configs: Record<string, unknown>[] = [];
  for (const s of states.filter((x) => x.entity_id.startsWith('automation.'))) {
    const r = await sendOptional<{ config: Record<string, unknown> }>(conn, { type: 'automation/config', entity_id: s.entity_id });
    if (!r) return undefined;
    configs.push(r.config);
  }
  return configs;
}

/** The codes of every lock whose protocol can read them (a lock that does not answer is left out), or undefined when HA cannot or will not tell this user. */
async function usercodes(conn: Connection, registry: EntityRegistryEntry[] | undefined): Promise<Record<string, UsercodeResponse> | undefined> {
  if (!registry) return undefined;
  const call: WsCall = (msg) => send(conn, msg as MessageBase);
  const subscribe: WsSubscribe = (msg, onEvent) => conn.subscribeMessage(onEvent, msg as MessageBase);
  const out: Record<string, UsercodeResponse> = {};
  for (const e of registry.filter((r) => r.entity_id.startsWith('lock.') && !r.disabled_by)) {
    const read = protocol(protocolOfPlatform(e.platform)).codes.read;
    if (!read) continue;
    try {
      const codes = await read(call, e, { subscribe });
      if (codes) out[e.entity_id] = codes;
    } catch (err) {
      if (isHaError(err)) return undefined;
      throw err;
    }
  }
  return out;
}

export async function captureHeader(conn: Connection, now: Date): Promise<SnapshotHeader> {
  const [config, states] = await Promise.all([getConfig(conn), getStates(conn)]);
  const entity_registry = await sendOptional<EntityRegistryEntry[]>(conn, { type: 'config/entity_registry/list' });
  const device_registry = await sendOptional<DeviceRegistryEntry[]>(conn, { type: 'config/device_registry/list' });
  const users = await sendOptional<HassUser[]>(conn, { type: 'config/auth/list' });
  const current_user = await send<HassCurrentUser>(conn, { type: 'auth/current_user' });
  const header: SnapshotHeader = {
    version: 1,
    captured_at: now.toISOString(),
    config: { ...config } as SnapshotHeader['config'],
    states: states as HassState[],
    current_user,
  };
  if (entity_registry) header.entity_registry = entity_registry;
  if (device_registry) header.device_registry = device_registry;
  if (users) header.users = users;
  const automations = await automationConfigs(conn, header.states);
  if (automations) header.automations = automations;
  const codes = await usercodes(conn, entity_registry);
  if (codes) header.usercodes = codes;
  const shared = await sharedData(conn);
  if (shared) {
    header.code_registry = shared.code_registry;
    header.reviews = shared.reviews;
    header.checklist = shared.checklist;
  }
  return header;
}

/** The registry, review marks and checklist the household keeps in HA (the card's store), as the card reads them. */
async function sharedData(conn: Connection): Promise<SharedData | undefined> {
  const store = new SharedStore(() => ({ callWS: <T>(msg: { type: string }) => send<T>(conn, msg as MessageBase) }));
  try {
    return await store.load();
  } catch (err) {
    if (isHaError(err)) return undefined;
    throw err;
  }
}

export async function captureSnapshot(conn: Connection, opts: CaptureOptions): Promise<Snapshot> {
  const now = opts.now ?? new Date();
  const header = await captureHeader(conn, now);
  if (opts.days <= 0) return header;
  const ids = historyEntities(header);
  const start = new Date(now.getTime() - opts.days * 86400_000);
  const events = await historyEvents((msg) => send(conn, msg as MessageBase), ids, start, now, (done, total) => {
    opts.onProgress?.(`history: ${done}/${total} entities, last ${opts.days} day(s)`);
  });
  return { ...header, events };
}
