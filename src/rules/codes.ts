// Pillar "access codes", what every user's audit knows: how each slot's strength is known, expired codes still in
// use. The rules over the codes read back (admins only) are in read-codes.ts, the exposure rule in pin-exposed.ts.
import type { RaisedFinding } from '../model/finding.js';
import type { SlotStrength } from '../model/lock.js';
import { iso, slotKey, type Rule, type RuleContext } from './context.js';
import { parseHaTime } from '../time/zone.js';

export const DAY = 86_400_000;

/**
 * How each known slot's strength is known. Read locks: every in-use slot whose PIN was read is `read`. Elsewhere (and
 * for read slots in use whose PIN the lock did not show) a slot is known from
 * the registry or from the lock reporting its use; it is `set-strong` if Lock Sentinel set it through its strength
 * gate and no code change was reported on it since, else `unknown`.
 */
export function slotStrengths(ctx: RuleContext): SlotStrength[] {
  const out: SlotStrength[] = [];
  for (const c of ctx.codes ?? []) if (ctx.codesRead.has(c.lock) && c.code) out.push({ lock: c.lock, slot: c.slot, provenance: 'read', set_at: null });
  const seen = new Set(out.map((s) => slotKey(s.lock, s.slot)));
  // Read slots in use whose PIN the lock did not show are known only through the registry, like unread locks' slots.
  const hidden = new Set((ctx.codes ?? []).filter((c) => ctx.codesRead.has(c.lock) && !c.code).map((c) => slotKey(c.lock, c.slot)));
  const changed = new Map<string, number>();
  const used = new Set<string>();
  for (const e of ctx.timeline) {
    if (e.slot === null) continue;
    if (e.kind === 'code_change') changed.set(slotKey(e.lock, e.slot), e.time);
    else if (e.success) used.add(slotKey(e.lock, e.slot));
  }
  const known = ctx.index.byEntity;
  for (const entry of ctx.registry?.values() ?? []) {
    const key = slotKey(entry.lock, entry.slot);
    if (seen.has(key) || ctx.codesRead.has(entry.lock) && !hidden.has(key) || !known.has(entry.lock)) continue;
    seen.add(key);
    const setAt = parseHaTime(entry.set_strong);
    const strong = !Number.isNaN(setAt) && !((changed.get(key) ?? -Infinity) > setAt);
    out.push({ lock: entry.lock, slot: entry.slot, provenance: strong ? 'set-strong' : 'unknown', set_at: strong ? entry.set_strong! : null });
  }
  for (const key of [...hidden, ...used]) {
    if (seen.has(key)) continue;
    const [lock, slot] = key.split('|');
    if (ctx.codesRead.has(lock) && !hidden.has(key) || !known.has(lock)) continue;
    seen.add(key);
    out.push({ lock, slot: Number(slot), provenance: 'unknown', set_at: null });
  }
  return out.sort((a, b) => a.lock.localeCompare(b.lock) || a.slot - b.slot);
}

/** Successful uses (lock/unlock) per slot: last time. */
export function lastUse(ctx: RuleContext): Map<string, number> {
  const last = new Map<string, number>();
  for (const e of ctx.timeline) {
    if (e.slot === null || !e.success || (e.kind !== 'unlock' && e.kind !== 'lock')) continue;
    last.set(slotKey(e.lock, e.slot), e.time);
  }
  return last;
}

export function historyReachesStaleWindow(ctx: RuleContext): boolean {
  return ctx.history.present && ctx.history.earliest <= ctx.now - ctx.th.staleDays * DAY;
}

export const expiredCodes: Rule = (ctx) => {
  if (!ctx.registry) return [];
  const inUse = new Map((ctx.codes ?? []).map((c) => [slotKey(c.lock, c.slot), c.in_use]));
  const readable = new Set((ctx.codes ?? []).map((c) => c.lock).concat(Object.keys(ctx.header.usercodes ?? {})));
  const last = lastUse(ctx);
  const out: RaisedFinding[] = [];
  for (const entry of ctx.registry.values()) {
    const expires = Date.parse(entry.expires ?? '');
    if (!(expires < ctx.now)) continue;
    const key = slotKey(entry.lock, entry.slot);
    const usedAfter = (last.get(key) ?? -Infinity) > expires;
    // In use: the lock says so, or (where codes cannot be read) it opened the door after its expiry.
    const stillInUse = readable.has(entry.lock) ? inUse.get(key) === true : usedAfter;
    if (!stillInUse) continue;
    out.push({
      id: 'expired-code', severity: 'critical', entity_id: entry.lock, time: iso(expires),
      told: { k: 'expired', lock: entry.lock, slot: entry.slot, expires, usedAfter },
    });
  }
  return out;
};
