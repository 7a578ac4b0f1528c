// The guide's advice as checks, each tied to the findings that fail it and to the data it needs to be known.
import type { Check, CheckStatus, FindingId, Pillar, RaisedFinding } from '../model/finding.js';
import type { RuleContext } from '../rules/context.js';
import { unusualHoursText, type Thresholds } from '../thresholds.js';
import { historyReachesStaleWindow } from '../rules/codes.js';

/** A text, or one that names the thresholds in force. */
type Text = string | ((th: Readonly<Thresholds>) => string);
const text = (t: Text, th: Readonly<Thresholds>) => (typeof t === 'string' ? t : t(th));

interface CheckDef {
  id: string;
  pillar: Pillar;
  weight: number;
  title: Text;
  findings: FindingId[];
  /** Why the check cannot be judged, or null when its data is there. */
  unknownWhy: (ctx: RuleContext) => string | null;
  pass: Text;
  fix: Text;
}

const needCodes = (ctx: RuleContext) => (ctx.codes ? null : 'no code slots could be read from the locks');
const needEvents = (ctx: RuleContext) => (ctx.history.present ? null : 'no event history');
const needLocks = (ctx: RuleContext) => (ctx.locks.length ? null : 'no lock entities found');

export const CHECKS: CheckDef[] = [
  { id: 'strong-codes', pillar: 'codes', weight: 20, title: 'Strong codes (6-8 random digits)', findings: ['weak-code'],
    unknownWhy: needCodes, pass: 'Every code in use is 6+ digits and not a pattern, date or common PIN.',
    fix: 'Replace weak codes with random 6-8 digit codes.' },
  { id: 'unique-codes', pillar: 'codes', weight: 10, title: 'A unique code per person', findings: ['duplicate-code'],
    unknownWhy: needCodes, pass: 'No code is shared between slots of a lock.', fix: 'Give every person their own code.' },
  { id: 'codes-differ-between-locks', pillar: 'codes', weight: 5, title: 'Different codes on different locks', findings: ['code-reused-across-locks'],
    unknownWhy: needCodes, pass: 'No code opens more than one lock.', fix: 'Set a different code on each lock.' },
  { id: 'codes-documented', pillar: 'codes', weight: 10, title: 'Every code has a recorded holder', findings: ['unregistered-code'],
    unknownWhy: (ctx) => needCodes(ctx) ?? (ctx.registry ? null : 'no code registry (who holds which slot)'),
    pass: 'Every code in use has a recorded holder.', fix: 'Record holder, role, date added and expiry for each slot.' },
  { id: 'unused-codes-deleted', pillar: 'codes', weight: 10, title: (th) => `Unused codes deleted (${th.staleDays}+ days)`, findings: ['stale-code'],
    unknownWhy: (ctx) => needCodes(ctx) ?? (historyReachesStaleWindow(ctx) ? null : `the event history does not reach back ${ctx.th.staleDays} days`),
    pass: (th) => `Every code was used in the last ${th.staleDays} days or is newer.`, fix: (th) => `Delete codes nobody used for ${th.staleDays}+ days.` },
  { id: 'expired-codes-deleted', pillar: 'codes', weight: 10, title: 'Expired and guest codes deleted promptly', findings: ['expired-code'],
    unknownWhy: (ctx) => (ctx.registry ? null : 'no code registry with expiry dates'),
    pass: 'No code past its expiry is still in use.', fix: 'Delete guest codes the day they leave.' },
  { id: 'codes-not-exposed', pillar: 'codes', weight: 5, title: 'Codes not visible anywhere', findings: ['pin-exposed'],
    unknownWhy: needCodes, pass: 'No entity shows a code in its state or attributes.', fix: 'Mask code entities; keep them out of the recorder.' },

  { id: 'alerts-enabled', pillar: 'audits', weight: 6, title: 'Critical alerts enabled', findings: ['missing-alerts'],
    unknownWhy: (ctx) => needLocks(ctx) ?? (ctx.header.automations ? null : 'automations could not be read'),
    pass: 'Automations alert on failed attempts, unusual hours, tamper, low battery and away-access.',
    fix: 'Install Lock Sentinel\'s alerts.' },
  { id: 'weekly-log-review', pillar: 'audits', weight: 4, title: 'Access log reviewed weekly', findings: [],
    unknownWhy: (ctx) => (ctx.header.reviews ? null : 'no review marks recorded'),
    pass: (th) => `The access log was reviewed in the last ${th.reviewDays} days.`, fix: 'Review the timeline every Sunday evening and mark it reviewed.' },
  { id: 'no-failed-attempt-bursts', pillar: 'audits', weight: 3, title: 'No bursts of failed codes', findings: ['failed-attempts'],
    unknownWhy: needEvents, pass: (th) => `No burst of ${th.failedAttempts}+ failed code entries within ${th.failedWindowMinutes} minutes in the history.`, fix: 'Investigate each burst.' },
  { id: 'no-unusual-hour-access', pillar: 'audits', weight: 2, title: (th) => `No access at unusual hours (${unusualHoursText(th)})`, findings: ['unusual-hour-access'],
    unknownWhy: needEvents, pass: (th) => `No unlock in the unusual hours (${unusualHoursText(th)}).`, fix: 'Check each night-time access.' },
  { id: 'no-away-access', pillar: 'audits', weight: 2, title: 'No access while everyone was away', findings: ['away-access'],
    unknownWhy: (ctx) => needEvents(ctx) ?? (ctx.presence.persons.length ? null : 'no person entities'),
    pass: 'Every unlock happened with someone home.', fix: 'Confirm each away-access.' },
  { id: 'few-admins', pillar: 'audits', weight: 3, title: 'Admin rights limited', findings: ['too-many-admins'],
    unknownWhy: (ctx) => (ctx.header.users ? null : 'the user list needs an admin account'),
    pass: (th) => `At most ${th.maxAdmins} active administrators.`, fix: 'Limit admin users.' },

  { id: 'mfa-enabled', pillar: 'hardening', weight: 2, title: 'Two-factor authentication on', findings: ['mfa-disabled'],
    unknownWhy: (ctx) => (ctx.header.current_user ? null : 'the current user is unknown'),
    pass: 'Your account has an MFA module enabled.', fix: 'Enable TOTP two-factor authentication.' },
  { id: 'firmware-current', pillar: 'hardening', weight: 2, title: 'Lock firmware up to date', findings: ['firmware-update'],
    unknownWhy: (ctx) => (ctx.locks.some((l) => l.firmware) ? null : 'no firmware update entity on any lock'),
    pass: 'No firmware update pending.', fix: 'Install pending firmware updates.' },
  { id: 'battery-ok', pillar: 'hardening', weight: 1, title: (th) => `Batteries above ${th.lowBattery}%`, findings: ['low-battery'],
    unknownWhy: (ctx) => (ctx.locks.some((l) => l.battery !== null) ? null : 'no battery level on any lock'),
    pass: (th) => `Every lock battery is at ${th.lowBattery}% or more.`, fix: 'Replace low batteries.' },
  { id: 'no-tamper', pillar: 'hardening', weight: 1, title: 'No tampering reported', findings: ['tamper'],
    unknownWhy: (ctx) => (ctx.history.present || ctx.locks.some((l) => l.tamper_entity) ? null : 'no event history or tamper sensor'),
    pass: 'No tamper report.', fix: 'Inspect tampered locks.' },
  { id: 'locks-healthy', pillar: 'hardening', weight: 1, title: 'Locks reachable and not jammed', findings: ['jammed', 'lock-unavailable'],
    unknownWhy: needLocks, pass: 'Every lock is available and none jammed.', fix: 'Fix jams and lost connections.' },
];

/** Self-reported items: what HA cannot see. Weighed only when answered. */
export const CHECKLIST: { id: string; pillar: Pillar; title: string; fix: string }[] = [
  { id: 'master-code-changed', pillar: 'codes', title: 'Factory master code changed', fix: 'Change the master code right after installing.' },
  { id: 'codes-not-written-near-door', pillar: 'codes', title: 'No code written on or near the door', fix: 'Remove written codes.' },
  { id: 'wifi-wpa2-strong', pillar: 'hardening', title: 'Wi-Fi uses WPA2/WPA3 with a 16+ character password', fix: 'Use WPA3 or WPA2 with a long password.' },
  { id: 'router-login-changed', pillar: 'hardening', title: 'Router admin login changed from default', fix: 'Set a strong unique router password.' },
  { id: 'router-firmware-current', pillar: 'hardening', title: 'Router firmware updated (checked quarterly)', fix: 'Update the router firmware.' },
  { id: 'wps-disabled', pillar: 'hardening', title: 'WPS disabled', fix: 'Disable WPS in the router settings.' },
  { id: 'upnp-disabled', pillar: 'hardening', title: 'UPnP disabled', fix: 'Disable UPnP unless needed.' },
  { id: 'iot-network-isolated', pillar: 'hardening', title: 'Smart-home devices on a separate network (IoT VLAN)', fix: 'Put IoT devices on their own VLAN.' },
  { id: 'interior-screws', pillar: 'hardening', title: 'Mounting screws not reachable from outside', fix: 'Verify the install.' },
  { id: 'strike-plate-reinforced', pillar: 'hardening', title: 'Metal strike plate with 3"+ screws', fix: 'Reinforce the strike plate.' },
  { id: 'backup-key-secure', pillar: 'hardening', title: 'Backup key kept safe (not under the mat)', fix: 'Give it to a trusted neighbour or a quality lockbox.' },
];
export const CHECKLIST_WEIGHT = 1;

function statusFrom(findings: RaisedFinding[]): CheckStatus {
  if (findings.some((f) => f.severity !== 'info')) return 'fail';
  return findings.length ? 'warn' : 'pass';
}

function reviewCheck(ctx: RuleContext): { status: CheckStatus; evidence: string } {
  const last = Math.max(...(ctx.header.reviews ?? []).map((r) => Date.parse(r.time)).filter((t) => !Number.isNaN(t)));
  if (!Number.isFinite(last)) return { status: 'fail', evidence: 'The access log was never marked reviewed.' };
  const days = Math.floor((ctx.now - last) / 86_400_000);
  const status: CheckStatus = days <= ctx.th.reviewDays ? 'pass' : days <= 4 * ctx.th.reviewDays ? 'warn' : 'fail';
  return { status, evidence: `Last review ${days} day(s) ago (${ctx.tz.format(last)}).` };
}

export function evaluateChecks(ctx: RuleContext, findings: RaisedFinding[]): Check[] {
  const checks: Check[] = CHECKS.map((d) => {
    const why = d.unknownWhy(ctx);
    const base = { id: d.id, pillar: d.pillar, title: text(d.title, ctx.th), weight: d.weight, fix: text(d.fix, ctx.th) };
    if (why) return { ...base, status: 'unknown' as const, evidence: `Unknown: ${why}.` };
    if (d.id === 'weekly-log-review') return { ...base, ...reviewCheck(ctx) };
    const hits = findings.filter((f) => d.findings.includes(f.id));
    return { ...base, status: statusFrom(hits), evidence: hits.length ? `${hits.length} finding(s): ${hits.slice(0, 3).map((f) => f.evidence).join(' ')}${hits.length > 3 ? ' …' : ''}` : text(d.pass, ctx.th) };
  });
  const answers = ctx.header.checklist ?? {};
  for (const item of CHECKLIST) {
    const a = answers[item.id];
    checks.push({
      id: item.id, pillar: item.pillar, title: item.title, weight: CHECKLIST_WEIGHT, fix: item.fix, self_reported: true,
      status: a === undefined ? 'unknown' : a ? 'pass' : 'fail',
      evidence: a === undefined ? 'Unknown: not answered yet (self-reported).' : `Self-reported: ${a ? 'done' : 'not done'}.`,
    });
  }
  return checks;
}
