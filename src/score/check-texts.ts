// The words of the checks (checks.ts decides their verdicts): each check's title, what a pass means, its fix, and the
// evidence every verdict is told with. Part of the report's words (src/words.ts): the CLI's engine always has them, the
// card loads them with the views that show them.
import type { RaisedFinding } from '../model/finding.js';
import { lockName, type RuleContext } from '../rules/context.js';
import { evidenceOf } from '../rules/evidence.js';
import { unusualHoursText, type Thresholds } from '../thresholds.js';
import type { CheckWords, NoData, Verdict } from './checks.js';
import { releaseAtLeast } from '../model/ha.js';
import type { Lock } from '../model/lock.js';
import type { Coverage, CoverageOf, Gap, LockGap } from './coverage.js';

/** A text, or one that names the thresholds in force. */
type Text = string | ((th: Readonly<Thresholds>) => string);
const text = (t: Text, th: Readonly<Thresholds>) => (typeof t === 'string' ? t : t(th));

interface Words {
  title: Text;
  pass: Text;
  fix: Text;
  /** How to make the locks it could not judge known. */
  gapFix?: string | ((ctx: RuleContext) => string);
}

const CODES_GAP_FIX = 'Make every code known: read the codes with an admin account where the lock allows it, elsewhere set each code anew through Lock Sentinel (`lock-sentinel set-code`), which checks its strength and records it.';
/** Where a lock's read covered only some slots (the evidence names them). */
const CODES_PARTIAL_FIX = 'Codes in slots that were not read are not checked: keep every code in a slot that is read, or delete the others at the lock.';
const codes = { gapFix: CODES_GAP_FIX };
const AWAY_GAP_FIX = 'A person unknown or unavailable (e.g. right after a Home Assistant restart) says nothing about an empty house: check those unlocks in the timeline.';
/** Why a check could not be judged, in words. */
const NO_DATA: Record<NoData, (ctx: RuleContext) => string> = {
  'no-history': () => 'no event history',
  'empty-history': () => 'the history loaded holds no events',
  'no-locks': () => 'no lock entities found',
  'no-registry': () => 'no code registry (who holds which slot)',
  'no-expiry-registry': () => 'no code registry with expiry dates',
  'short-history': (ctx) => `the event history does not reach back ${ctx.th.staleDays} days`,
  'no-automations': () => 'automations could not be read',
  'no-reviews': () => 'no review marks recorded',
  'no-persons': () => 'no person entities',
  'no-users': () => 'the user list needs an admin account',
  'no-current-user': () => 'the current user is unknown',
};

/** What partial coverage means, after "but", and how to close the gap (default: some slots of a read lock not read). */
const PARTIAL: Partial<Record<CoverageOf, [as: string, fix: string]>> = {
  away: ["not every unlock could be judged (nobody was home and someone's whereabouts were unknown)", AWAY_GAP_FIX],
};

/** "A", "A and B", "A, B and C". */
const andList = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** The failure check's gap fix: protocols whose wrong codes arrive as their own events only reach the audit live. */
function failureGapFix(ctx: RuleContext): string {
  const live = ctx.protocols.filter((p) => p.capabilities.failures && p.eventTypes.length > 0).map((p) => p.title);
  const alerts = live.length ? `; for ${andList(live)} locks, keep Lock Sentinel's alerts installed (they see every wrong code live)` : '';
  return `Locks that do not report wrong codes give no evidence${alerts}.`;
}

/** By check id (checks.ts), every check's words. */
export const CHECK_WORDS: Record<string, Words> = {
  'strong-codes': { title: 'Strong codes (6-8 random digits)', pass: 'Every code in use is 6+ digits and not a pattern, date or common PIN.',
    fix: 'Replace weak codes with random 6-8 digit codes.', ...codes },
  'unique-codes': { title: 'A unique code per person', pass: 'No code is shared between slots of a lock.', fix: 'Give every person their own code.', ...codes },
  'codes-differ-between-locks': { title: 'Different codes on different locks', pass: 'No code opens more than one lock.', fix: 'Set a different code on each lock.', ...codes },
  'codes-documented': { title: 'Every code has a recorded holder', pass: 'Every code in use has a recorded holder.',
    fix: 'Record holder, role, date added and expiry for each slot.', ...codes },
  'unused-codes-deleted': { title: (th) => `Unused codes deleted (${th.staleDays}+ days)`,
    pass: (th) => `Every code was used in the last ${th.staleDays} days or is newer.`, fix: (th) => `Delete codes nobody used for ${th.staleDays}+ days.`, ...codes },
  'expired-codes-deleted': { title: 'Expired and guest codes deleted promptly', pass: 'No code past its expiry is still in use.',
    fix: 'Delete guest codes the day they leave.', ...codes },
  'codes-not-exposed': { title: 'Codes not visible anywhere', pass: 'No entity shows a code in its state or attributes.',
    fix: 'Mask code entities; keep them out of the recorder.', ...codes },

  'alerts-enabled': { title: 'Critical alerts enabled', pass: 'Automations alert on failed attempts, unusual hours, tamper, low battery and away-access.',
    fix: 'Install Lock Sentinel\'s alerts.' },
  'weekly-log-review': { title: 'Access log reviewed weekly', pass: (th) => `The access log was reviewed in the last ${th.reviewDays} days.`,
    fix: 'Review the timeline every Sunday evening and mark it reviewed.' },
  'no-failed-attempt-bursts': { title: 'No bursts of failed codes',
    pass: (th) => `No burst of ${th.failedAttempts}+ failed code entries within ${th.failedWindowMinutes} minutes in the history.`, fix: 'Investigate each burst.',
    gapFix: failureGapFix },
  'no-unusual-hour-access': { title: (th) => `No access at unusual hours (${unusualHoursText(th)})`,
    pass: (th) => `No unlock in the unusual hours (${unusualHoursText(th)}).`, fix: 'Check each night-time access.' },
  'no-away-access': { title: 'No access while everyone was away', pass: 'Every unlock happened with someone home.', fix: 'Confirm each away-access.',
    gapFix: AWAY_GAP_FIX },
  'few-admins': { title: 'Admin rights limited', pass: (th) => `At most ${th.maxAdmins} active administrators.`, fix: 'Limit admin users.' },

  'mfa-enabled': { title: 'Two-factor authentication on', pass: 'Your account has an MFA module enabled.', fix: 'Enable TOTP two-factor authentication.' },
  'firmware-current': { title: 'Lock firmware up to date', pass: 'No firmware update pending.', fix: 'Install pending firmware updates.',
    gapFix: 'Check the firmware of locks without an update entity in their maker\'s app.' },
  'battery-ok': { title: (th) => `Batteries above ${th.lowBattery}%`, pass: (th) => `Every lock battery is at ${th.lowBattery}% or more.`,
    fix: 'Replace low batteries.', gapFix: 'Check the batteries of locks that report no level by hand.' },
  'no-tamper': { title: 'No tampering reported', pass: 'No tamper report.', fix: 'Inspect tampered locks.',
    gapFix: 'Locks without a tamper sensor or report give no evidence: inspect them by hand.' },
  'locks-healthy': { title: 'Locks reachable and not jammed', pass: 'Every lock is available and none jammed.', fix: 'Fix jams and lost connections.' },
};

/** By item id (checks.ts' CHECKLIST), the self-reported items' words. */
export const CHECKLIST_WORDS: Record<string, { title: string; fix: string }> = {
  'master-code-changed': { title: 'Factory master code changed', fix: 'Change the master code right after installing.' },
  'codes-not-written-near-door': { title: 'No code written on or near the door', fix: 'Remove written codes.' },
  'wifi-wpa2-strong': { title: 'Wi-Fi uses WPA2/WPA3 with a 16+ character password', fix: 'Use WPA3 or WPA2 with a long password.' },
  'router-login-changed': { title: 'Router admin login changed from default', fix: 'Set a strong unique router password.' },
  'router-firmware-current': { title: 'Router firmware updated (checked quarterly)', fix: 'Update the router firmware.' },
  'wps-disabled': { title: 'WPS disabled', fix: 'Disable WPS in the router settings.' },
  'upnp-disabled': { title: 'UPnP disabled', fix: 'Disable UPnP unless needed.' },
  'iot-network-isolated': { title: 'Smart-home devices on a separate network (IoT VLAN)', fix: 'Put IoT devices on their own VLAN.' },
  'interior-screws': { title: 'Mounting screws not reachable from outside', fix: 'Verify the install.' },
  'strike-plate-reinforced': { title: 'Metal strike plate with 3"+ screws', fix: 'Reinforce the strike plate.' },
  'backup-key-secure': { title: 'Backup key kept safe (not under the mat)', fix: 'Give it to a trusted neighbour or a quality lockbox.' },
};

function findingsText(hits: RaisedFinding[], ctx: RuleContext): string {
  return `${hits.length} finding(s): ${hits.slice(0, 3).map((f) => evidenceOf(f, ctx)).join(' ')}${hits.length > 3 ? ' …' : ''}`;
}

/** "locks' codes read", "lock's codes read", "locks report wrong codes", "1 of 3 locks reports ...": noun by `nouns`, verb by `subjects`. */
function phrase(as: string, nouns: number, subjects: number): string {
  if (as.startsWith("'")) return (nouns === 1 ? "lock's" : "locks'") + as.slice(1);
  return (nouns === 1 ? 'lock' : 'locks') + (subjects === 1 ? singular(as) : as);
}

/** " report wrong codes" → " reports wrong codes". */
function singular(as: string): string {
  const m = /^ (\w+)(.*)$/.exec(as);
  if (!m) return as;
  const [, verb, rest] = m;
  return ` ${verb === 'have' ? 'has' : verb === 'give' ? 'gives' : `${verb}s`}${rest}`;
}

/** "over 7 day(s) of history (since 2026-11-13 10:00)". */
function span(ctx: RuleContext, since: number): string {
  const days = Math.max(0, (ctx.now - since) / 86_400_000);
  const amount = days >= 1 ? `${Math.floor(days)} day(s)` : `${Math.max(0, Math.round((ctx.now - since) / 3_600_000))} hour(s)`;
  return `over ${amount} of history (since ${ctx.tz.format(since)})`;
}

/** What "seen" and "missing" mean, after "N of M locks" and "N lock(s)". */
const AS: Record<CoverageOf, [seen: string, missing: string]> = {
  codes: ["' codes read", "' codes unknown"],
  strength: ["' codes read or set through the strength gate", "' codes unknown"],
  failures: [' report wrong codes', ' give no evidence'],
  tamper: [' report tampering', ' give no evidence'],
  unlocks: [' report unlocks', ' give no evidence'],
  away: [' report unlocks', ' give no evidence'],
  battery: [' report a battery level', ' give no evidence'],
  firmware: [' have a firmware update entity', ' give no evidence'],
};

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** Why a lock's codes are unknown. */
function codesUnknownWhy(ctx: RuleContext, l: Lock): string {
  const p = ctx.protocolOf(l.protocol);
  if (p.slotsListed) {
    const { service, since } = p.slotsListed;
    // Only the release's numbers are repeated (the snapshot's config is not trusted text).
    const release = /^\d+\.\d+/.exec(String(ctx.header.config.version))?.[0];
    return releaseAtLeast(ctx.header.config.version, since) === false
      ? `${p.title}: codes cannot be read back, and Home Assistant ${release} cannot list the occupied slots (${service} needs ${since}+)`
      : `${p.title}: codes cannot be read back, and the occupied slots were not listed (${service})`;
  }
  switch (p.capabilities.codes) {
    case 'read': return `${p.title}: codes were not read`;
    case 'write-only': return `${p.title}: codes cannot be read back`;
    default: return `${p.title}: no code service`;
  }
}

/** A lock's gap (or how it was seen) in words. */
function gapText(ctx: RuleContext, lockId: string, gap: Gap): string {
  const l = ctx.index.byEntity.get(lockId)!;
  const p = ctx.protocolOf(l.protocol);
  if (typeof gap === 'object') {
    if ('hidden' in gap) {
      const slots = gap.hidden;
      if (p.codesHidden) return `${p.title}: ${p.codesHidden(slots)}`;
      return `${p.title}: ${p.codesHiddenWhy ?? 'the lock does not show the PIN'} of ${plural(slots.length, 'slot', 'slots')} ${slots.join(', ')}`;
    }
    if ('strength' in gap) {
      const unknown = gap.strength;
      return `${gapText(ctx, lockId, gap.base)}; ${plural(unknown.length, 'slot', 'slots')} ${unknown.join(', ')} ${plural(unknown.length, 'holds a code', 'hold codes')} of unknown strength: set a new code through Lock Sentinel (\`lock-sentinel set-code --lock ${lockId} --slot ${unknown[0]}\`)`;
    }
    if ('whereabouts' in gap) return `whereabouts unknown at ${gap.whereabouts} of ${gap.of} unlock(s) (${gap.who.join(', ')}: unknown or unavailable)`;
    const has = gap.total === null ? 'the lock does not say how many it has' : `the lock has ${gap.total}`;
    return `${p.title}: slots 1-${gap.read} read; slots above ${gap.read} not read (${has})`;
  }
  switch (gap) {
    case 'codes': return codesUnknownWhy(ctx, l);
    case 'read-via': return `${p.title}: ${p.codesReadVia}`;
    case 'slot-use': return `${p.title}: unlocks do not say which slot was used`;
    case 'through': return `${p.title}: ${p.reportsThrough?.missing}`;
    case 'no-failures': return `${p.title}: does not report wrong codes`;
    case 'failure-events': return `${p.title}: its wrong-code events are not in the history loaded (they are only received live)`;
    case 'no-tamper': return `${p.title}: no tamper sensor or report`;
    case 'tamper-events': return `${p.title}: its tamper events are not in the history loaded (they are only received live)`;
    case 'no-history': return 'no history';
    case 'no-battery': return 'no battery level';
    case 'no-firmware': return 'no firmware update entity';
  }
}

/** "3 of 5 locks' codes read; 2 locks' codes unknown (Back Door: ZHA: codes cannot be read back; ...)." */
export function describeCoverage(ctx: RuleContext, c: Coverage): string {
  const [seenAs, missingAs] = AS[c.of];
  const total = c.seen.length + c.missing.length;
  const n = c.missing.length;
  const told = (gaps: LockGap[]) => gaps.map((g) => `${lockName(ctx, g.lock)}: ${gapText(ctx, g.lock, g.why)}`).join('; ');
  const said = [...c.notes ?? [], ...c.partial ?? []];
  const how = said.length ? ` (${told(said)})` : '';
  const head = `${c.seen.length} of ${total} ${phrase(seenAs, total, c.seen.length)}${how}`;
  const gaps = n ? `; ${n} ${phrase(missingAs, n, n)} (${told(c.missing)})` : '';
  return `${head}${c.since !== null ? ` ${span(ctx, c.since)}` : ''}${gaps}.`;
}

/** A verdict in words: its evidence says what was seen and what was not, its fix how to make the rest known. */
export function describeCheck(v: Verdict, ctx: RuleContext): CheckWords {
  if (v.kind === 'self') {
    const w = CHECKLIST_WORDS[v.item.id]!;
    const evidence = v.answer === undefined ? 'Unknown: not answered yet (self-reported).' : `Self-reported: ${v.answer ? 'done' : 'not done'}.`;
    return { title: w.title, evidence, fix: w.fix };
  }
  const d = v.def;
  const w = CHECK_WORDS[d.id]!;
  const title = text(w.title, ctx.th);
  const fix = text(w.fix, ctx.th);
  if (v.kind === 'no-data') return { title, evidence: `Unknown: ${NO_DATA[v.why](ctx)}.`, fix };
  if (v.kind === 'review') {
    const evidence = Number.isFinite(v.last) ? `Last review ${v.days} day(s) ago (${ctx.tz.format(v.last)}).` : 'The access log was never marked reviewed.';
    return { title, evidence, fix };
  }
  const { hits, cov } = v;
  const pass = text(w.pass, ctx.th);
  if (!cov) return { title, evidence: hits.length ? findingsText(hits, ctx) : pass, fix };
  const covered = describeCoverage(ctx, cov);
  const gapText = typeof w.gapFix === 'function' ? w.gapFix(ctx) : w.gapFix;
  const gapFix = cov.missing.length && gapText ? ` ${gapText}` : '';
  if (v.status === 'unknown') {
    const what = cov.seen.length === 0 ? 'no lock could be judged' : `fewer than ${d.minSeen} locks could be judged`;
    return { title, evidence: `Unknown: ${what}. ${covered}`, fix: gapText ?? fix };
  }
  if (v.status === 'fail') return { title, evidence: `${findingsText(hits, ctx)} ${covered}`, fix: `${fix}${gapFix}` };
  if (cov.missing.length === 0 && !cov.partial?.length) return { title, evidence: `${hits.length ? findingsText(hits, ctx) : pass} ${covered}`, fix };
  // Some slots of a lock not read is partial coverage too, scored like a lock not seen.
  const [partialAs, partialFix] = PARTIAL[cov.of] ?? ['not every slot could be read', CODES_PARTIAL_FIX];
  const notAll = cov.missing.length ? 'not every lock could be' : partialAs;
  const slotFix = cov.partial?.length && !cov.missing.length ? ` ${partialFix}` : '';
  return {
    title,
    evidence: `Partial: ${hits.length ? findingsText(hits, ctx) : 'nothing found on the locks that could be judged'}, but ${notAll}. ${covered}`,
    fix: `${fix}${gapFix}${slotFix}`,
  };
}
