// "Set a new code", one click from what calls for it: each weak slot (read from the lock) and each slot of unknown
// strength (occupied, unreadable) on a lock whose protocol can set codes. Admins only.
import { html, nothing } from 'lit';
import { protocol } from '../../../src/adapters/index.js';
import type { Lock } from '../../../src/model/lock.js';
import { lockName, slotKey, type ViewContext } from './context.js';

/** The check whose fix is a new code (its finding: a weak or unknown-strength slot). */
export const STRENGTH_CHECK = 'strong-codes';

export interface SlotFix {
  lock: string;
  slot: number;
  why: 'weak' | 'unknown';
}

/** Can Lock Sentinel set a code on this lock (its protocol has a service for it: it can read or set codes)? */
export const canSetCodes = (lock: Pick<Lock, 'protocol'> | undefined): boolean => !!lock && protocol(lock.protocol).capabilities.codes !== 'none';

/** Why a slot needs a new code: weak (read from the lock) or of unknown strength (unreadable); null: it does not. */
export function needsNewCode(ctx: Pick<ViewContext, 'verdicts' | 'strengths'>, lock: string, slot: number): SlotFix['why'] | null {
  const key = slotKey(lock, slot);
  if (ctx.verdicts.get(key)?.verdict === 'weak') return 'weak';
  return ctx.strengths.get(key)?.provenance === 'unknown' ? 'unknown' : null;
}

/** Weak and unknown-strength slots of the card's locks that a new code can fix, by lock and slot. */
export function slotsToFix(ctx: Pick<ViewContext, 'locks' | 'verdicts' | 'strengths'>): SlotFix[] {
  const settable = new Set(ctx.locks.filter(canSetCodes).map((l) => l.entity_id));
  const slots = new Map<string, { lock: string; slot: number }>();
  for (const key of ctx.verdicts.keys()) {
    const [lock, slot] = key.split('|');
    slots.set(key, { lock: lock!, slot: Number(slot) });
  }
  for (const [key, s] of ctx.strengths) slots.set(key, { lock: s.lock, slot: s.slot });
  const out: SlotFix[] = [];
  for (const { lock, slot } of slots.values()) {
    const why = settable.has(lock) ? needsNewCode(ctx, lock, slot) : null;
    if (why) out.push({ lock, slot, why });
  }
  return out.sort((a, b) => a.lock.localeCompare(b.lock) || a.slot - b.slot);
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
