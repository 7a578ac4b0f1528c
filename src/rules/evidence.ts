// What a finding's evidence says, told from what its rule found (`Told`, model/finding.ts): part of the report's words
// (src/words.ts), which the CLI's engine always has and the card loads with the views that show evidence. The admin
// rules tell their own evidence (they load on demand already).
import type { RaisedFinding, Told } from '../model/finding.js';
import type { AccessEvent } from '../model/lock.js';
import { unusualHoursText } from '../thresholds.js';
import { lockName, slotLabel, type RuleContext } from './context.js';

/** "by keypad, code slot 3 (Alice), (Alice's phone)". */
function who(ctx: RuleContext, e: AccessEvent): string {
  const parts = [`by ${e.method}`];
  if (e.slot !== null) parts.push(`code ${slotLabel(ctx, e.lock, e.slot).replace(`${lockName(ctx, e.lock)} `, '')}`);
  if (e.actor) parts.push(`(${e.actor})`);
  return parts.join(', ');
}

/** "… 42 unlocks at these hours in all, between … and … (local); the worst is shown." when a tally holds more than its example. */
function moreLikeIt(ctx: RuleContext, t: { count: number; first: number; last: number }, what: string): string {
  return t.count > 1 ? ` ${t.count} ${what} in all, between ${ctx.tz.format(t.first)} and ${ctx.tz.format(t.last)} (local); the worst is shown.` : '';
}

/** What a finding standing for `count` findings of its kind on its lock adds to the worst one's evidence. */
const groupNote = (g: { count: number; first: string | null; last: string | null }): string =>
  ` (${g.count} findings of this kind on this lock${g.first && g.last ? ` from ${g.first.slice(0, 10)} to ${g.last.slice(0, 10)}` : ''}; the worst is shown.)`;

function tell(t: Told, ctx: RuleContext): string {
  const at = (ms: number) => ctx.tz.format(ms);
  const nameOf = (lock: string) => ctx.index.byEntity.get(lock)?.name ?? lock;
  switch (t.k) {
    case 'failed': {
      const parts: string[] = [];
      if (t.failures) parts.push(`${t.failures} failed code entries between ${at(t.start)} and ${at(t.end)} (local)`);
      if (t.lockouts.length) parts.push(`the lock reported ${[...new Set(t.lockouts)].map((l) => `"${l}"`).join(', ')}${t.failures ? '' : ` at ${at(t.start)} (local)`}`);
      return `${lockName(ctx, t.lock)}: ${parts.join('; ')}.`;
    }
    case 'unusual':
      return `${lockName(ctx, t.lock)} was unlocked at ${at(t.e.time)} (local, in the unusual hours ${unusualHoursText(ctx.th)}) ${who(ctx, t.e)}.${moreLikeIt(ctx, t.tally, 'unlocks at these hours')}`;
    case 'away':
      return `${lockName(ctx, t.lock)} was unlocked at ${at(t.e.time)} (local) ${who(ctx, t.e)} while nobody was home (${ctx.presence.persons.map((p) => `${p}: ${ctx.presence.stateAt(p, t.e.time)}`).join(', ')}).${moreLikeIt(ctx, t.tally, 'unlocks while nobody was home')}`;
    case 'tamper': return `${nameOf(t.e.lock)} reported tampering at ${at(t.e.time)} (local): ${t.e.label}.`;
    case 'tamper-now': return `${t.sensor} reports tampering on ${t.name} now.`;
    case 'jam': return `${nameOf(t.e.lock)} jammed at ${at(t.e.time)} (local): the door may not be locked.`;
    case 'jam-now': return `${t.name} is jammed now${t.sensor ? ` (${t.sensor})` : ''}: the door may not be locked.`;
    case 'battery': return `${t.name} battery is at ${t.level}% (below ${ctx.th.lowBattery}%)${t.entity ? ` (${t.entity})` : ''}.`;
    case 'firmware': return `${t.name} runs firmware ${t.firmware?.installed ?? '?'}; ${t.firmware?.latest ?? 'a newer version'} is available (${t.firmware?.entity_id}).`;
    case 'unavailable': return `${t.name} is unavailable${t.since === null ? '' : ` since ${at(t.since)} (local)`}: Home Assistant can neither see nor control it.`;
    case 'admins': return `${t.names.length} active administrators (${t.names.join(', ')}); more than ${ctx.th.maxAdmins}.`;
    case 'mfa': return `${t.name ?? 'This account'} has no multi-factor authentication module enabled.`;
    case 'expired':
      return `${slotLabel(ctx, t.lock, t.slot)} expired ${at(t.expires)} and is still ${t.usedAfter ? 'in use (it opened the door after that)' : 'set on the lock'}.`;
  }
}

/** A finding's evidence: as its rule told it, or from what it found; then the findings of its kind it stands for. */
export function evidenceOf(f: RaisedFinding, ctx: RuleContext): string {
  return (f.evidence ?? (f.told ? tell(f.told, ctx) : '')) + (f.groups ?? []).map(groupNote).join('');
}
