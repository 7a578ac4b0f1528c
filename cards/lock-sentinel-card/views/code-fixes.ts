// "Set a new code", one click from what calls for it: each weak slot (read from the lock) and each slot of unknown
// strength (occupied, unreadable) on a lock whose protocol can set codes. Admins only.
import { html, nothing } from 'lit';
import { protocol } from '../../../src/adapters/index.js';
import type { Lock } from '../../../src/model/lock.js';
import { lockName, type ViewContext } from './context.js';

/** The check whose fix is a new code (its finding: a weak or unknown-strength slot). */
export const STRENGTH_CHECK = 'strong-codes';

export interface SlotFix {
  lock: string;
  slot: number;
  why: 'weak' | 'unknown';
}

/** Can Lock Sentinel set a code on this lock (its protocol has a service for it)? */
export const canSetCodes = (lock: Pick<Lock, 'protocol'> | undefined): boolean => !!lock && typeof protocol(lock.protocol).codes.set === 'function';

/** Weak and unknown-strength slots of the card's locks that a new code can fix, by lock and slot. */
export function slotsToFix(ctx: Pick<ViewContext, 'locks' | 'verdicts' | 'strengths'>): SlotFix[] {
  const settable = new Set(ctx.locks.filter(canSetCodes).map((l) => l.entity_id));
  const out = new Map<string, SlotFix>();
  for (const [key, v] of ctx.verdicts) {
    const [lock, slot] = key.split('|');
    if (v.verdict === 'weak' && settable.has(lock!)) out.set(key, { lock: lock!, slot: Number(slot), why: 'weak' });
  }
  for (const [key, s] of ctx.strengths) {
    if (s.provenance === 'unknown' && settable.has(s.lock) && !out.has(key)) out.set(key, { lock: s.lock, slot: s.slot, why: 'unknown' });
  }
  return [...out.values()].sort((a, b) => a.lock.localeCompare(b.lock) || a.slot - b.slot);
}

/** The button that opens the dialog for one slot (null: the admin picks the slot). */
export function setCodeButton(ctx: ViewContext, lock: string, slot: number | null, primary = false) {
  const label = ctx.t(slot === null ? 'codes.set_in_slot' : 'codes.set_new');
  const where = slot === null ? lockName(ctx, lock) : `${lockName(ctx, lock)}, ${ctx.t('codes.slot')} ${slot}`;
  return html`<button class="btn ${primary ? 'primary' : ''}" type="button" ?disabled=${ctx.busy} @click=${() => ctx.on.setCode(lock, slot)}
    aria-label=${`${label}: ${where}`}>${label}</button>`;
}

/** Under the strength check's fix: each slot to fix, with its button. */
export function fixList(ctx: ViewContext) {
  if (!ctx.admin) return nothing;
  const fixes = slotsToFix(ctx);
  if (!fixes.length) return nothing;
  return html`<ul class="slot-fixes" aria-label=${ctx.t('codes.set_fixes')}>
    ${fixes.map((f) => html`<li class="slot-fix" data-slot=${`${f.lock}|${f.slot}`}>
      <span>${lockName(ctx, f.lock)} · ${ctx.t('codes.slot')} ${f.slot} · ${ctx.t(`verdict.${f.why}`)}</span>
      ${setCodeButton(ctx, f.lock, f.slot, true)}
    </li>`)}
  </ul>`;
}
