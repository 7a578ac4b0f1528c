// Z-Wave JS, what Lock Sentinel makes Home Assistant do (the protocol's reports are read in zwave-js.ts): alert
// triggers on `zwave_js_notification`, the user codes read through `zwave_js.*` services or the User Code CC, set
// and cleared through `zwave_js.*_lock_usercode`. Loaded with the generator and the code services only.
// Shapes: shared/ha-reference.md §1.
import { errorCode, type UsercodeResponse } from '../model/ha.js';
import { fromDevice, type ProtocolActions, type ServiceCall, type Signal, type WsCall } from './protocol.js';
import { EVENT_TYPE, NOTIFICATION_CC, NOTIFICATIONS, pairs } from './zwave-js.js';

const jinjaPairs = (list: [number, number][]) => `[${list.map(([t, e]) => `[${t}, ${e}]`).join(', ')}]`;

function signal(name: Signal) {
  return {
    triggers: (s: { device: string | null }) =>
      [{ trigger: 'event', event_type: EVENT_TYPE, event_data: { ...(s.device ? { device_id: s.device } : {}), command_class: NOTIFICATION_CC } }],
    test: (_s: unknown, t: string) => `${fromDevice(t, EVENT_TYPE)} and [${t}.event.data.type, ${t}.event.data.event] in ${jinjaPairs(pairs(name))}`,
  };
}

/** Method per "type.event" for alert texts, as the audit reads it (Home Security 4: the failed attempt's). */
const METHODS = Object.fromEntries(Object.entries(NOTIFICATIONS).map(([k, maps]) => [k, maps[maps.length - 1][1]]));

// ---- user codes ----

const USER_CODE_CC = 99;
/** User Code CC userIdStatus values that hold a code: enabled, disabled, messaging, passage mode. */
const CODE_IN_SLOT = new Set([1, 2, 3, 4]);
/** Slots read one by one when the lock does not say how many it has. */
const SLOTS_IF_UNKNOWN = 30;
/** Errors that mean "this HA has no such service". */
const NO_SERVICE = new Set(['not_found', 'service_not_found', 'service_validation_error', 'unknown_command']);

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

/** `zwave_js.get_users` (HA with the user/credential API): every PIN credential of every user, by its slot. */
async function viaUsers(call: WsCall, entityId: string): Promise<UsercodeResponse> {
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

/** The admin-only `zwave_js/invoke_cc_api` asks the lock itself (User Code CC: the slot count, then each slot). */
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

/**
 * One Z-Wave lock's user codes, in `zwave_js.get_lock_usercode`'s shape. In order: `zwave_js.get_lock_usercode`;
 * the user/credential API of newer HA (`zwave_js.get_users`); else the User Code CC through `invoke_cc_api` (2025.4).
 * The codes go to the engine's strength check and nowhere else.
 */
export async function readLockCodes(call: WsCall, lock: { entity_id: string; device_id: string | null }): Promise<UsercodeResponse> {
  for (const read of [viaService, viaUsers]) {
    try {
      return await read(call, lock.entity_id);
    } catch (err) {
      if (!NO_SERVICE.has(errorCode(err) ?? '')) throw err;
    }
  }
  if (!lock.device_id) throw { code: 'not_supported', message: `${lock.entity_id} has no device to ask for its codes` };
  return viaCcApi(call, lock.device_id);
}

const onEntity = (entity_id: string, service: string, service_data: Record<string, unknown>): ServiceCall =>
  ({ domain: 'zwave_js', service, service_data, target: { entity_id } });

export const zwaveJsActions: ProtocolActions = {
  signals: { unlock: signal('unlock'), failed: signal('failed'), lockout: signal('lockout'), tamper: signal('tamper'), jam: signal('jam') },
  reportsUnlocks: () => "lock in integration_entities('zwave_js')",
  describe: (t) => ({
    when: `${t}.platform == 'event' and ${t}.event.event_type == '${EVENT_TYPE}'`,
    method: `${JSON.stringify(METHODS)}.get(${t}.event.data.type ~ '.' ~ ${t}.event.data.event, 'unknown method')`,
    slot: `(${t}.event.data.parameters or {}).get('userId')`,
  }),
  codes: {
    read: async (call, lock) => ({ codes: await readLockCodes(call, lock) }),
    set: (lock, slot, pin) => onEntity(lock.entity_id, 'set_lock_usercode', { code_slot: slot, usercode: pin }),
    clear: (lock, slot) => onEntity(lock.entity_id, 'clear_lock_usercode', { code_slot: slot }),
  },
};
