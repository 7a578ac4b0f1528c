// Which locks a check could judge, and why the others give no evidence. A check that saw no lock is unknown;
// one that saw only some locks is never a full pass (see evaluateChecks).
import { releaseAtLeast } from '../model/ha.js';
import type { Lock } from '../model/lock.js';
import { lockName, type RuleContext } from '../rules/context.js';
import { slotStrengths } from '../rules/codes.js';

export interface LockGap {
  lock: string;
  why: string;
}

export interface Coverage {
  /** Locks the check could judge. */
  seen: string[];
  /** Locks it could not judge, each with the reason. */
  missing: LockGap[];
  /** How some seen locks were seen ("Zigbee2MQTT: read over MQTT"), said after the count. */
  notes?: LockGap[];
  /** Seen locks the check could judge only in part (some of their slots were not read): never a full pass. */
  partial?: LockGap[];
  /** What partial coverage means, after "but" ("not every slot could be read"), and how to close the gap. */
  partialAs?: string;
  partialFix?: string;
  /** What "seen" means, after "N of M locks": "' codes read", " report wrong codes". */
  seenAs: string;
  /** What "missing" means, after "N lock(s)": "' codes unknown", " give no evidence". */
  missingAs: string;
  /** The history the check read, e.g. "over 7 days of history (since 2026-11-13 10:00)"; empty when it reads none. */
  window: string;
}

const DAY = 86_400_000;

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

function cover(ctx: RuleContext, judge: (l: Lock) => string | null, seenAs: string, missingAs: string, window = '',
  note: (l: Lock) => string | null = () => null, part: (l: Lock) => string | null = () => null): Coverage {
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
  return { seen, missing, seenAs, missingAs, window, ...(notes.length ? { notes } : {}), ...(partial.length ? { partial } : {}) };
}

/** A read lock whose read covered only some slots: which were read ("slots 1-30 read; slots above 30 not read"). */
function unreadSlots(ctx: RuleContext, l: Lock): string | null {
  const r = ctx.codesRead.has(l.entity_id) ? ctx.header.usercode_slots?.[l.entity_id] : undefined;
  if (!r || r.total !== null && r.total <= r.read) return null;
  const has = r.total === null ? 'the lock does not say how many it has' : `the lock has ${r.total}`;
  return `${ctx.protocolOf(l.protocol).title}: slots 1-${r.read} read; slots above ${r.read} not read (${has})`;
}

/** How a read lock's codes were read, where evidence says it ("Zigbee2MQTT: read over MQTT"). */
function readNote(ctx: RuleContext, l: Lock): string | null {
  const p = ctx.protocolOf(l.protocol);
  return ctx.codesRead.has(l.entity_id) && p.codesReadVia ? `${p.title}: ${p.codesReadVia}` : null;
}

/** In-use slots of a read lock whose PIN the lock did not show (Zigbee2MQTT without `expose_pin`). */
function hiddenPins(ctx: RuleContext, l: Lock): number[] {
  return ctx.codesRead.has(l.entity_id) ? (ctx.codes ?? []).filter((c) => c.lock === l.entity_id && !c.code).map((c) => c.slot) : [];
}

function hiddenWhy(ctx: RuleContext, l: Lock, slots: number[]): string {
  const p = ctx.protocolOf(l.protocol);
  if (p.codesHidden) return `${p.title}: ${p.codesHidden(slots)}`;
  return `${p.title}: ${p.codesHiddenWhy ?? 'the lock does not show the PIN'} of ${plural(slots.length, 'slot', 'slots')} ${slots.join(', ')}`;
}

/** Why a lock's codes are unknown, or null when they were read. */
export function codesUnknownWhy(ctx: RuleContext, l: Lock): string | null {
  if (ctx.codesRead.has(l.entity_id)) return null;
  const p = ctx.protocolOf(l.protocol);
  if (p.slotsListed) {
    const { service, since } = p.slotsListed;
    // Only the release's numbers are repeated (the snapshot's config is not trusted text).
    const release = /^\d+\.\d+/.exec(String(ctx.header.config.version))?.[0];
    return releaseAtLeast(ctx.header.config.version, since) === false
      ? `${p.title}: codes cannot be read back, and Home Assistant ${release} cannot list the occupied slots (${service} needs ${since}+)`
      : `${p.title}: codes cannot be read back, and the occupied slots were not listed (${service})`;
  }
  switch (p.capabilities.codes) {
    case 'read': return `${p.title}: codes were not read`;
    case 'write-only': return `${p.title}: codes cannot be read back`;
    default: return `${p.title}: no code service`;
  }
}

/** The unused-codes check: read locks whose unlocks say which slot opened them. */
export const slotUseCoverage = (ctx: RuleContext): Coverage => cover(ctx, (l) => {
  const why = codesUnknownWhy(ctx, l);
  const p = ctx.protocolOf(l.protocol);
  return why ?? (p.reportsSlotUse === false ? `${p.title}: unlocks do not say which slot was used` : null);
}, "' codes read", "' codes unknown", '', (l) => readNote(ctx, l), (l) => unreadSlots(ctx, l));

export const codeCoverage = (ctx: RuleContext): Coverage =>
  cover(ctx, (l) => codesUnknownWhy(ctx, l), "' codes read", "' codes unknown", '', (l) => readNote(ctx, l), (l) => unreadSlots(ctx, l));

/** Checks that compare PINs: a read lock that hides some PINs cannot be judged. */
export const pinCoverage = (ctx: RuleContext): Coverage => cover(ctx, (l) => {
  const why = codesUnknownWhy(ctx, l);
  if (why !== null) return why;
  const hidden = hiddenPins(ctx, l);
  return hidden.length ? hiddenWhy(ctx, l, hidden) : null;
}, "' codes read", "' codes unknown", '', (l) => readNote(ctx, l), (l) => unreadSlots(ctx, l));

/**
 * The strength checks' view: a lock's codes are known if they were read, or if every slot known to be occupied was
 * set through the strength gate (and no change was reported since). Unknown slots keep the lock unseen.
 */
export function strengthCoverage(ctx: RuleContext): Coverage {
  const slots = slotStrengths(ctx);
  return cover(ctx, (l) => {
    const mine = slots.filter((s) => s.lock === l.entity_id);
    const unknown = mine.filter((s) => s.provenance === 'unknown').map((s) => s.slot);
    const why = codesUnknownWhy(ctx, l) ?? (unknown.length ? hiddenWhy(ctx, l, unknown) : null);
    if (why === null) return null;
    if (mine.length === 0) return why;
    if (unknown.length === 0) return null;
    return `${why}; ${plural(unknown.length, 'slot', 'slots')} ${unknown.join(', ')} ${plural(unknown.length, 'holds a code', 'hold codes')} of unknown strength: set a new code through Lock Sentinel (\`lock-sentinel set-code --lock ${l.entity_id} --slot ${unknown[0]}\`)`;
  }, "' codes read or set through the strength gate", "' codes unknown", '', (l) => readNote(ctx, l), (l) => unreadSlots(ctx, l));
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

function span(ctx: RuleContext, since: number): string {
  const days = Math.max(0, (ctx.now - since) / DAY);
  const amount = days >= 1 ? `${Math.floor(days)} day(s)` : `${Math.max(0, Math.round((ctx.now - since) / 3_600_000))} hour(s)`;
  return `over ${amount} of history (since ${ctx.tz.format(since)})`;
}

/** The history window a check read: the whole stream, or (for live protocol events) from when they are in it. */
function historyWindow(ctx: RuleContext, channels: Channel[]): string {
  if (!hasHistory(ctx)) return '';
  const since = channels.includes('events') && ctx.history.protocolSince !== null
    ? Math.max(ctx.history.protocolSince, ctx.history.earliest) : ctx.history.earliest;
  return span(ctx, Math.min(since, ctx.now));
}

/** Why a channel gives no evidence for this lock (null: it does). */
function channelGap(ctx: RuleContext, channel: Channel): string | null {
  if (channel === 'none') return 'none';
  if (!hasHistory(ctx)) return 'no history';
  if (channel === 'events' && ctx.history.protocolSince === null) return 'events';
  return null;
}

/** Locks whose wrong code entries reach the audit: by protocol event or action state, or a keypad-disabled sensor. */
export function failureCoverage(ctx: RuleContext): Coverage {
  const used = new Set<Channel>();
  const c = cover(ctx, (l) => {
    if (l.sensors.keypad_disabled.length > 0 && hasHistory(ctx)) { used.add('states'); return null; }
    const p = ctx.protocolOf(l.protocol);
    const via = channel(ctx, l, p.capabilities.failures);
    const through = p.reportsThrough;
    if (via === 'states' && through && !l.protocol_entities[through.role]?.length) return `${p.title}: ${through.missing}`;
    const gap = channelGap(ctx, via);
    if (gap === null) { used.add(via); return null; }
    if (gap === 'none') return `${p.title}: does not report wrong codes`;
    if (gap === 'events') return `${p.title}: its wrong-code events are not in the history loaded (they are only received live)`;
    return 'no history';
  }, ' report wrong codes', ' give no evidence');
  c.window = historyWindow(ctx, [...used]);
  return c;
}

/** Locks whose tampering reaches the audit: a tamper sensor on the device, or the protocol's own reports. */
export function tamperCoverage(ctx: RuleContext): Coverage {
  const used = new Set<Channel>();
  const c = cover(ctx, (l) => {
    if (l.sensors.tamper.length > 0) { used.add('states'); return null; }
    const p = ctx.protocolOf(l.protocol);
    // Tampering through states is a tamper sensor (above); only a protocol's own events report it otherwise.
    const via = channel(ctx, l, p.capabilities.tamper) === 'events' ? 'events' : 'none';
    const gap = channelGap(ctx, via);
    if (gap === null) { used.add(via); return null; }
    if (gap === 'none') return `${p.title}: no tamper sensor or report`;
    if (gap === 'events') return `${p.title}: its tamper events are not in the history loaded (they are only received live)`;
    return 'no history';
  }, ' report tampering', ' give no evidence');
  c.window = historyWindow(ctx, [...used]);
  return c;
}

/** Every lock reports its unlocks through its own state, so every lock is seen over the history loaded. */
export const unlockCoverage = (ctx: RuleContext): Coverage =>
  cover(ctx, () => null, ' report unlocks', ' give no evidence', historyWindow(ctx, ['states']));

export const AWAY_GAP_FIX = 'A person unknown or unavailable (e.g. right after a Home Assistant restart) says nothing about an empty house: check those unlocks in the timeline.';

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
  const why = (l: Lock) => {
    const n = unlocks.get(l.entity_id);
    return n?.unknown ? `whereabouts unknown at ${n.unknown} of ${n.all} unlock(s) (${[...n.who].sort().join(', ')}: unknown or unavailable)` : null;
  };
  const c = cover(ctx, (l) => {
    const n = unlocks.get(l.entity_id);
    return n && n.unknown === n.all ? why(l) : null;
  }, ' report unlocks', ' give no evidence', historyWindow(ctx, ['states']), () => null, (l) => why(l));
  c.partialAs = "not every unlock could be judged (nobody was home and someone's whereabouts were unknown)";
  c.partialFix = AWAY_GAP_FIX;
  return c;
}

export const batteryCoverage = (ctx: RuleContext): Coverage =>
  cover(ctx, (l) => (l.battery === null ? 'no battery level' : null), ' report a battery level', ' give no evidence');

export const firmwareCoverage = (ctx: RuleContext): Coverage =>
  cover(ctx, (l) => (l.firmware ? null : 'no firmware update entity'), ' have a firmware update entity', ' give no evidence');

/** "locks' codes read", "lock's codes read", "locks report wrong codes", "1 of 3 locks reports ...": noun by `nouns`, verb by `subjects`. */
function phrase(as: string, nouns: number, subjects: number): string {
  if (as.startsWith("'")) return (nouns === 1 ? "lock's" : "locks'") + as.slice(1);
  return (nouns === 1 ? 'lock' : 'locks') + (subjects === 1 ? singular(as) : as);
}

/** " report wrong codes" → " reports wrong codes". */
function singular(as: string): string {
  const m = /^ (\w+)(.*)$/.exec(as);
  if (!m) return as;
  const [, verb, rest] = m;
  return ` ${verb === 'have' ? 'has' : verb === 'give' ? 'gives' : `${verb}s`}${rest}`;
}

/** "3 of 5 locks' codes read; 2 locks' codes unknown (Back Door: ZHA: codes cannot be read back; ...)." */
export function describeCoverage(ctx: RuleContext, c: Coverage): string {
  const total = c.seen.length + c.missing.length;
  const n = c.missing.length;
  const said = [...c.notes ?? [], ...c.partial ?? []];
  const how = said.length ? ` (${said.map((g) => `${lockName(ctx, g.lock)}: ${g.why}`).join('; ')})` : '';
  const head = `${c.seen.length} of ${total} ${phrase(c.seenAs, total, c.seen.length)}${how}`;
  const gaps = n ? `; ${n} ${phrase(c.missingAs, n, n)} (${c.missing.map((g) => `${lockName(ctx, g.lock)}: ${g.why}`).join('; ')})` : '';
  return `${head}${c.window ? ` ${c.window}` : ''}${gaps}.`;
}
