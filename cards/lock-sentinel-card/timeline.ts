// Timeline filtering and marks. Pure.
import type { AccessEvent } from '../../src/model/lock.js';
import { inUnusualHours, type Thresholds } from '../../src/thresholds.js';

export interface TimelineFilter {
  /** Show the last N days. */
  days: number;
  lock: string | null;
  person: string | null;
}

export type HolderOf = (e: AccessEvent) => string | null;

/** The person behind an access: the registry's holder of the slot, else what HA reported. */
export function personOf(e: AccessEvent, holderOf: HolderOf): string | null {
  return holderOf(e) ?? e.actor;
}

export function filterTimeline(events: AccessEvent[], filter: TimelineFilter, holderOf: HolderOf, now: number): AccessEvent[] {
  const since = now - filter.days * 86_400_000;
  return events
    .filter((e) => e.time >= since && (!filter.lock || e.lock === filter.lock) && (!filter.person || personOf(e, holderOf) === filter.person))
    .sort((a, b) => b.time - a.time);
}

export function people(events: AccessEvent[], holderOf: HolderOf): string[] {
  return [...new Set(events.map((e) => personOf(e, holderOf)).filter((p): p is string => !!p))].sort();
}

/** Successful unlocks in the unusual hours the audit uses, in the house's clock. */
export function isUnusualHour(e: AccessEvent, hourOf: (ms: number) => number, th: Readonly<Thresholds>): boolean {
  return e.kind === 'unlock' && e.success && inUnusualHours(hourOf(e.time), th);
}

export function isFailure(e: AccessEvent): boolean {
  return !e.success || e.kind === 'failed' || e.kind === 'lockout';
}
