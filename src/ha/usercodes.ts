// Reads one Z-Wave lock's user codes through Home Assistant, in `zwave_js.get_lock_usercode`'s shape, for the CLI's
// capture and the card alike (each passes its own websocket call). The first API this HA offers, richest first:
// `zwave_js.get_lock_usercode` (slots and codes; HA 2026.2+); the user/credential API (`zwave_js.get_users`,
// HA 2026.6+: which slots hold a PIN credential, never the PIN itself); else the admin-only
// `zwave_js/invoke_cc_api`, which asks the lock itself (User Code CC: the slot count, then each slot), as on 2025.4.
// The codes go to the engine's strength check and nowhere else.
import type { UsercodeResponse } from '../model/ha.js';

export type WsCall = <T>(msg: { type: string; [key: string]: unknown }) => Promise<T>;

const USER_CODE_CC = 99;
/** User Code CC userIdStatus values that hold a code: enabled, disabled, messaging, passage mode. */
const CODE_IN_SLOT = new Set([1, 2, 3, 4]);
/** Slots read one by one when the lock does not say how many it has. */
const SLOTS_IF_UNKNOWN = 30;
/** Errors that mean "this HA has no such service". */
const NO_SERVICE = new Set(['not_found', 'service_not_found', 'service_validation_error', 'unknown_command']);

const codeOf = (e: unknown) => (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : null);

async function viaService(call: WsCall, entityId: string): Promise<UsercodeResponse> {
  const r = await call<{ response: Record<string, unknown> }>({
    type: 'call_service', domain: 'zwave_js', service: 'get_lock_usercode', service_data: {},
    target: { entity_id: entityId }, return_response: true,
  });
  // Keyed by entity id, or on some versions directly by slot.
  return ((r.response?.[entityId] ?? r.response) as UsercodeResponse) ?? {};
}

interface CredentialUsers {
  users?: { active?: boolean; credentials?: { type?: string; slot?: number; data?: string }[] }[];
}

/**
 * `zwave_js.get_users` (HA with the user/credential API): every PIN credential of every user, by its slot. HA 2026.x
 * lists credentials without their data, so the slots are in use with an empty code (no strength verdict).
 */
export async function viaUsers(call: WsCall, entityId: string): Promise<UsercodeResponse> {
  const r = await call<{ response: Record<string, CredentialUsers> }>({
    type: 'call_service', domain: 'zwave_js', service: 'get_users', service_data: {},
    target: { entity_id: entityId }, return_response: true,
  });
  const out: UsercodeResponse = {};
  for (const user of r.response?.[entityId]?.users ?? []) {
    for (const c of user.credentials ?? []) {
      if (c.type !== 'pin_code' || !Number.isInteger(c.slot)) continue;
      out[String(c.slot)] = { usercode: typeof c.data === 'string' ? c.data : '', in_use: true };
    }
  }
  return out;
}

async function viaCcApi(call: WsCall, deviceId: string): Promise<UsercodeResponse> {
  const invoke = <T>(method_name: string, parameters: unknown[]) =>
    call<T>({ type: 'zwave_js/invoke_cc_api', device_id: deviceId, command_class: USER_CODE_CC, method_name, parameters, wait_for_result: true });
  const count = Number(await invoke<number>('getUsersCount', []).catch(() => SLOTS_IF_UNKNOWN));
  const slots = Number.isInteger(count) && count > 0 ? count : SLOTS_IF_UNKNOWN;
  const out: UsercodeResponse = {};
  for (let slot = 1; slot <= slots; slot++) {
    const r = await invoke<{ userIdStatus?: number; userCode?: string } | null>('get', [slot]);
    const inUse = CODE_IN_SLOT.has(Number(r?.userIdStatus));
    out[String(slot)] = { usercode: inUse && typeof r?.userCode === 'string' ? r.userCode : '', in_use: inUse };
  }
  return out;
}

/** Which of HA's APIs gave the codes. */
export type CodeSource = 'get_lock_usercode' | 'get_users' | 'invoke_cc_api';

/** The lock's codes and the API they came from: the first one this HA offers. */
export async function readLockCodesVia(call: WsCall, lock: { entity_id: string; device_id: string | null }): Promise<{ via: CodeSource; codes: UsercodeResponse }> {
  const services: [CodeSource, typeof viaService][] = [['get_lock_usercode', viaService], ['get_users', viaUsers]];
  for (const [via, read] of services) {
    try {
      return { via, codes: await read(call, lock.entity_id) };
    } catch (err) {
      if (!NO_SERVICE.has(codeOf(err) ?? '')) throw err;
    }
  }
  if (!lock.device_id) throw { code: 'not_supported', message: `${lock.entity_id} has no device to ask for its codes` };
  return { via: 'invoke_cc_api', codes: await viaCcApi(call, lock.device_id) };
}

export async function readLockCodes(call: WsCall, lock: { entity_id: string; device_id: string | null }): Promise<UsercodeResponse> {
  return (await readLockCodesVia(call, lock)).codes;
}
