// One websocket command, typed at the boundary; commands HA refuses this user become `undefined` (`optional`).
import type { Connection, MessageBase } from 'home-assistant-js-websocket';
import type { WsCall } from '../model/ha.js';

export interface HaError {
  code: string;
  message: string;
}

export function isHaError(e: unknown): e is HaError {
  return typeof e === 'object' && e !== null && typeof (e as HaError).code === 'string' && typeof (e as HaError).message === 'string';
}

export const send = <T>(conn: Connection, msg: MessageBase): Promise<T> => conn.sendMessagePromise<T>(msg);

/** Error codes that mean "not for this user / not in this HA": the data is unknown, not a failure. */
const REFUSALS = new Set(['unauthorized', 'unknown_command', 'not_found', 'not_supported']);

/** One command whose refusal means "unknown" (undefined); other errors are thrown. */
export async function optional<T>(call: WsCall, msg: { type: string; [key: string]: unknown }): Promise<T | undefined> {
  try {
    return await call<T>(msg);
  } catch (e) {
    if (isHaError(e) && REFUSALS.has(e.code)) return undefined;
    throw e;
  }
}
