// The pipeline: HA data → adapters → one access timeline → rules → findings → scorecard.
// (Interface fixed first; implementation follows in this module's commits.)
import type { HassEvent, Snapshot, SnapshotHeader } from './model/ha.js';
import type { AccessEvent, AccessKind, AccessMethod, FirmwareInfo, Protocol } from './model/lock.js';
import type { Check, Finding, Score } from './model/finding.js';

export interface LastAccess {
  time: string;
  kind: AccessKind;
  method: AccessMethod;
  slot: number | null;
  holder: string | null;
  success: boolean;
}

export interface LockSummary {
  entity_id: string;
  name: string;
  protocol: Protocol;
  device_id: string | null;
  state: string;
  battery: number | null;
  firmware: FirmwareInfo | null;
  last_access: LastAccess | null;
}

export interface AuditReport {
  score: Score;
  locks: LockSummary[];
  checks: Check[];
  findings: Finding[];
}

/** Streaming auditor: feed events one by one (any order), ask for the report as often as needed. */
export declare class Auditor {
  constructor(header: SnapshotHeader);
  addEvent(event: HassEvent): void;
  report(): AuditReport;
  /** The normalised access timeline, sorted by time. */
  timeline(): AccessEvent[];
}

export declare function audit(snapshot: Snapshot): AuditReport;
