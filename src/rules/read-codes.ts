// Pillar "access codes", over the codes read back from the locks (only administrators read them): strength,
// uniqueness, reuse between locks, staleness, registration. Without codes read, each finds nothing; the card loads
// them with the codes (rules/admin.ts).
import type { RaisedFinding } from '../model/finding.js';
import type { CodeSlot } from '../model/lock.js';
import { checkCode } from './code-strength.js';
import { DAY, historyReachesStaleWindow, lastUse } from './codes.js';
import { iso, lockName, slotKey, slotLabel, type Rule, type RuleContext } from './context.js';

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
