import { css, html, nothing } from 'lit';
import type { CodeRegistryEntry, CodeRole } from '../../../src/model/ha.js';
import type { Lock } from '../../../src/model/lock.js';
import { mdiAlert, mdiCheckCircle } from '@mdi/js';
import { buttonStyles } from '../../shared/button.js';
import { icon } from '../../shared/icon.js';
import { canSetCodes, needsNewCode, setCodeButton } from './code-fixes.js';
import { slotKey, type ViewContext } from './context.js';
import { textStyles } from './text-styles.js';
import { slotSaved } from '../changes.js';

export const ROLES: readonly CodeRole[] = ['family', 'guest', 'service', 'admin'];

/** Every slot known for a lock: in use on the lock (when readable) or recorded in the registry. */
export function slotsOf(ctx: Pick<ViewContext, 'inUse' | 'shared'>, lock: string): number[] {
  const slots = new Set(ctx.inUse.get(lock) ?? []);
  for (const e of ctx.shared.code_registry) if (e.lock === lock) slots.add(e.slot);
  return [...slots].sort((a, b) => a - b);
}

function lastUse(ctx: ViewContext, lock: string, slot: number): number | null {
  let last: number | null = null;
  for (const e of ctx.timeline) if (e.lock === lock && e.slot === slot && e.success && (last === null || e.time > last)) last = e.time;
  return last;
}

function onSubmit(ctx: ViewContext, lock: string, fixedSlot: number | null) {
  return (ev: SubmitEvent) => {
    ev.preventDefault();
    const data = new FormData(ev.target as HTMLFormElement);
    const slot = fixedSlot ?? Number(data.get('slot'));
    const expires = String(data.get('expires') ?? '');
    const name = String(data.get('name') ?? '').trim();
    ctx.on.update(() => slotSaved(ctx.t, lock, slot, name, data.get('role') as CodeRole, expires || null), () => ctx.on.keep({ editing: null }));
  };
}

function editForm(ctx: ViewContext, lock: Lock, slot: number | null, entry: CodeRegistryEntry | undefined) {
  const id = `edit-${lock.entity_id}-${slot ?? 'new'}`;
  return html`<form class="edit" aria-label=${ctx.t('codes.edit_title')} @submit=${onSubmit(ctx, lock.entity_id, slot)}>
    ${slot === null
      ? html`<label for=${`${id}-slot`}>${ctx.t('codes.slot')}</label>
          <input id=${`${id}-slot`} name="slot" type="number" min="1" max="254" required />`
      : nothing}
    <label for=${`${id}-name`}>${ctx.t('codes.holder')}</label>
    <input id=${`${id}-name`} name="name" required maxlength="60" .value=${entry?.name ?? ''} />
    <label for=${`${id}-role`}>${ctx.t('codes.role')}</label>
    <select id=${`${id}-role`} name="role">
      ${ROLES.map((r) => html`<option value=${r} ?selected=${(entry?.role ?? 'family') === r}>${ctx.t(`role.${r}`)}</option>`)}
    </select>
    <label for=${`${id}-expires`}>${ctx.t('codes.expires')}</label>
    <input id=${`${id}-expires`} name="expires" type="date" .value=${entry?.expires?.slice(0, 10) ?? ''} />
    <div class="actions">
      <button class="btn primary" type="submit" ?disabled=${ctx.busy}>${ctx.t('action.save')}</button>
      <button class="btn" type="button" @click=${() => ctx.on.keep({ editing: null })}>${ctx.t('action.cancel')}</button>
    </div>
  </form>`;
}

function verdictBadge(ctx: ViewContext, lock: string, slot: number) {
  const v = ctx.verdicts.get(slotKey(lock, slot));
  if (!v) {
    // Where the lock cannot be read: the engine's provenance (set strong through the gate, or unknown strength).
    const p = ctx.strengths.get(slotKey(lock, slot));
    if (p?.provenance === 'set-strong') {
      return html`<span class="verdict verdict-set-strong" title=${ctx.fmt.date(p.set_at!)}>${icon(mdiCheckCircle)}${ctx.t('verdict.set_strong')}</span>`;
    }
    if (p?.provenance === 'unknown') return html`<span class="verdict verdict-unknown">${ctx.t('verdict.unknown')}</span>`;
    return nothing;
  }
  return html`<span class="verdict verdict-${v.verdict}" title=${v.reasons.join('; ')}>${icon(v.verdict === 'weak' ? mdiAlert : mdiCheckCircle)}${ctx.t(`verdict.${v.verdict}`)}</span>`;
}

/** "Family · added 1 Mar 2026 · expires never · used 2 days ago": only what is known. */
function facts(ctx: ViewContext, entry: CodeRegistryEntry | undefined, used: number | null): string {
  return [
    entry ? ctx.t(`role.${entry.role}`) : null,
    entry?.added ? `${ctx.t('codes.added')} ${ctx.fmt.date(entry.added)}` : null,
    entry ? `${ctx.t('codes.expires')} ${entry.expires ? ctx.fmt.date(entry.expires) : ctx.t('codes.never')}` : null,
    used === null ? null : `${ctx.t('codes.last_use')} ${ctx.fmt.relative(used, ctx.now)}`,
  ].filter(Boolean).join(' · ');
}

function lockCodes(ctx: ViewContext, lock: Lock) {
  const slots = slotsOf(ctx, lock.entity_id);
  const readable = ctx.usercodeLocks.has(lock.entity_id);
  const editing = ctx.kept.editing?.lock === lock.entity_id ? ctx.kept.editing : null;
  const settable = ctx.admin && canSetCodes(lock);
  return html`<section class="lock-codes" data-entity=${lock.entity_id} aria-labelledby=${`codes-${lock.entity_id}`}>
    <h3 id=${`codes-${lock.entity_id}`}>${lock.name}</h3>
    ${readable ? nothing : html`<p class="muted">${ctx.t('codes.codes_unavailable')}</p>`}
    ${slots.length === 0 ? html`<p class="empty">${ctx.t('codes.none')}</p>` : nothing}
    <ul class="slots">
      ${slots.map((slot) => {
        const entry = ctx.shared.code_registry.find((e) => e.lock === lock.entity_id && e.slot === slot);
        const used = lastUse(ctx, lock.entity_id, slot);
        const label = `${ctx.t('codes.slot')} ${slot}`;
        return html`<li class="slot">
          <div class="slot-head"><strong>${label}</strong> <span>${entry?.name ?? ctx.t('codes.unregistered')}</span> ${verdictBadge(ctx, lock.entity_id, slot)}</div>
          ${(() => { const f = facts(ctx, entry, used); return f ? html`<p class="slot-facts">${f}</p>` : nothing; })()}
          ${ctx.admin
            ? html`<div class="actions">
                ${settable ? setCodeButton(ctx, lock.entity_id, slot, needsNewCode(ctx, lock.entity_id, slot) !== null) : nothing}
                <button class="btn" @click=${() => ctx.on.keep({ editing: { lock: lock.entity_id, slot } })} aria-label=${`${ctx.t('action.edit')}: ${label}`}>
                  ${ctx.t('action.edit')}
                </button>
                <button class="btn danger" ?disabled=${ctx.busy} @click=${() => ctx.on.keep({ confirm: { lock: lock.entity_id, slot } })}
                  aria-label=${`${ctx.t('codes.delete')}: ${label}`}>${ctx.t('codes.delete')}</button>
              </div>`
            : nothing}
          ${editing?.slot === slot ? editForm(ctx, lock, slot, entry) : nothing}
        </li>`;
      })}
    </ul>
    ${ctx.admin
      ? editing?.slot === null
        ? editForm(ctx, lock, null, undefined)
        : html`<div class="actions">
            ${settable ? setCodeButton(ctx, lock.entity_id, null) : nothing}
            <button class="btn" @click=${() => ctx.on.keep({ editing: { lock: lock.entity_id, slot: null } })}>${ctx.t('codes.record')}</button>
          </div>`
      : nothing}
  </section>`;
}

export function codesView(ctx: ViewContext) {
  return html`${ctx.admin ? nothing : html`<p class="muted">${ctx.t('readonly')}</p>`}
    ${ctx.admin && ctx.storagePerUser ? html`<p class="notice">${ctx.t('notice.storage_per_user')}</p>` : nothing}
    ${ctx.locks.map((l) => lockCodes(ctx, l))}`;
}

/** "Delete this code?" while one is asked: the card shows it over any view until it is answered. */
export function confirmDialog(ctx: ViewContext) {
  if (!ctx.kept.confirm) return nothing;
  const { lock, slot } = ctx.kept.confirm;
  const done = (ok: boolean) => {
    ctx.on.keep({ confirm: null });
    if (ok) ctx.on.clearCode(lock, slot);
  };
  const name = ctx.locks.find((l) => l.entity_id === lock)?.name ?? lock;
  const who = ctx.shared.code_registry.find((e) => e.lock === lock && e.slot === slot)?.name ?? ctx.t('codes.unregistered');
  return html`<dialog aria-labelledby="confirm-title" @cancel=${(e: Event) => { e.preventDefault(); done(false); }}>
    <h3 id="confirm-title">${ctx.t('codes.confirm_title')}</h3>
    <p>${ctx.t('codes.confirm_text', { slot, lock: name, holder: who })}</p>
    <div class="actions">
      <button class="btn" autofocus @click=${() => done(false)}>${ctx.t('action.cancel')}</button>
      <button class="btn danger" @click=${() => done(true)}>${ctx.t('codes.delete')}</button>
    </div>
  </dialog>`;
}

export const styles = [buttonStyles, textStyles, css`
  /* Codes */
  .lock-codes { border-top: 1px solid var(--ls-divider); padding: 8px 0; }
  .slot { padding: 6px 0; }
  .slot-head { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  .slot-facts { color: var(--ls-muted); font-size: 0.875em; }
  span.verdict { display: inline-flex; align-items: center; gap: 2px; font-size: 0.85em; color: var(--ls-text); }
  span.verdict .icon { width: 18px; height: 18px; }
  .verdict-weak .icon { color: var(--ls-error); }
  .verdict-strong .icon, .verdict-set-strong .icon { color: var(--ls-success); }
  form.edit { display: grid; grid-template-columns: max-content 1fr; gap: 6px 8px; align-items: center; margin: 8px 0; }
  form.edit .actions { grid-column: 1 / -1; }
  select, input {
    font: inherit; color: var(--ls-text); background: var(--ls-bg); border: 1px solid var(--ls-divider);
    border-radius: 6px; padding: 4px 6px; min-height: 32px;
  }
  fieldset { border: 1px solid var(--ls-divider); border-radius: 6px; display: flex; gap: 12px; flex-wrap: wrap; margin: 6px 0; }
  dialog { background: var(--ls-bg); color: var(--ls-text); border: 1px solid var(--ls-divider); border-radius: var(--ls-radius); max-width: min(90vw, 420px); }
  dialog::backdrop { background: rgba(0, 0, 0, 0.4); }
  @media (max-width: 480px) { form.edit { grid-template-columns: 1fr; } }
`];
