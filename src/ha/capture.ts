// A snapshot (the engine's input) captured from a live Home Assistant. What HA refuses this user is left out,
// and the engine reports those checks as unknown.
import { getConfig, getServices, getStates, type Connection } from 'home-assistant-js-websocket';
import type {
  DeviceRegistryEntry, EntityRegistryEntry, HassCurrentUser, HassState, HassUser, Snapshot, SnapshotHeader, UsercodeResponse,
} from '../model/ha.js';
import { send, sendOptional } from './command.js';
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

/** UserIDStatus values of User Code CC that hold a code: enabled, disabled, messaging, passage mode. */
const CODE_IN_SLOT = new Set([1, 2, 3, 4]);

/**
 * One Z-Wave lock's codes in `zwave_js.get_lock_usercode`'s shape. HA 2025.4 has no such service; there the admin-only
 * `zwave_js/invoke_cc_api` asks the lock itself (User Code CC 99: `getUsersCount`, then `get(slot)` per slot).
 */
async function lockCodes(conn: Connection, e: EntityRegistryEntry, hasService: boolean): Promise<UsercodeResponse | undefined> {
  if (hasService) {
    const r = await sendOptional<{ response: UsercodeResponse | Record<string, UsercodeResponse> }>(conn, {
      type: 'call_service', domain: 'zwave_js', service: 'get_lock_usercode', service_data: {},
      target: { entity_id: e.entity_id }, return_response: true,
    });
    if (!r) return undefined;
    const resp = r.response as Record<string, unknown>;
    return (e.entity_id in resp ? resp[e.entity_id] : resp) as UsercodeResponse;
  }
  if (!e.device_id) return undefined;
  const deviceId = e.device_id;
  // A lock that does not answer (asleep, dead, no User Code CC) leaves its codes unknown, not the whole capture failed.
  const cc = (method_name: string, parameters: unknown[]) => sendOptional<unknown>(conn, {
    type: 'zwave_js/invoke_cc_api', device_id: deviceId, command_class: 99, method_name, parameters, wait_for_result: true,
  }).catch(() => undefined);
  const count = await cc('getUsersCount', []);
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return undefined;
  const out: UsercodeResponse = {};
  for (let slot = 1; slot <= count; slot++) {
    const r = (await cc('get', [slot])) as { userIdStatus?: number; userCode?: string } | null | undefined;
    const inUse = CODE_IN_SLOT.has(r?.userIdStatus ?? 0);
    out[String(slot)] = { usercode: inUse ? String(r?.userCode ?? '') : '', in_use: inUse };
  }
  return out;
}

/** The codes of every Z-Wave lock, or undefined when HA cannot or will not tell this user. */
async function usercodes(conn: Connection, registry: EntityRegistryEntry[] | undefined): Promise<Record<string, UsercodeResponse> | undefined> {
  if (!registry) return undefined;
  const services = await getServices(conn);
  if (!services.zwave_js) return undefined;
  const hasService = Boolean(services.zwave_js.get_lock_usercode);
  const out: Record<string, UsercodeResponse> = {};
  for (const e of registry.filter((r) => r.platform === 'zwave_js' && r.entity_id.startsWith('lock.') && !r.disabled_by)) {
    const codes = await lockCodes(conn, e, hasService);
    if (!codes) return undefined;
    out[e.entity_id] = codes;
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
  return header;
}

export async function captureSnapshot(conn: Connection, opts: CaptureOptions): Promise<Snapshot> {
  const now = opts.now ?? new Date();
  const header = await captureHeader(conn, now);
  if (opts.days <= 0) return header;
  const ids = historyEntities(header);
  const start = new Date(now.getTime() - opts.days * 86400_000);
  const events = await historyEvents(conn, ids, start, now, (done, total) => {
    opts.onProgress?.(`history: ${done}/${total} entities, last ${opts.days} day(s)`);
  });
  return { ...header, events };
}
