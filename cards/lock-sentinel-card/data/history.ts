// History (loaded once, through src/ha/history.ts like the CLI's capture) and live events, merged into one
// deduplicated event list for the Auditor. Pure.
import type { HassEvent, HassState } from '../../../src/model/ha.js';

export { historyToEvents, type HistoryResponse } from '../../../src/ha/history.js';

/** Identity of an event across history and the live stream (state changes are matched by entity and time). */
export function eventKey(e: HassEvent): string {
  if (e.event_type === 'state_changed') {
    const d = e.data as { entity_id?: string; new_state?: HassState | null };
    const t = d.new_state?.last_updated ?? e.time_fired;
    return `sc|${d.entity_id}|${Date.parse(t)}`;
  }
  return `${e.event_type}|${Date.parse(e.time_fired)}|${JSON.stringify(e.data)}`;
}

/** Keeps events in arrival order without duplicates. */
export class EventLog {
  private readonly keys = new Set<string>();
  readonly events: HassEvent[] = [];

  /** Returns true when the event was new. */
  add(e: HassEvent): boolean {
    const key = eventKey(e);
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    this.events.push(e);
    return true;
  }
}

