import type { AccessEvent, FirmwareInfo } from './lock.js';

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
 * What a finding's evidence tells, as data: the report's words (src/rules/evidence.ts) tell it. Times in ms; names as
 * the (masked) house view has them.
 */
export type Told =
  | { k: 'failed'; lock: string; failures: number; start: number; end: number; lockouts: string[] }
  | { k: 'unusual' | 'away'; lock: string; e: AccessEvent; tally: { count: number; first: number; last: number } }
  | { k: 'tamper' | 'jam'; e: AccessEvent }
  | { k: 'tamper-now'; name: string; sensor: string }
  | { k: 'jam-now'; name: string; sensor: string | null }
  | { k: 'battery'; name: string; level: number; entity: string | null }
  | { k: 'firmware'; name: string; firmware: FirmwareInfo | null }
  | { k: 'unavailable'; name: string; since: number | null }
  | { k: 'admins'; names: string[] }
  | { k: 'mfa'; name: string | null }
  | { k: 'expired'; lock: string; slot: number; expires: number; usedAfter: boolean };

/**
 * A finding as a rule raises it, plus the access events (by seq) that raised them (internal, never serialised). Its
 * evidence in words where the rule tells it (the admin rules), else `told`; its fix only where it depends on the case,
 * else the words' fix for the finding (src/rules/fixes.ts); `groups`: the findings of its kind on its lock it stands
 * for (aggregate.ts), said after its evidence.
 */
export interface RaisedFinding extends Omit<Finding, 'fix' | 'evidence'> {
  evidence?: string;
  told?: Told;
  groups?: { count: number; first: string | null; last: string | null }[];
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
