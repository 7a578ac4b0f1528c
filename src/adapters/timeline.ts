// The one sorted access timeline, built from every protocol's access events.
import type { AccessEvent } from '../model/lock.js';

/**
 * A state-derived unlock/lock/jam within `mergeMs` of the protocol's own report of the same kind on the same
 * lock is the same happening: the protocol event (which knows the slot and method) stands for both.
 */
function withoutStateEchoes(sorted: AccessEvent[], mergeMs: number): AccessEvent[] {
  const protocolTimes = new Map<string, number[]>();
  for (const e of sorted) {
    if (e.via === 'state') continue;
    const key = `${e.lock}|${e.kind}`;
    const list = protocolTimes.get(key);
    if (list) list.push(e.time); else protocolTimes.set(key, [e.time]);
  }
  if (protocolTimes.size === 0) return sorted.slice();
  return sorted.filter((e) => {
    if (e.via === 'protocol') return true;
    const list = protocolTimes.get(`${e.lock}|${e.kind}`);
    if (!list) return true;
    let lo = 0, hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid] < e.time - mergeMs) lo = mid + 1; else hi = mid; }
    return !(lo < list.length && list[lo] <= e.time + mergeMs);
  });
}

/** Sorts `derived` in place (arrival order breaks ties) and returns the timeline, each event with its seq. */
export function buildTimeline(derived: AccessEvent[], mergeMs: number): AccessEvent[] {
  derived.sort((a, b) => a.time - b.time);
  const timeline = withoutStateEchoes(derived, mergeMs);
  for (let i = 0; i < timeline.length; i++) timeline[i].seq = i;
  return timeline;
}
