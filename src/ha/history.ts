// Recorder history → `state_changed` events in HA's own shape, so the engine reads history and live events alike.
// One implementation for the CLI's capture and the card (each passes its own websocket call).
import { lockEntities } from '../adapters/discovery.js';
import type { HassEvent, HassState, WsCall } from '../model/ha.js';
import type { Lock } from '../model/lock.js';

/** One row of `history/history_during_period` (compressed keys; times in epoch seconds). */
export interface HistoryRow {
  s: string;
  a?: Record<string, unknown>;
  lc?: number;
  lu: number;
}

export type HistoryResponse = Record<string, HistoryRow[]>;

/**
 * HA's epoch seconds (microseconds) as the ISO time the live feed gives for the same change: a live event's
 * microsecond ISO time parses truncated to the millisecond, so truncate here too (rounding put a snapshot's event
 * 1 ms after the live one). The half-microsecond offset absorbs floating-point error below the millisecond.
 */
const iso = (epochSeconds: number) => new Date(Math.floor(epochSeconds * 1000 + 0.0005)).toISOString();
const domainOf = (id: string) => id.slice(0, id.indexOf('.'));

/**
 * Turns one entity's rows into state_changed events. The first row is the state at `start` (no event) unless it
 * changed inside the window (an event with no old state). Without `start`, the first row is always the starting state.
 */
export function rowsToEvents(entityId: string, rows: HistoryRow[], start?: Date): HassEvent[] {
  const events: HassEvent[] = [];
  let prev: HassState | null = null;
  let attrs: Record<string, unknown> = {};
  for (const row of rows) {
    attrs = row.a ?? attrs;
    const state: HassState = {
      entity_id: entityId, state: row.s, attributes: attrs,
      last_changed: iso(row.lc ?? row.lu), last_updated: iso(row.lu),
    };
    if (prev || (start && row.lu * 1000 >= start.getTime())) {
      events.push({
        event_type: 'state_changed', time_fired: iso(row.lu), origin: 'LOCAL',
        data: { entity_id: entityId, old_state: prev, new_state: state },
      });
    }
    prev = state;
  }
  return events;
}

/**
 * The one choice of entities whose history the audit reads, for the CLI's capture and the card alike: each lock and
 * the entities of its device the engine reads (as discovered: battery, firmware, door, problem sensors and whatever
 * its protocol reads), and every person (who was home when). Only entities the house has, sorted.
 */
export function historyEntities(locks: readonly Lock[], states: readonly HassState[]): string[] {
  const present = new Set(states.map((s) => s.entity_id));
  const ids = new Set(locks.flatMap(lockEntities));
  for (const id of present) if (domainOf(id) === 'person') ids.add(id);
  return [...ids].filter((id) => present.has(id)).sort();
}

const BATCH = 10;

/** Every entity's rows of a history response as state_changed events, sorted by time. */
export function historyToEvents(response: HistoryResponse, start?: Date): HassEvent[] {
  return Object.entries(response).flatMap(([id, rows]) => rowsToEvents(id, rows, start))
    .sort((a, b) => Date.parse(a.time_fired) - Date.parse(b.time_fired));
}

/** History of `entityIds` over [start, end] as state_changed events, sorted by time. Reports progress per batch. */
export async function historyEvents(
  call: WsCall, entityIds: string[], start: Date, end: Date, onProgress?: (done: number, total: number) => void,
): Promise<HassEvent[]> {
  const events: HassEvent[] = [];
  for (let i = 0; i < entityIds.length; i += BATCH) {
    const batch = entityIds.slice(i, i + BATCH);
    const result = await call<HistoryResponse>({
      type: 'history/history_during_period',
      start_time: start.toISOString(), end_time: end.toISOString(), entity_ids: batch,
      include_start_time_state: true, significant_changes_only: false, minimal_response: false, no_attributes: false,
    });
    events.push(...historyToEvents(result, start));
    onProgress?.(Math.min(i + BATCH, entityIds.length), entityIds.length);
  }
  return events.sort((a, b) => Date.parse(a.time_fired) - Date.parse(b.time_fired));
}
