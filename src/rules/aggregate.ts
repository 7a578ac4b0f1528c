// Findings of one kind on one lock are one finding: how often (count), from when to when (first, last) and the
// worst example in full. A million unlocks at 02:30 are one finding, not a million, and never a million evidence
// strings in memory: rules that meet events one by one keep a Tally per lock and describe only its worst event.
import type { RaisedFinding, Severity } from '../model/finding.js';
import type { AccessEvent, AccessKind } from '../model/lock.js';
import { iso, type RuleContext } from './context.js';

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** Events of one kind on one lock, met one at a time. */
export class Tally {
  count = 0;
  first = Infinity;
  last = -Infinity;
  worst: AccessEvent | null = null;
  readonly events: number[] = [];

  /** `worse(a, b)`: is `a` worse than the worst so far `b`? */
  add(e: AccessEvent, worse: (a: AccessEvent, b: AccessEvent) => boolean): void {
    this.count++;
    this.events.push(e.seq);
    if (e.time < this.first) this.first = e.time;
    if (e.time > this.last) this.last = e.time;
    if (!this.worst || worse(e, this.worst)) this.worst = e;
  }
}

export const tallyFields = (t: { count: number; first: number; last: number }) =>
  ({ time: iso(t.last), count: t.count, first: iso(t.first), last: iso(t.last) });

/** A finding standing for `count` findings of its kind on its lock (its evidence says so: src/rules/evidence.ts). */
const grouped = (f: RaisedFinding, count: number, first: string | null, last: string | null) => [...f.groups ?? [], { count, first, last }];

/**
 * One finding per lock for the timeline's events of `kind` (`describe` tells one event): the latest described, with
 * how many there were and from when to when, as `aggregateFindings` would make of one finding per event.
 */
export function perLockEvents(ctx: RuleContext, kind: AccessKind, describe: (e: AccessEvent) => RaisedFinding): RaisedFinding[] {
  const per = new Map<string, Tally>();
  const { timeline } = ctx;
  for (let seq = 0; seq < timeline.length; seq++) {
    if (timeline.kind(seq) !== kind) continue;
    const lock = timeline.lock(seq);
    let t = per.get(lock);
    if (!t) { t = new Tally(); per.set(lock, t); }
    t.add(timeline.at(seq), (a, b) => a.time > b.time);
  }
  return [...per.values()].map((t) => {
    const f = describe(t.worst as AccessEvent);
    if (t.count === 1) return { ...f, events: t.events };
    const first = iso(t.first), last = iso(t.last);
    return { ...f, ...tallyFields(t), groups: grouped(f, t.count, first, last), events: t.events };
  });
}

/**
 * The engine's last step: what events raised several times for one lock becomes one finding (the worst
 * by severity, then by how many events it covers, then the latest), counting them all.
 */
export function aggregateFindings(findings: RaisedFinding[]): RaisedFinding[] {
  const groups = new Map<string, RaisedFinding[]>();
  const order: RaisedFinding[][] = [];
  for (const f of findings) {
    // Findings about a state (a weak code in slot 3, a low battery) stay one per subject; those raised by events aggregate.
    const key = f.events?.length ? `${f.id}|${f.entity_id ?? ''}` : `#${order.length}`;
    let g = groups.get(key);
    if (!g) { g = []; groups.set(key, g); order.push(g); }
    g.push(f);
  }
  return order.map((g) => {
    if (g.length === 1) return withCount(g[0]);
    const count = g.reduce((n, f) => n + (f.count ?? 1), 0);
    const times = g.flatMap((f) => [f.first ?? f.time, f.last ?? f.time]).filter((t): t is string => t !== null).sort();
    const worst = [...g].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
      || (b.events?.length ?? 0) - (a.events?.length ?? 0) || (b.time ?? '').localeCompare(a.time ?? ''))[0];
    const events = g.flatMap((f) => f.events ?? []);
    const first = times[0] ?? null, last = times[times.length - 1] ?? null;
    return {
      ...worst, time: last ?? worst.time, count, first, last,
      groups: grouped(worst, count, first, last),
      ...(events.length ? { events } : {}),
    };
  });
}

const withCount = (f: RaisedFinding): RaisedFinding => ({ ...f, count: f.count ?? 1, first: f.first ?? f.time, last: f.last ?? f.time });
