// The guide's advice as checks, each tied to the findings that fail it and to the data it needs to be known. The
// verdicts are decided here; their words (titles, evidence, fixes) are in check-texts.ts, which the CLI always has
// and the card loads with its scorecard (the first screen needs the verdicts for the score, not their words).
import type { Check, CheckStatus, FindingId, Pillar, RaisedFinding } from '../model/finding.js';
import type { RuleContext } from '../rules/context.js';
import { historyReachesStaleWindow } from '../rules/codes.js';
import {
  batteryCoverage, codeCoverage, pinCoverage, slotUseCoverage, hasHistory, strengthCoverage, awayCoverage, failureCoverage, firmwareCoverage, tamperCoverage, unlockCoverage,
  type Coverage,
} from './coverage.js';

/** Why a check cannot be judged (its words: check-texts.ts). */
export type NoData =
  | 'no-history' | 'empty-history' | 'no-locks' | 'no-registry' | 'no-expiry-registry' | 'short-history'
  | 'no-automations' | 'no-reviews' | 'no-persons' | 'no-users' | 'no-current-user';

export interface CheckDef {
  id: string;
  pillar: Pillar;
  weight: number;
  findings: FindingId[];
  /** Why the check cannot be judged, or null when its data is there. */
  unknownWhy: (ctx: RuleContext) => NoData | null;
  /** Which locks the check can judge; without it the check judges the house as a whole. */
  coverage?: (ctx: RuleContext) => Coverage;
  /** Locks that must be seen for anything to be judged (comparing codes between locks needs two). */
  minSeen?: number;
}

const noData = () => null;
const needEvents = (ctx: RuleContext): NoData | null => (!ctx.history.present ? 'no-history' : hasHistory(ctx) ? null : 'empty-history');
const needLocks = (ctx: RuleContext): NoData | null => (ctx.locks.length ? null : 'no-locks');

export const CHECKS: CheckDef[] = [
  { id: 'strong-codes', pillar: 'codes', weight: 20, findings: ['weak-code'], unknownWhy: noData, coverage: strengthCoverage },
  { id: 'unique-codes', pillar: 'codes', weight: 10, findings: ['duplicate-code'], unknownWhy: noData, coverage: pinCoverage },
  { id: 'codes-differ-between-locks', pillar: 'codes', weight: 5, findings: ['code-reused-across-locks'], unknownWhy: noData, coverage: pinCoverage, minSeen: 2 },
  { id: 'codes-documented', pillar: 'codes', weight: 10, findings: ['unregistered-code'],
    unknownWhy: (ctx) => (ctx.registry ? null : 'no-registry'), coverage: codeCoverage },
  { id: 'unused-codes-deleted', pillar: 'codes', weight: 10, findings: ['stale-code'],
    unknownWhy: (ctx) => (historyReachesStaleWindow(ctx) ? null : 'short-history'),
    coverage: slotUseCoverage },
  { id: 'expired-codes-deleted', pillar: 'codes', weight: 10, findings: ['expired-code'],
    unknownWhy: (ctx) => (ctx.registry ? null : 'no-expiry-registry'), coverage: codeCoverage },
  { id: 'codes-not-exposed', pillar: 'codes', weight: 5, findings: ['pin-exposed'], unknownWhy: noData, coverage: codeCoverage },

  { id: 'alerts-enabled', pillar: 'audits', weight: 6, findings: ['missing-alerts'],
    unknownWhy: (ctx) => needLocks(ctx) ?? (ctx.header.automations ? null : 'no-automations') },
  { id: 'weekly-log-review', pillar: 'audits', weight: 4, findings: [],
    unknownWhy: (ctx) => (ctx.header.reviews ? null : 'no-reviews') },
  { id: 'no-failed-attempt-bursts', pillar: 'audits', weight: 3, findings: ['failed-attempts'], unknownWhy: needEvents, coverage: failureCoverage },
  { id: 'no-unusual-hour-access', pillar: 'audits', weight: 2, findings: ['unusual-hour-access'], unknownWhy: needEvents, coverage: unlockCoverage },
  { id: 'no-away-access', pillar: 'audits', weight: 2, findings: ['away-access'],
    unknownWhy: (ctx) => needEvents(ctx) ?? (ctx.presence.persons.length ? null : 'no-persons'), coverage: awayCoverage },
  { id: 'few-admins', pillar: 'audits', weight: 3, findings: ['too-many-admins'],
    unknownWhy: (ctx) => (ctx.header.users ? null : 'no-users') },

  { id: 'mfa-enabled', pillar: 'hardening', weight: 2, findings: ['mfa-disabled'],
    unknownWhy: (ctx) => (ctx.header.current_user ? null : 'no-current-user') },
  { id: 'firmware-current', pillar: 'hardening', weight: 2, findings: ['firmware-update'], unknownWhy: noData, coverage: firmwareCoverage },
  { id: 'battery-ok', pillar: 'hardening', weight: 1, findings: ['low-battery'], unknownWhy: noData, coverage: batteryCoverage },
  { id: 'no-tamper', pillar: 'hardening', weight: 1, findings: ['tamper'], unknownWhy: noData, coverage: tamperCoverage },
  { id: 'locks-healthy', pillar: 'hardening', weight: 1, findings: ['jammed', 'lock-unavailable'], unknownWhy: needLocks },
];

/** Self-reported items: what HA cannot see. Weighed only when answered. */
export const CHECKLIST: { id: string; pillar: Pillar }[] = [
  { id: 'master-code-changed', pillar: 'codes' },
  { id: 'codes-not-written-near-door', pillar: 'codes' },
  { id: 'wifi-wpa2-strong', pillar: 'hardening' },
  { id: 'router-login-changed', pillar: 'hardening' },
  { id: 'router-firmware-current', pillar: 'hardening' },
  { id: 'wps-disabled', pillar: 'hardening' },
  { id: 'upnp-disabled', pillar: 'hardening' },
  { id: 'iot-network-isolated', pillar: 'hardening' },
  { id: 'interior-screws', pillar: 'hardening' },
  { id: 'strike-plate-reinforced', pillar: 'hardening' },
  { id: 'backup-key-secure', pillar: 'hardening' },
];
export const CHECKLIST_WEIGHT = 1;

/** A check's verdict and what decided it: what its words (check-texts.ts) are told from. */
export type Verdict =
  /** The data the check needs is missing. */
  | { kind: 'no-data'; def: CheckDef; status: 'unknown'; why: NoData }
  /** The weekly review: the last mark (ms; -Infinity: never) and its age in whole days. */
  | { kind: 'review'; def: CheckDef; status: CheckStatus; last: number; days: number }
  /** Judged on the findings, over the locks the coverage says were seen (none: the house as a whole). */
  | { kind: 'judged'; def: CheckDef; status: CheckStatus; hits: RaisedFinding[]; cov?: Coverage }
  /** A self-reported item (answer undefined: not answered). */
  | { kind: 'self'; item: (typeof CHECKLIST)[number]; status: CheckStatus; answer: boolean | undefined };

/** The words of a check, as check-texts.ts tells them. */
export type CheckWords = Pick<Check, 'title' | 'evidence' | 'fix'>;
export type DescribeCheck = (v: Verdict, ctx: RuleContext) => CheckWords;

function statusFrom(findings: RaisedFinding[]): CheckStatus {
  if (findings.some((f) => f.severity !== 'info')) return 'fail';
  return findings.length ? 'warn' : 'pass';
}

function review(d: CheckDef, ctx: RuleContext): Verdict {
  const last = Math.max(...(ctx.header.reviews ?? []).map((r) => Date.parse(r.time)).filter((t) => !Number.isNaN(t)));
  if (!Number.isFinite(last)) return { kind: 'review', def: d, status: 'fail', last, days: 0 };
  const days = Math.floor((ctx.now - last) / 86_400_000);
  const status: CheckStatus = days <= ctx.th.reviewDays ? 'pass' : days <= 4 * ctx.th.reviewDays ? 'warn' : 'fail';
  return { kind: 'review', def: d, status, last, days };
}

/**
 * One check's verdict. With a coverage: no lock seen (or fewer than `minSeen`) is unknown; a failing finding fails
 * whatever was not seen; otherwise a check that could not see every lock (or every slot of a lock) is `warn`, never a
 * full pass.
 */
function judge(d: CheckDef, ctx: RuleContext, findings: RaisedFinding[]): Verdict {
  const why = d.unknownWhy(ctx);
  if (why) return { kind: 'no-data', def: d, status: 'unknown', why };
  if (d.id === 'weekly-log-review') return review(d, ctx);
  const hits = findings.filter((f) => d.findings.includes(f.id));
  const status = statusFrom(hits);
  const cov = d.coverage?.(ctx);
  if (!cov) return { kind: 'judged', def: d, status, hits };
  if (status !== 'fail' && (cov.seen.length === 0 || cov.seen.length < (d.minSeen ?? 1) && cov.missing.length > 0)) {
    return { kind: 'judged', def: d, status: 'unknown', hits, cov };
  }
  const full = status === 'fail' || cov.missing.length === 0 && !cov.partial?.length;
  return { kind: 'judged', def: d, status: full ? status : 'warn', hits, cov };
}

/** Without their words (the card before its scorecard loads them): the verdicts alone. */
const NO_WORDS: CheckWords = { title: '', evidence: '', fix: '' };

/** Every check's verdict, told by `describe` (null: verdicts only, with empty words). */
export function evaluateChecks(ctx: RuleContext, findings: RaisedFinding[], describe: DescribeCheck | null): Check[] {
  const words = (v: Verdict) => (describe ? describe(v, ctx) : NO_WORDS);
  const checks: Check[] = CHECKS.map((d) => {
    const v = judge(d, ctx, findings);
    const { title, evidence, fix } = words(v);
    return { id: d.id, pillar: d.pillar, title, weight: d.weight, status: v.status, evidence, fix };
  });
  const answers = ctx.header.checklist ?? {};
  for (const item of CHECKLIST) {
    const a = answers[item.id];
    const v: Verdict = { kind: 'self', item, status: a === undefined ? 'unknown' : a ? 'pass' : 'fail', answer: a };
    const { title, evidence, fix } = words(v);
    checks.push({ id: item.id, pillar: item.pillar, title, weight: CHECKLIST_WEIGHT, fix, self_reported: true, status: v.status, evidence });
  }
  return checks;
}
