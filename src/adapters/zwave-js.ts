// Z-Wave JS: `zwave_js_notification` (Notification CC 113), Access Control (type 6) and Home Security (type 7);
// the user codes through `zwave_js.*` services or the User Code CC. Shapes: shared/ha-reference.md §1.
import { errorCode, type HassEvent, type UsercodeResponse } from '../model/ha.js';
import type { AccessKind, AccessMethod } from '../model/lock.js';
import {
  access, fromDevice, intern, num, str, type Protocol, type ServiceCall, type Signal, type StoredRecord, type WsCall, table } from './protocol.js';

interface ZwaveRecord extends StoredRecord {
  p: 'zwave_js';
  device: string;
  type: number;
  event: number;
  userId: number | null;
  label: string;
}

const EVENT_TYPE = 'zwave_js_notification';
const NOTIFICATION_CC = 113;
const ACCESS_CONTROL = 6;
const HOME_SECURITY = 7;

/** [kind, method, carries a user slot] for each notification [type, event]; one report may mean two things. */
type Mapping = [AccessKind, AccessMethod, boolean];
const NOTIFICATIONS: Record<string, Mapping[]> = table({
  '6.1': [['lock', 'manual', false]],
  '6.2': [['unlock', 'manual', false]],
  '6.3': [['lock', 'rf', false]],
  '6.4': [['unlock', 'rf', false]],
  '6.5': [['lock', 'keypad', true]],
  '6.6': [['unlock', 'keypad', true]],
  '6.9': [['lock', 'auto', false]],
  '6.11': [['jam', 'unknown', false]],
  '6.12': [['code_change', 'unknown', false]],
  '6.13': [['code_change', 'keypad', true]],
  '6.14': [['code_change', 'keypad', true]],
  '6.16': [['lockout', 'keypad', false]],
  '6.19': [['lockout', 'keypad', false]],
  '6.20': [['failed', 'rf', false]],
  '6.21': [['failed', 'rf', false]],
  '6.33': [['lock', 'keypad', true]],
  '6.34': [['unlock', 'keypad', true]],
  '6.35': [['lock', 'keypad', true]],
  '6.36': [['unlock', 'keypad', true]],
  '6.39': [['code_change', 'unknown', true]],
  '6.40': [['code_change', 'unknown', true]],
  '6.41': [['code_change', 'unknown', true]],
  '6.43': [['code_change', 'unknown', true]],
  '6.44': [['code_change', 'unknown', true]],
  '6.45': [['code_change', 'unknown', true]],
  '6.50': [['failed', 'keypad', false]],
  // Home Security: 3 cover removed, 4 invalid code (also a failed attempt), 9 product moved.
  '7.3': [['tamper', 'unknown', false]],
  '7.4': [['tamper', 'unknown', false], ['failed', 'keypad', false]],
  '7.9': [['tamper', 'unknown', false]],
});

const success = (kind: AccessKind) => kind === 'lock' || kind === 'unlock' || kind === 'code_change';

/** The [type, event] pairs that carry a signal, read from the one table above. */
function pairs(signal: Signal): [number, number][] {
  return Object.entries(NOTIFICATIONS)
    .filter(([, maps]) => maps.some(([kind]) => kind === signal && (signal !== 'unlock' || success(kind))))
    .map(([key]) => key.split('.').map(Number) as [number, number]);
}

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

export const zwaveJs: Protocol<ZwaveRecord> = {
  id: 'zwave_js',
  title: 'Z-Wave JS',
  platforms: ['zwave_js'],
  eventTypes: [EVENT_TYPE],
  capabilities: { failures: true, tamper: true, lockout: true, jam: true, codes: 'read' },

  recordEvent(e: HassEvent, t: number): ZwaveRecord | null {
    if (e.event_type !== EVENT_TYPE) return null;
    const d = e.data ?? {};
    if (typeof d.device_id !== 'string' || d.command_class !== NOTIFICATION_CC && d.command_class !== undefined) return null;
    const type = num(d.type), event = num(d.event);
    if (type === null || event === null) return null;
    const params = (d.parameters ?? {}) as Record<string, unknown>;
    return { p: 'zwave_js', t, device: intern(d.device_id), type, event, userId: num(params.userId), label: intern(str(d.event_label) ?? '') };
  },

  toAccess(rec, index, emit) {
    if (rec.p !== 'zwave_js') return false;
    const r = rec as ZwaveRecord;
    const lock = index.byDevice.get(r.device);
    if (lock?.protocol !== 'zwave_js') return true;
    for (const [kind, method, hasSlot] of NOTIFICATIONS[`${r.type}.${r.event}`] ?? []) {
      emit(access(lock.entity_id, r.t, kind, method, hasSlot && r.userId ? r.userId : null, success(kind), null, r.label, 'protocol'));
    }
    return true;
  },

  signals: { unlock: signal('unlock'), failed: signal('failed'), lockout: signal('lockout'), tamper: signal('tamper'), jam: signal('jam') },
  reportsUnlocks: () => "lock in integration_entities('zwave_js')",
  describe: (t) => ({
    when: `${t}.platform == 'event' and ${t}.event.event_type == '${EVENT_TYPE}'`,
    method: `${JSON.stringify(METHODS)}.get(${t}.event.data.type ~ '.' ~ ${t}.event.data.event, 'unknown method')`,
    slot: `(${t}.event.data.parameters or {}).get('userId')`,
  }),
  coverage: {
    refs: [EVENT_TYPE],
    signals: {
      failed: new RegExp(`"event":\\s*"?(${[...pairs('failed'), ...pairs('lockout')].filter(([t]) => t === ACCESS_CONTROL).map(([, e]) => e).join('|')})\\b`),
      tamper: new RegExp(`"type":\\s*"?${HOME_SECURITY}\\b`),
    },
  },
  codes: {
    read: async (call, lock) => ({ codes: await readLockCodes(call, lock) }),
    set: (lock, slot, pin) => onEntity(lock.entity_id, 'set_lock_usercode', { code_slot: slot, usercode: pin }),
    clear: (lock, slot) => onEntity(lock.entity_id, 'clear_lock_usercode', { code_slot: slot }),
  },
};
