// The audit trail the guide asks rentals and businesses to keep: one row per access event, never a PIN.
// Rows are made one at a time (`trailRows`) from the compact timeline, so an export of a million events streams instead
// of holding them.
import type { Auditor } from '../auditor.js';
import type { AccessKind, AccessMethod } from '../model/lock.js';
import { csvCell } from '../privacy/escape.js';

export interface TrailRow {
  time: string;
  local_time: string;
  lock: string;
  lock_name: string;
  event: AccessKind;
  method: AccessMethod;
  slot: number | null;
  holder: string | null;
  result: 'success' | 'failure';
  findings: string[];
}

export function* trailRows(auditor: Auditor, since?: number): Generator<TrailRow> {
  const timeline = auditor.timelineView();
  // Which findings each event raised: one bit per finding id, one number per event (not a list per event).
  const raised = auditor.raisedFindings();
  const ids = [...new Set(raised.filter((f) => f.events?.length).map((f) => f.id))].sort();
  const raisedBy = new Uint32Array(ids.length ? timeline.length : 0);
  for (const f of raised) {
    const bit = 1 << ids.indexOf(f.id);
    for (const seq of f.events ?? []) raisedBy[seq] |= bit;
  }
  const names = new Map(auditor.report().locks.map((l) => [l.entity_id, l.name]));
  const tz = auditor.timeZone;
  for (let seq = 0; seq < timeline.length; seq++) {
    if (since !== undefined && timeline.time(seq) < since) continue;
    const e = timeline.at(seq);
    yield {
      time: new Date(e.time).toISOString(),
      local_time: tz.iso(e.time),
      lock: e.lock,
      lock_name: names.get(e.lock) ?? e.lock,
      event: e.kind,
      method: e.method,
      slot: e.slot,
      holder: auditor.holderOf(e.lock, e.slot)?.name ?? e.actor,
      result: e.success ? 'success' : 'failure',
      findings: ids.filter((_, k) => raisedBy[seq] & (1 << k)),
    };
  }
}

export function auditTrail(auditor: Auditor, since?: number): TrailRow[] {
  return [...trailRows(auditor, since)];
}

const CSV_COLUMNS = ['local_time', 'lock', 'lock_name', 'event', 'method', 'slot', 'holder', 'result', 'findings'] as const;

export const CSV_HEADER = CSV_COLUMNS.join(',') + '\r\n';
export const csvLine = (r: TrailRow) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(',') + '\r\n';

export function trailToCsv(rows: Iterable<TrailRow>): string {
  let out = CSV_HEADER;
  for (const r of rows) out += csvLine(r);
  return out;
}
