// The timeline's CSV download: the CLI's audit trail (src/report/trail.ts), limited to the shown period and filters.
import type { Auditor } from '../../src/auditor.js';
import { auditTrail, trailToCsv, type TrailRow } from '../../src/report/trail.js';
import type { TimelineFilter } from './timeline.js';

export function shownTrail(auditor: Auditor, filter: TimelineFilter, now: number): TrailRow[] {
  return auditTrail(auditor, now - filter.days * 86_400_000).filter(
    (r) => (!filter.lock || r.lock === filter.lock) && (!filter.person || r.holder === filter.person),
  );
}

export function csvFileName(now: number): string {
  return `lock-sentinel-audit-${new Date(now).toISOString().slice(0, 10)}.csv`;
}

/** Offers the CSV as a file download (a temporary link inside the card's shadow root). */
export function downloadTrail(root: ShadowRoot, auditor: Auditor, filter: TimelineFilter, now = Date.now()): void {
  const blob = new Blob([trailToCsv(shownTrail(auditor, filter, now))], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = csvFileName(now);
  a.hidden = true;
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
