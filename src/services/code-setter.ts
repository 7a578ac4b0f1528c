// Setting a code, step by step, as both faces do it (CLI `set-code` and the card's "Set a new code"): pick the PIN
// through the strength gate, send it in the lock's own service call, record the slot in the registry. The PIN lives
// only in the caller's variable and that one call: nothing here logs, stores or returns it, except a proposed code,
// handed back once for the admin to pass on.
import type { ServiceCall } from '../adapters/protocol.js';
import type { CodeRegistryEntry, CodeRole, UsercodeResponse } from '../model/ha.js';
import { gateCode, proposeCode } from './code-gate.js';
import { parseHaTime, type TimeZone } from '../time/zone.js';

export const CODE_ROLES: readonly CodeRole[] = ['family', 'guest', 'service', 'admin'];
export const HOLDER_MAX_LENGTH = 60;

/** Who will hold the new code (null: keep what the registry says, or its defaults). */
export interface CodeHolder {
  holder: string | null;
  role: CodeRole | null;
  /** ISO time, or null for no expiry. */
  expires: string | null;
}

/** Every code HA could read from any lock (a new code must differ from each). */
export function readableCodes(usercodes: Record<string, UsercodeResponse | undefined> | undefined): string[] {
  return Object.values(usercodes ?? {}).flatMap((slots) => Object.values(slots ?? {}))
    .filter((v) => v?.in_use && typeof v.usercode === 'string' && v.usercode.trim() !== '')
    .map((v) => v.usercode.trim());
}

export type PinChoice = { ok: true; pin: string; proposed: boolean } | { ok: false; reasons: string[] };

/**
 * The PIN to set: the typed one if the gate lets it through, else (nothing typed) a proposed random one. `unread`
 * names readable locks whose codes could not be read just now: a typed code cannot be compared with theirs, so it is
 * refused (a proposed code of 6-8 random digits is still offered). Reasons never hold the code.
 */
export function choosePin(typed: string | null, readable: Iterable<string>, unread: readonly string[] = []): PinChoice {
  if (typed === null) return { ok: true, pin: proposeCode(readable), proposed: true };
  const verdict = gateCode(typed, readable);
  const reasons = verdict.ok ? [] : [...verdict.reasons];
  if (unread.length) reasons.push(`the codes of ${unread.join(', ')} could not be read to compare; let Lock Sentinel propose a code`);
  return reasons.length ? { ok: false, reasons } : { ok: true, pin: typed.trim(), proposed: false };
}

/**
 * An expiry as typed, as an ISO time: a bare date expires at the end of that day and a time without a zone is read,
 * both in Home Assistant's zone (never the machine's or the browser's); null when it is no real date (2026-02-30).
 */
export function expiryTime(text: string, tz: TimeZone): string | null {
  const t = text.trim();
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(t) ? parseHaTime(`${t}T23:59:59`, tz) : /^\d{4}-\d{2}-\d{2}T/.test(t) ? parseHaTime(t, tz) : NaN;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The holder's fields, checked: a name of 1-60 characters, a known role, a date. Messages name the field only. */
export function checkHolder(input: { holder?: string | null; role?: string | null; expires?: string | null }, tz: TimeZone): { ok: true; value: CodeHolder } | { ok: false; reason: string } {
  const holder = input.holder?.trim() || null;
  if (holder !== null && holder.length > HOLDER_MAX_LENGTH) return { ok: false, reason: `the holder's name must be 1-${HOLDER_MAX_LENGTH} characters` };
  const role = input.role || null;
  if (role !== null && !CODE_ROLES.includes(role as CodeRole)) return { ok: false, reason: `the role must be one of ${CODE_ROLES.join(', ')}` };
  const text = input.expires?.trim() || null;
  let expires: string | null = null;
  if (text !== null) {
    expires = expiryTime(text, tz);
    if (expires === null) return { ok: false, reason: 'the expiry must be a date (YYYY-MM-DD or an ISO time)' };
  }
  return { ok: true, value: { holder, role: role as CodeRole | null, expires } };
}

/** The registry record of a slot just set through the gate (what is not given is kept from the old record). */
export function registryEntry(existing: CodeRegistryEntry | undefined, lock: string, slot: number, who: CodeHolder, now: string): CodeRegistryEntry {
  return {
    lock, slot,
    name: who.holder ?? existing?.name ?? 'Unnamed',
    role: who.role ?? existing?.role ?? 'family',
    added: now,
    expires: who.expires ?? (who.holder === null ? existing?.expires ?? null : null),
    set_strong: now,
  };
}

/** The registry with `entry` in place of the slot's old record. */
export function withEntry(registry: readonly CodeRegistryEntry[], entry: CodeRegistryEntry): CodeRegistryEntry[] {
  return [...registry.filter((e) => !(e.lock === entry.lock && e.slot === entry.slot)), entry];
}

/**
 * HA's refusal as one line that can never hold the code: whatever HA echoed, the PIN itself and any run of 4 or
 * more digits are dropped.
 */
export function refusal(err: unknown, pin?: string): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  const msg = typeof e === 'object' && e !== null && typeof e.message === 'string'
    ? (typeof e.code === 'string' ? `${e.code}: ${e.message}` : e.message)
    : err instanceof Error ? err.message : 'no answer';
  let line = msg.split('\n')[0] ?? '';
  if (pin) line = line.split(pin).join('[code]');
  return line.replace(/\d{4,}/g, '[digits]').slice(0, 200);
}

/** Sends the one call that sets the PIN; HA's refusal comes back as an Error whose message never holds it. */
export async function sendCode(send: (call: ServiceCall) => Promise<unknown>, call: ServiceCall, pin: string): Promise<void> {
  try {
    await send(call);
  } catch (err) {
    throw new Error(refusal(err, pin));
  }
}
