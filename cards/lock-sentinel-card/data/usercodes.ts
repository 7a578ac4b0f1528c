// A lock's user codes (read by src/ha/house.ts, admins only) as the card keeps them: in-use slot numbers and
// strength verdicts for display. The codes themselves go to the engine and the strength check only.
import type { UsercodeResponse } from '../../../src/model/ha.js';
import { checkCode, type CodeCheck } from '../../../src/rules/code-strength.js';

/** In-use slots and their strength verdicts; the codes themselves stay out of the result. */
export function summarizeUsercodes(resp: UsercodeResponse): { slots: number[]; verdicts: Map<number, CodeCheck> } {
  const slots: number[] = [];
  const verdicts = new Map<number, CodeCheck>();
  for (const [slot, v] of Object.entries(resp)) {
    if (!v?.in_use) continue;
    slots.push(Number(slot));
    if (v.usercode) verdicts.set(Number(slot), checkCode(String(v.usercode).trim()));
  }
  return { slots: slots.sort((a, b) => a - b), verdicts };
}
