// Pillar "audits": what the access log shows — failed-attempt bursts, unusual hours, access while away.
import type { RaisedFinding } from '../model/finding.js';
import type { AccessEvent } from '../model/lock.js';
import { inUnusualHours } from '../thresholds.js';
import { iso, slotKey, type Rule, type RuleContext } from './context.js';
import { Tally, tallyFields } from './aggregate.js';

const MIN = 60_000;

interface Burst {
  lock: string;
  start: number;
  end: number;
  failures: number;
  lockoutLabels: string[];
  events: number[];
}

/**
 * Bursts on one lock: a window of `failedAttempts` failures within `failedWindowMinutes`, grown by every
 * further failure that follows within the window, and the lock's own lockout reports; bursts and lockouts
 * closer than the window are one burst.
 */
function bursts(seqs: number[], lock: string, ctx: RuleContext): Burst[] {
  const windowMs = ctx.th.failedWindowMinutes * MIN;
  const { timeline } = ctx;
  const time = (seq: number) => timeline.time(seq);
  const failures = seqs.filter((seq) => timeline.kind(seq) === 'failed');
  const spans: Burst[] = [];
  let i = 0;
  while (i < failures.length) {
    const j = i + ctx.th.failedAttempts - 1;
    if (j < failures.length && time(failures[j]) - time(failures[i]) <= windowMs) {
      let end = j;
      while (end + 1 < failures.length && time(failures[end + 1]) - time(failures[end]) <= windowMs) end++;
      const part = failures.slice(i, end + 1);
      spans.push({ lock, start: time(part[0]), end: time(part[part.length - 1]), failures: part.length, lockoutLabels: [], events: part });
      i = end + 1;
    } else {
      i++;
    }
  }
  for (const seq of seqs) {
    if (timeline.kind(seq) === 'lockout') spans.push({ lock, start: time(seq), end: time(seq), failures: 0, lockoutLabels: [timeline.at(seq).label || 'lockout'], events: [seq] });
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: Burst[] = [];
  for (const s of spans) {
    const prev = merged[merged.length - 1];
    if (prev && s.start - prev.end <= windowMs) {
      prev.end = Math.max(prev.end, s.end);
      prev.failures += s.failures;
      prev.lockoutLabels.push(...s.lockoutLabels);
      for (const seq of s.events) prev.events.push(seq);
    } else {
      merged.push({ ...s, lockoutLabels: [...s.lockoutLabels], events: [...s.events] });
    }
  }
  return merged;
}

export const failedAttempts: Rule = (ctx) => {
  const perLock = new Map<string, number[]>();
  const { timeline } = ctx;
  for (let seq = 0; seq < timeline.length; seq++) {
    const kind = timeline.kind(seq);
    if (kind !== 'failed' && kind !== 'lockout') continue;
    const lock = timeline.lock(seq);
    const list = perLock.get(lock);
    if (list) list.push(seq); else perLock.set(lock, [seq]);
  }
  const out: RaisedFinding[] = [];
  for (const [lock, seqs] of perLock) {
    for (const b of bursts(seqs, lock, ctx)) {
      out.push({
        id: 'failed-attempts', severity: 'critical', entity_id: lock, time: iso(b.start),
        told: { k: 'failed', lock, failures: b.failures, start: b.start, end: b.end, lockouts: b.lockoutLabels },
        events: b.events,
      });
    }
  }
  return out.sort((a, b) => (a.time ?? '').localeCompare(b.time ?? ''));
};

/** Per lock, the events `keep` selects, tallied (one finding per lock, whatever the number of events). */
function tallyPerLock(ctx: RuleContext, keep: (e: AccessEvent) => boolean, worse: (a: AccessEvent, b: AccessEvent) => boolean): Map<string, Tally> {
  const per = new Map<string, Tally>();
  for (const e of ctx.timeline) {
    if (e.kind !== 'unlock' || !e.success || !keep(e)) continue;
    let t = per.get(e.lock);
    if (!t) { t = new Tally(); per.set(e.lock, t); }
    t.add(e, worse);
  }
  return per;
}

/** Nobody known: no registered holder and no name from the lock. Worse than a known person. */
const anonymous = (ctx: RuleContext, e: AccessEvent) => !e.actor && (e.slot === null || !ctx.registry?.get(slotKey(e.lock, e.slot)));

export const unusualHours: Rule = (ctx) => {
  const inWindow = (e: AccessEvent) => inUnusualHours(ctx.tz.hour(e.time), ctx.th);
  // Worst: an unlock by nobody known, then the latest.
  const worse = (a: AccessEvent, b: AccessEvent) => {
    const d = Number(anonymous(ctx, a)) - Number(anonymous(ctx, b));
    return d !== 0 ? d > 0 : a.time > b.time;
  };
  const out: RaisedFinding[] = [];
  for (const [lock, t] of tallyPerLock(ctx, inWindow, worse)) {
    out.push({
      id: 'unusual-hour-access', severity: 'warning', entity_id: lock, ...tallyFields(t),
      told: { k: 'unusual', lock, e: t.worst as AccessEvent, tally: { count: t.count, first: t.first, last: t.last } },
      events: t.events,
    });
  }
  return out;
};

export const awayAccess: Rule = (ctx) => {
  if (ctx.presence.persons.length === 0) return [];
  // Worst: an unlock by nobody known, then the latest.
  const worse = (a: AccessEvent, b: AccessEvent) => {
    const d = Number(anonymous(ctx, a)) - Number(anonymous(ctx, b));
    return d !== 0 ? d > 0 : a.time > b.time;
  };
  const out: RaisedFinding[] = [];
  for (const [lock, t] of tallyPerLock(ctx, (e) => ctx.presence.whereabouts(e.time) === 'all-away', worse)) {
    out.push({
      id: 'away-access', severity: 'critical', entity_id: lock, ...tallyFields(t),
      told: { k: 'away', lock, e: t.worst as AccessEvent, tally: { count: t.count, first: t.first, last: t.last } },
      events: t.events,
    });
  }
  return out;
};
