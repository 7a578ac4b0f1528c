// Reads a lock's user codes where its protocol can (admins only). The codes go to the engine and the strength check;
// the card keeps only in-use slot numbers and verdicts for display.
import type { UsercodeResponse } from '../../src/model/ha.js';
import type { Lock } from '../../src/model/lock.js';
import { checkCode } from '../../src/rules/code-strength.js';
import type { HomeAssistant } from './hass.js';
import { protocol } from '../../src/adapters/index.js';
import type { SlotVerdict } from './views/context.js';

export async function readUsercodes(callWS: HomeAssistant['callWS'], lock: Lock, connection?: HomeAssistant['connection']): Promise<UsercodeResponse | null> {
  const read = protocol(lock.protocol).codes.read;
  const sub = connection?.subscribeMessage?.bind(connection);
  return read ? read((msg) => callWS(msg), lock, sub ? { subscribe: (msg, onEvent) => sub(onEvent, msg) } : {}) : null;
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
