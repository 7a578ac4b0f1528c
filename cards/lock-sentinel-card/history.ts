// History (loaded once) and live events, merged into one deduplicated event list for the Auditor. Pure.
import type { HassEvent, HassState } from '../../src/model/ha.js';

/** history/history_during_period compressed state (times in epoch seconds). */
export interface CompressedState {
  s: string;
  a?: Record<string, unknown>;
  lu: number;
  lc?: number;
}

export type HistoryResponse = Record<string, CompressedState[]>;

const iso = (seconds: number) => new Date(Math.round(seconds * 1000)).toISOString();

function toState(entityId: string, c: CompressedState, previous: HassState | null): HassState {
  return {
    entity_id: entityId,
    state: c.s,
    attributes: c.a ?? previous?.attributes ?? {},
    last_changed: iso(c.lc ?? c.lu),
    last_updated: iso(c.lu),
  };
}

/** Turns each entity's history into state_changed events; the first row is the starting state, not a change. */
export function historyToEvents(response: HistoryResponse): HassEvent[] {
  const events: HassEvent[] = [];
  for (const [entityId, rows] of Object.entries(response)) {
    let previous: HassState | null = null;
    for (const row of rows) {
      const state = toState(entityId, row, previous);
      if (previous) {
        events.push({
          event_type: 'state_changed',
          data: { entity_id: entityId, old_state: previous, new_state: state },
          time_fired: state.last_updated!,
        });
      }
      previous = state;
    }
  }
  return events.sort((a, b) => Date.parse(a.time_fired) - Date.parse(b.time_fired));
}

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

