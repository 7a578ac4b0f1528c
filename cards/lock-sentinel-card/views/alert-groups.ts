// Live alerts grouped by lock and kind: a burst of 43 failed codes is one line with a count, not 43. Pure.
import type { Finding, FindingId, Severity } from '../../../src/model/finding.js';
import { ALERT_IDS } from '../const.js';
import { lockName, type ViewContext } from './context.js';

/** The newest occurrence a finding stands for (an aggregated finding's last one). */
const latest = (f: Finding) => f.last ?? f.time;

/** A new occurrence of an acknowledged kind makes it a new alert. */
export const alertKey = (f: Finding) => `${f.id}|${f.entity_id ?? ''}|${latest(f) ?? ''}`;

export interface AlertGroup {
  key: string;
  id: FindingId;
  entity_id: string | null;
  lockName: string;
  severity: Severity;
  /** Newest first. */
  findings: Finding[];
  /** Keys of the findings not yet acknowledged. */
  openKeys: string[];
  open: number;
  /** Occurrences: one finding can stand for many (its count). */
  count: number;
  newest: string | null;
}

const SEVERITY: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };
const ms = (t: string | null) => (t ? Date.parse(t) : -Infinity);

export function groupAlerts(findings: Finding[], acknowledged: readonly string[], nameOf: (entity: string | null) => string): AlertGroup[] {
  const acked = new Set(acknowledged);
  const groups = new Map<string, AlertGroup>();
  for (const f of findings.filter((x) => ALERT_IDS.includes(x.id))) {
    const key = `${f.id}|${f.entity_id ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, id: f.id, entity_id: f.entity_id, lockName: nameOf(f.entity_id), severity: f.severity, findings: [], openKeys: [], open: 0, count: 0, newest: null };
      groups.set(key, g);
    }
    g.findings.push(f);
    g.count += f.count ?? 1;
    if (SEVERITY[f.severity] < SEVERITY[g.severity]) g.severity = f.severity;
    if (!acked.has(alertKey(f))) {
      g.openKeys.push(alertKey(f));
      g.open += f.count ?? 1;
    }
  }
  for (const g of groups.values()) {
    g.findings.sort((a, b) => ms(latest(b)) - ms(latest(a)));
    g.newest = g.findings[0] ? latest(g.findings[0]) : null;
  }
  // Open groups first, then by severity, then the newest.
  return [...groups.values()].sort((a, b) =>
    Number(b.open > 0) - Number(a.open > 0) || SEVERITY[a.severity] - SEVERITY[b.severity] || ms(b.newest) - ms(a.newest));
}

export function alertGroups(ctx: Pick<ViewContext, 'report' | 'shared' | 'locks'>): AlertGroup[] {
  return groupAlerts(ctx.report.findings, ctx.shared.acknowledged, (e) => lockName(ctx as ViewContext, e));
}

/** Open alerts (not acknowledged), counted one by one (an aggregated finding by its count). */
export function openAlertCount(ctx: Pick<ViewContext, 'report' | 'shared' | 'locks'>): number {
  return alertGroups(ctx).reduce((n, g) => n + g.open, 0);
}
