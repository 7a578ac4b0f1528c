// History (loaded once, through src/ha/history.ts like the CLI's capture) and live events, merged into one
// deduplicated event list for the Auditor. Pure.
import type { HassEvent } from '../../../src/model/ha.js';
import { Dedup } from '../../../src/store/dedup.js';

export { historyToEvents, type HistoryResponse } from '../../../src/ha/history.js';

/** Keeps events in arrival order without duplicates: one event, as the engine's store tells them (src/store/dedup.ts). */
export class EventLog {
  private readonly dedup = new Dedup();
  readonly events: HassEvent[] = [];

  /** Returns true when the event was new. */
  add(e: HassEvent): boolean {
    if (!this.dedup.first(e)) return false;
    this.events.push(e);
    return true;
  }
}
