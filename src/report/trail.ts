// The audit trail the guide asks rentals and businesses to keep: one row per access event, never a PIN.
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

export function auditTrail(auditor: Auditor, since?: number): TrailRow[] {
  const raisedBy = new Map<number, Set<string>>();
  for (const f of auditor.raisedFindings()) {
    for (const seq of f.events ?? []) raisedBy.set(seq, (raisedBy.get(seq) ?? new Set()).add(f.id));
  }
  const names = new Map(auditor.report().locks.map((l) => [l.entity_id, l.name]));
  const tz = auditor.timeZone;
  return auditor.timeline()
    .filter((e) => since === undefined || e.time >= since)
    .map((e) => ({
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
    }));
}

const CSV_COLUMNS = ['local_time', 'lock', 'lock_name', 'event', 'method', 'slot', 'holder', 'result', 'findings'] as const;

export function trailToCsv(rows: TrailRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(r[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}
