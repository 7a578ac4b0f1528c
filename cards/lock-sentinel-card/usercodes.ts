// Reads a Z-Wave lock's user codes (admins only). The codes go to the engine and the strength check;
// the card keeps only in-use slot numbers and verdicts for display.
import type { UsercodeResponse } from '../../src/model/ha.js';
import type { Lock } from '../../src/model/lock.js';
import { checkCode } from '../../src/rules/code-strength.js';
import { errorCode, type HomeAssistant } from './hass.js';
import type { SlotVerdict } from './views/context.js';

/** User Code CC userIdStatus: 1 enabled, 2 disabled (both occupy the slot). */
const OCCUPIED = new Set([1, 2]);
/** Upper bound of slots read one by one when the lock does not report its count. */
const MAX_SLOTS = 30;

const USER_CODE_CC = 99;

type CallWS = HomeAssistant['callWS'];

/** zwave_js.get_lock_usercode (newer HA): the response keyed by entity id or, on some versions, by slot. */
async function viaService(callWS: CallWS, lock: Lock): Promise<UsercodeResponse> {
  const r = await callWS<{ response: Record<string, unknown> }>({
    type: 'call_service', domain: 'zwave_js', service: 'get_lock_usercode', service_data: {},
    target: { entity_id: lock.entity_id }, return_response: true,
  });
  const resp = (r.response?.[lock.entity_id] ?? r.response) as UsercodeResponse;
  return resp ?? {};
}

/** HA without that service (e.g. 2025.4): the User Code command class through zwave_js/invoke_cc_api. */
async function viaCcApi(callWS: CallWS, lock: Lock): Promise<UsercodeResponse> {
  const invoke = <T>(method_name: string, parameters: unknown[]) =>
    callWS<T>({ type: 'zwave_js/invoke_cc_api', device_id: lock.device_id, command_class: USER_CODE_CC, method_name, parameters, wait_for_result: true });
  const count = await invoke<number>('getUsersCount', []).catch(() => MAX_SLOTS);
  const out: UsercodeResponse = {};
  for (let slot = 1; slot <= Math.min(Number(count) || MAX_SLOTS, MAX_SLOTS); slot++) {
    const r = await invoke<{ userIdStatus?: number; userCode?: string } | null>('get', [slot]);
    const inUse = OCCUPIED.has(Number(r?.userIdStatus));
    out[String(slot)] = { usercode: inUse && typeof r?.userCode === 'string' ? r.userCode : '', in_use: inUse };
  }
  return out;
}

export async function readUsercodes(callWS: CallWS, lock: Lock): Promise<UsercodeResponse | null> {
  if (lock.protocol !== 'zwave_js') return null;
  try {
    return await viaService(callWS, lock);
  } catch (err) {
    if (!lock.device_id || !['not_found', 'service_not_found', 'service_validation_error'].includes(errorCode(err) ?? '')) throw err;
  }
  return viaCcApi(callWS, lock);
}

/** In-use slots and their strength verdicts; the codes themselves stay out of the result. */
export function summarizeUsercodes(resp: UsercodeResponse): { slots: number[]; verdicts: Map<number, SlotVerdict> } {
  const slots: number[] = [];
  const verdicts = new Map<number, SlotVerdict>();
  for (const [slot, v] of Object.entries(resp)) {
    if (!v?.in_use) continue;
    slots.push(Number(slot));
    if (v.usercode) verdicts.set(Number(slot), checkCode(String(v.usercode).trim()));
  }
  return { slots: slots.sort((a, b) => a - b), verdicts };
}
