// Which locks a check could judge, and why the others give no evidence. A check that saw no lock is unknown;
// one that saw only some locks is never a full pass (see evaluateChecks). How it is told: check-texts.ts.
import type { Lock } from '../model/lock.js';
import type { RuleContext } from '../rules/context.js';
import { slotStrengths } from '../rules/codes.js';

/**
 * Why a lock gives a check no evidence, or how it was seen; check-texts.ts tells it (with the lock's protocol).
 * `codes`: its codes are unknown (not read, cannot be read back, the occupied slots not listed); `slot-use`: its
 * unlocks do not say which slot; `hidden`: read, but the lock did not show the PINs of these slots; `strength`: these
 * occupied slots hold codes of unknown strength (`base`: why they are unknown); `through`: the entity its reports come
 * through is missing; `no-failures` / `no-tamper`: it does not report them; `failure-events` / `tamper-events`: its
 * own events report them, received live only and not in the history loaded; `no-history`, `no-battery`,
 * `no-firmware`; `read-via`: how its codes were read; `read`: only slots 1-`read` were read (of `total`, null: it
 * does not say); `whereabouts`: at that many of its `of` unlocks nobody was home and these persons' whereabouts were
 * unknown.
 */
export type Gap =
  | 'codes' | 'slot-use' | 'through' | 'no-failures' | 'failure-events' | 'no-tamper' | 'tamper-events' | 'no-history'
  | 'no-battery' | 'no-firmware' | 'read-via'
  | { hidden: number[] }
  | { strength: number[]; base: Gap }
  | { read: number; total: number | null }
  | { whereabouts: number; of: number; who: string[] };

export interface LockGap {
  lock: string;
  why: Gap;
}

/** What a coverage counts: locks whose codes were read, that report wrong codes, tampering, unlocks, a battery level, a firmware update. */
export type CoverageOf = 'codes' | 'strength' | 'failures' | 'tamper' | 'unlocks' | 'away' | 'battery' | 'firmware';

export interface Coverage {
  of: CoverageOf;
  /** Locks the check could judge. */
  seen: string[];
  /** Locks it could not judge, each with the reason. */
  missing: LockGap[];
  /** How some seen locks were seen ("Zigbee2MQTT: read over MQTT"), said after the count. */
  notes?: LockGap[];
  /** Seen locks the check could judge only in part (some of their slots were not read): never a full pass. */
  partial?: LockGap[];
  /** From when the history the check read reaches (ms), told as "over 7 days of history (since …)"; null when it reads none. */
  since: number | null;
}

/**
 * How a protocol's reports of a kind reach the audit: `events` through its own HA bus events (received live only:
 * the recorder's history API does not return them), `states` through entity states (in the history), `none` never.
 */
type Channel = 'events' | 'states' | 'none';

function channel(ctx: RuleContext, l: Lock, reports: boolean): Channel {
  if (!reports) return 'none';
  return ctx.protocolOf(l.protocol).eventTypes.length ? 'events' : 'states';
}

/** The stream carries events at all: an empty one tells nothing about any period. */
export const hasHistory = (ctx: RuleContext) => ctx.history.present && Number.isFinite(ctx.history.earliest);

function cover(ctx: RuleContext, of: CoverageOf, judge: (l: Lock) => Gap | null, since: number | null = null,
  note: (l: Lock) => Gap | null = () => null, part: (l: Lock) => Gap | null = () => null): Coverage {
  const seen: string[] = [];
  const missing: LockGap[] = [];
  const notes: LockGap[] = [];
  const partial: LockGap[] = [];
  for (const l of ctx.locks) {
    const why = judge(l);
    if (why !== null) { missing.push({ lock: l.entity_id, why }); continue; }
    seen.push(l.entity_id);
    const how = note(l);
    if (how !== null) notes.push({ lock: l.entity_id, why: how });
    const gap = part(l);
    if (gap !== null) partial.push({ lock: l.entity_id, why: gap });
  }
  return { of, seen, missing, since, ...(notes.length ? { notes } : {}), ...(partial.length ? { partial } : {}) };
}

/** A read lock whose read covered only some slots: how many were read, of how many. */
function unreadSlots(ctx: RuleContext, l: Lock): Gap | null {
  const r = ctx.codesRead.has(l.entity_id) ? ctx.header.usercode_slots?.[l.entity_id] : undefined;
  return !r || r.total !== null && r.total <= r.read ? null : { read: r.read, total: r.total };
}

/** A read lock whose protocol says how it reads codes ("Zigbee2MQTT: read over MQTT"). */
const readNote = (ctx: RuleContext, l: Lock): Gap | null =>
  (ctx.codesRead.has(l.entity_id) && ctx.protocolOf(l.protocol).codesReadVia ? 'read-via' : null);

/** In-use slots of a read lock whose PIN the lock did not show (Zigbee2MQTT without `expose_pin`). */
function hiddenPins(ctx: RuleContext, l: Lock): number[] {
  return ctx.codesRead.has(l.entity_id) ? (ctx.codes ?? []).filter((c) => c.lock === l.entity_id && !c.code).map((c) => c.slot) : [];
}

/** The lock's codes are unknown (null: they were read). */
const codesUnknown = (ctx: RuleContext, l: Lock): Gap | null => (ctx.codesRead.has(l.entity_id) ? null : 'codes');

/** Checks over the codes read: how each read lock was read, and where only some of its slots were. */
const codeCover = (ctx: RuleContext, of: CoverageOf, judge: (l: Lock) => Gap | null): Coverage =>
  cover(ctx, of, judge, null, (l) => readNote(ctx, l), (l) => unreadSlots(ctx, l));

/** The unused-codes check: read locks whose unlocks say which slot opened them. */
export const slotUseCoverage = (ctx: RuleContext): Coverage => codeCover(ctx, 'codes',
  (l) => codesUnknown(ctx, l) ?? (ctx.protocolOf(l.protocol).reportsSlotUse === false ? 'slot-use' : null));

export const codeCoverage = (ctx: RuleContext): Coverage => codeCover(ctx, 'codes', (l) => codesUnknown(ctx, l));

/** Checks that compare PINs: a read lock that hides some PINs cannot be judged. */
export const pinCoverage = (ctx: RuleContext): Coverage => codeCover(ctx, 'codes', (l) => {
  const hidden = hiddenPins(ctx, l);
  return codesUnknown(ctx, l) ?? (hidden.length ? { hidden } : null);
});

/**
 * The strength checks' view: a lock's codes are known if they were read, or if every slot known to be occupied was
 * set through the strength gate (and no change was reported since). Unknown slots keep the lock unseen.
 */
export function strengthCoverage(ctx: RuleContext): Coverage {
  const slots = slotStrengths(ctx);
  return codeCover(ctx, 'strength', (l) => {
    const mine = slots.filter((s) => s.lock === l.entity_id);
    const unknown = mine.filter((s) => s.provenance === 'unknown').map((s) => s.slot);
    const base = codesUnknown(ctx, l) ?? (unknown.length ? { hidden: unknown } : null);
    if (base === null) return null;
    if (mine.length === 0) return base;
    return unknown.length === 0 ? null : { strength: unknown, base };
  });
}

/** From when the history a check read reaches: the whole stream, or (for live protocol events) from when they are in it. */
function historySince(ctx: RuleContext, channels: Channel[]): number | null {
  if (!hasHistory(ctx)) return null;
  const since = channels.includes('events') && ctx.history.protocolSince !== null
    ? Math.max(ctx.history.protocolSince, ctx.history.earliest) : ctx.history.earliest;
  return Math.min(since, ctx.now);
}

/** Why a channel gives no evidence for this lock (null: it does). */
function channelGap(ctx: RuleContext, channel: Channel): 'none' | 'no-history' | 'events' | null {
  if (channel === 'none') return 'none';
  if (!hasHistory(ctx)) return 'no-history';
  if (channel === 'events' && ctx.history.protocolSince === null) return 'events';
  return null;
}

/** Locks whose wrong code entries reach the audit: by protocol event or action state, or a keypad-disabled sensor. */
export function failureCoverage(ctx: RuleContext): Coverage {
  const used = new Set<Channel>();
  const c = cover(ctx, 'failures', (l) => {
    if (l.sensors.keypad_disabled.length > 0 && hasHistory(ctx)) { used.add('states'); return null; }
    const p = ctx.protocolOf(l.protocol);
    const via = channel(ctx, l, p.capabilities.failures);
    const through = p.reportsThrough;
    if (via === 'states' && through && !l.protocol_entities[through.role]?.length) return 'through';
    const gap = channelGap(ctx, via);
    if (gap === null) { used.add(via); return null; }
    return gap === 'none' ? 'no-failures' : gap === 'events' ? 'failure-events' : gap;
  });
  c.since = historySince(ctx, [...used]);
  return c;
}

/** Locks whose tampering reaches the audit: a tamper sensor on the device, or the protocol's own reports. */
export function tamperCoverage(ctx: RuleContext): Coverage {
  const used = new Set<Channel>();
  const c = cover(ctx, 'tamper', (l) => {
    if (l.sensors.tamper.length > 0) { used.add('states'); return null; }
    const p = ctx.protocolOf(l.protocol);
    // Tampering through states is a tamper sensor (above); only a protocol's own events report it otherwise.
    const via = channel(ctx, l, p.capabilities.tamper) === 'events' ? 'events' : 'none';
    const gap = channelGap(ctx, via);
    if (gap === null) { used.add(via); return null; }
    return gap === 'none' ? 'no-tamper' : gap === 'events' ? 'tamper-events' : gap;
  });
  c.since = historySince(ctx, [...used]);
  return c;
}

/** Every lock reports its unlocks through its own state, so every lock is seen over the history loaded. */
export const unlockCoverage = (ctx: RuleContext): Coverage => cover(ctx, 'unlocks', () => null, historySince(ctx, ['states']));

export const batteryCoverage = (ctx: RuleContext): Coverage => cover(ctx, 'battery', (l) => (l.battery === null ? 'no-battery' : null));

/**
 * The away check: every lock reports its unlocks, but an unlock while nobody was home and someone's whereabouts were
 * unknown (`unknown`/`unavailable`) can be judged neither way. A lock with only such unlocks is not seen; one with some
 * is seen in part.
 */
export function awayCoverage(ctx: RuleContext): Coverage {
  const unlocks = new Map<string, { all: number; unknown: number; who: Set<string> }>();
  for (const e of ctx.timeline) {
    if (e.kind !== 'unlock' || !e.success) continue;
    const n = unlocks.get(e.lock) ?? { all: 0, unknown: 0, who: new Set<string>() };
    n.all++;
    if (ctx.presence.whereabouts(e.time) === 'unknown') {
      n.unknown++;
      for (const p of ctx.presence.unknownAt(e.time)) n.who.add(p);
    }
    unlocks.set(e.lock, n);
  }
  const gap = (l: Lock): Gap | null => {
    const n = unlocks.get(l.entity_id);
    return n?.unknown ? { whereabouts: n.unknown, of: n.all, who: [...n.who].sort() } : null;
  };
  return cover(ctx, 'away', (l) => {
    const n = unlocks.get(l.entity_id);
    return n && n.unknown === n.all ? gap(l) : null;
  }, historySince(ctx, ['states']), () => null, gap);
}

export const firmwareCoverage = (ctx: RuleContext): Coverage => cover(ctx, 'firmware', (l) => (l.firmware ? null : 'no-firmware'));
