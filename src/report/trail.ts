// The audit trail the guide asks rentals and businesses to keep: one row per access event, never a PIN.
// Rows are made one at a time (`trailRows`), so an export of a million events streams instead of holding them twice.
import type { Auditor } from '../engine.js';
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
  const raisedBy = new Map<number, string[]>();
  for (const f of auditor.raisedFindings()) {
    for (const seq of f.events ?? []) {
      const ids = raisedBy.get(seq);
      if (!ids) raisedBy.set(seq, [f.id]);
      else if (!ids.includes(f.id)) ids.push(f.id);
    }
  }
  const names = new Map(auditor.report().locks.map((l) => [l.entity_id, l.name]));
  const tz = auditor.timeZone;
  for (const e of auditor.timeline()) {
    if (since !== undefined && e.time < since) continue;
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
      findings: [...(raisedBy.get(e.seq) ?? [])].sort(),
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
