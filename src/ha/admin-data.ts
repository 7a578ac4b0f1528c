// What only administrators may read of the house: accounts, automation configs and the locks' codes (through each
// protocol's actions, Zigbee2MQTT's over MQTT). The CLI's capture and the card's admins read it; the card loads this
// on demand, for admins alone. No DOM, no websocket library.
import { actionsOf } from '../adapters/actions.js';
import type { ReadOptions } from '../adapters/protocol.js';
import type { HassState, HassUser, SlotRange, UsercodeResponse, WsCall } from '../model/ha.js';
import type { Lock } from '../model/lock.js';
import { optional } from './command.js';
import type { AdminData } from './house.js';

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
    const read = actionsOf(lock.protocol).codes.read;
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
