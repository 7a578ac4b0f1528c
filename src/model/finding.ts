export type Severity = 'critical' | 'warning' | 'info';

export type FindingId =
  | 'weak-code'
  | 'duplicate-code'
  | 'code-reused-across-locks'
  | 'stale-code'
  | 'expired-code'
  | 'unregistered-code'
  | 'failed-attempts'
  | 'unusual-hour-access'
  | 'away-access'
  | 'tamper'
  | 'jammed'
  | 'low-battery'
  | 'firmware-update'
  | 'lock-unavailable'
  | 'pin-exposed'
  | 'too-many-admins'
  | 'mfa-disabled'
  | 'missing-alerts';

export interface Finding {
  id: FindingId;
  severity: Severity;
  entity_id: string | null;
  time: string | null;
  evidence: string;
  fix: string;
  /** How many times this kind happened on this lock (one finding stands for all of them), with the first and last. */
  count?: number;
  first?: string | null;
  last?: string | null;
}

/**
 * A finding as a rule raises it, plus the access events (by seq) that raised them (internal, never serialised). Its
 * fix only where it depends on the case; else the report takes the finding's fix from the words (src/rules/fixes.ts).
 */
export interface RaisedFinding extends Omit<Finding, 'fix'> {
  fix?: string;
  events?: number[];
}

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unknown';
export type Pillar = 'codes' | 'audits' | 'hardening';

export interface Check {
  id: string;
  pillar: Pillar;
  title: string;
  status: CheckStatus;
  evidence: string;
  fix: string;
  weight: number;
  /** Self-reported checklist items are listed always but weighed only when answered. */
  self_reported?: boolean;
}

export interface PillarScore {
  pillar: Pillar;
  weight: number;
  /** 0-100 within the pillar, null when every check of the pillar is unknown. */
  score: number | null;
  known: number;
  unknown: number;
}

export interface Score {
  total: number;
  grade: 'A' | 'B' | 'C' | 'D' | 'F';
  pillars: PillarScore[];
}
