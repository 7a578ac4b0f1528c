// The engine as the CLI, the bench and the tests use it: the Auditor (auditor.ts) with every rule, the admin rules
// included, and the report's words. The card builds its Auditor from auditor.ts and adds the admin rules with the admin
// data, the words with the views that show them.
import './adapters/all.js';
import { Auditor as HouseAuditor, houseView as houseViewOf, type AuditOptions, type AuditReport } from './auditor.js';
import type { Snapshot, SnapshotHeader } from './model/ha.js';
import { ADMIN_RULES } from './rules/admin.js';
import { WORDS } from './words.js';

export type { AuditOptions, AuditReport, LastAccess, LockSummary } from './auditor.js';

/** Streaming auditor with every rule and the report's words: feed events one by one, in any order; ask for the report as often as needed. */
export class Auditor extends HouseAuditor {
  constructor(header: SnapshotHeader, options: AuditOptions = {}) {
    super(header, { ...options, adminRules: options.adminRules ?? ADMIN_RULES, words: options.words ?? WORDS });
  }
}

/** The snapshot as every face shows it (see auditor.ts), its admin data checked by the admin rules' checks. */
export const houseView = (header: SnapshotHeader): SnapshotHeader => houseViewOf(header, ADMIN_RULES);

export function audit(snapshot: Snapshot, options: AuditOptions = {}): AuditReport {
  const auditor = new Auditor(snapshot, { snapshot: true, ...options });
  for (const e of snapshot.events ?? []) auditor.addEvent(e);
  return auditor.report();
}
