// The strength gate every code Lock Sentinel sets goes through: a proposed random code, or one typed in and checked.
// The PIN lives only in the caller's variable and the one service call that sets it.
import { checkCode } from '../rules/code-strength.js';

export const GATE_MIN_LENGTH = 6;
export const GATE_MAX_LENGTH = 8;

export type GateVerdict = { ok: true } | { ok: false; reasons: string[] };

/** Uniform random integer in [0, n) from a source of random 32-bit words (crypto.getRandomValues by default). */
function uniform(n: number, words: () => number): number {
  const limit = 2 ** 32 - (2 ** 32 % n);
  for (;;) {
    const w = words();
    if (w < limit) return w % n;
  }
}

const cryptoWords = () => globalThis.crypto.getRandomValues(new Uint32Array(1))[0];

/** A random code of 6-8 digits that passes the gate (and differs from every code in `avoid`). */
export function proposeCode(avoid: Iterable<string> = [], words: () => number = cryptoWords): string {
  const taken = new Set(avoid);
  for (;;) {
    const length = GATE_MIN_LENGTH + uniform(GATE_MAX_LENGTH - GATE_MIN_LENGTH + 1, words);
    let code = '';
    for (let i = 0; i < length; i++) code += String(uniform(10, words));
    if (gateCode(code, taken).ok) return code;
  }
}

/**
 * May this code be set? 6-8 digits, strong by the code-check rules, and not equal to any code that could be read
 * from any lock. The reasons never contain the code.
 */
export function gateCode(pin: string, readable: Iterable<string>): GateVerdict {
  const code = pin.trim();
  const reasons: string[] = [];
  if (!/^\d+$/.test(code)) reasons.push('digits only');
  else if (code.length < GATE_MIN_LENGTH || code.length > GATE_MAX_LENGTH) reasons.push(`${GATE_MIN_LENGTH}-${GATE_MAX_LENGTH} digits (got ${code.length})`);
  const check = checkCode(code);
  for (const r of check.reasons) if (!r.startsWith('short')) reasons.push(r);
  for (const other of readable) {
    if (other.trim() === code) {
      reasons.push('the same as a code already set on a lock');
      break;
    }
  }
  return reasons.length ? { ok: false, reasons } : { ok: true };
}
