// Pillar "access codes": strength, uniqueness, reuse, staleness, expiry, registration, exposure.
import type { RaisedFinding } from '../model/finding.js';
import type { CodeSlot, SlotStrength } from '../model/lock.js';
import { checkCode } from './code-strength.js';
import { parseHaTime } from '../time/zone.js';
import { iso, lockName, slotKey, slotLabel, type Rule, type RuleContext } from './context.js';

const DAY = 86_400_000;

function groupByCode(codes: CodeSlot[], key: (c: CodeSlot) => string): CodeSlot[][] {
  const groups = new Map<string, CodeSlot[]>();
  for (const c of codes) {
    if (!c.code) continue;
    const k = key(c);
    const g = groups.get(k);
    if (g) g.push(c); else groups.set(k, [c]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

export const weakCodes: Rule = (ctx) =>
  (ctx.codes ?? []).flatMap((c): RaisedFinding[] => {
    if (!c.code) return [];
    const { verdict, reasons } = checkCode(c.code);
    if (verdict === 'strong') return [];
    return [{
      id: 'weak-code', severity: 'warning', entity_id: c.lock, time: null,
      evidence: `${slotLabel(ctx, c.lock, c.slot)} has a weak code: ${reasons.join(', ')}.`,
      fix: `Give this person a new random code of 6-8 digits (not a date, pattern or common PIN): \`lock-sentinel set-code --lock ${c.lock} --slot ${c.slot}\` proposes one and sets it.`,
    }];
  });

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

export const duplicateCodes: Rule = (ctx) =>
  groupByCode(ctx.codes ?? [], (c) => `${c.lock}\u0000${c.code}`).map((g) => ({
    id: 'duplicate-code', severity: 'warning', entity_id: g[0].lock, time: null,
    evidence: `${lockName(ctx, g[0].lock)} has the same code in slots ${g.map((c) => c.slot).join(', ')}${holders(ctx, g)}.`,
    fix: 'Give every person a unique code so each access can be traced to one person; delete the shared slots.',
  }));

function holders(ctx: RuleContext, g: CodeSlot[]): string {
  const names = g.map((c) => ctx.registry?.get(slotKey(c.lock, c.slot))?.name).filter(Boolean);
  return names.length ? ` (held by ${[...new Set(names)].join(', ')})` : '';
}

export const reusedAcrossLocks: Rule = (ctx) =>
  groupByCode(ctx.codes ?? [], (c) => c.code)
    .filter((g) => new Set(g.map((c) => c.lock)).size > 1)
    .map((g) => {
      const sorted = [...g].sort((a, b) => a.lock.localeCompare(b.lock) || a.slot - b.slot);
      const names = sorted.map((c) => ctx.registry?.get(slotKey(c.lock, c.slot))?.name?.trim().toLowerCase());
      const samePerson = names.every((n) => n) && new Set(names).size === 1;
      return {
        id: 'code-reused-across-locks' as const,
        severity: samePerson ? ('info' as const) : ('warning' as const),
        entity_id: sorted[0].lock, time: null,
        evidence: `The same code is set on ${sorted.map((c) => slotLabel(ctx, c.lock, c.slot)).join(' and ')}${samePerson ? ' (one person)' : ''}.`,
        fix: samePerson
          ? 'Consider a different code per lock so one leaked code does not open every door.'
          : 'Codes must differ between locks and between people: set a new code on each lock.',
      };
    });

/** Successful uses (lock/unlock) per slot: last time. */
function lastUse(ctx: RuleContext): Map<string, number> {
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

export const staleCodes: Rule = (ctx) => {
  if (!ctx.codes || !historyReachesStaleWindow(ctx)) return [];
  const last = lastUse(ctx);
  const limit = ctx.now - ctx.th.staleDays * DAY;
  return ctx.codes.flatMap((c): RaisedFinding[] => {
    // A lock whose unlocks never name the slot cannot show a slot unused.
    const lock = ctx.index.byEntity.get(c.lock);
    if (lock && ctx.protocolOf(lock.protocol).reportsSlotUse === false) return [];
    const added = Date.parse(ctx.registry?.get(slotKey(c.lock, c.slot))?.added ?? '');
    if (added > limit) return [];
    const used = last.get(slotKey(c.lock, c.slot));
    if (used !== undefined && used > limit) return [];
    return [{
      id: 'stale-code', severity: 'warning', entity_id: c.lock, time: used === undefined ? null : iso(used),
      evidence: used === undefined
        ? `${slotLabel(ctx, c.lock, c.slot)} was not used once in the history (${Math.floor((ctx.now - ctx.history.earliest) / DAY)} days).`
        : `${slotLabel(ctx, c.lock, c.slot)} was last used ${Math.floor((ctx.now - used) / DAY)} days ago (${ctx.tz.format(used)}).`,
      fix: `Codes unused for ${ctx.th.staleDays}+ days should go: check the holder still needs access, else delete the code.`,
    }];
  });
};

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
      evidence: `${slotLabel(ctx, entry.lock, entry.slot)} expired ${ctx.tz.format(expires)} and is still ${usedAfter ? 'in use (it opened the door after that)' : 'set on the lock'}.`,
      fix: 'Delete this code now (guests: the same day they leave; staff: within 1 hour).',
    });
  }
  return out;
};

export const unregisteredCodes: Rule = (ctx) => {
  if (!ctx.registry || !ctx.codes) return [];
  const registry = ctx.registry;
  return ctx.codes
    .filter((c) => !registry.has(slotKey(c.lock, c.slot)))
    .map((c) => ({
      id: 'unregistered-code' as const, severity: 'warning' as const, entity_id: c.lock, time: null,
      evidence: `${slotLabel(ctx, c.lock, c.slot)} holds a code but nobody is recorded as its holder.`,
      fix: 'Record who holds this code (name, role, date added, expiry) or delete it.',
    }));
};
