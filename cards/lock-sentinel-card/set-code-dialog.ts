// <lock-sentinel-set-code>: the "Set a new code" dialog (admins). It only gathers input and shows the outcome; the
// gate, the service call and the registry record are the card's `submit` (set-code.ts over src/services/).
// A typed PIN lives in the password field and in one local for the one call, then is cleared from both. A proposed
// PIN is shown once, masked, with a press-and-hold reveal, and leaves the DOM when the dialog closes.
import { css, html, LitElement, nothing } from 'lit';
import type { CodeRole } from '../../src/model/ha.js';
import { CODE_ROLES, HOLDER_MAX_LENGTH } from '../../src/services/code-setter.js';
import { GATE_MAX_LENGTH, GATE_MIN_LENGTH } from '../../src/services/code-gate.js';
import { buttonStyles } from '../shared/button.js';
import { dialogStyles, modal, openModal } from '../shared/dialog.js';
import { field, fieldStyles } from '../shared/field.js';
import type { Translate } from './i18n.js';
import type { SetCodeForm, SetCodeOutcome } from './set-code.js';
import type { ViewContext } from './views/context.js';

export const SET_CODE_TAG = 'lock-sentinel-set-code';

/** What the dialog is opened for: a lock, and its slot (null: the admin picks one). */
export interface SetCodeTarget {
  lockName: string;
  slot: number | null;
  holder: string | null;
  role: CodeRole | null;
  expires: string | null;
}

type Done = Extract<SetCodeOutcome, { kind: 'set' }>;

export class SetCodeDialog extends LitElement {
  static override styles = [buttonStyles, dialogStyles, fieldStyles, css`
    :host { display: contents; }
    .where { color: var(--ls-muted); margin: 0 0 8px; }
    .error { color: var(--ls-text); background: color-mix(in srgb, var(--ls-error) 15%, transparent); border-radius: 6px; padding: 6px 8px; margin: 8px 0; }
    .done { background: color-mix(in srgb, var(--ls-success) 15%, transparent); border-radius: 6px; padding: 6px 8px; margin: 8px 0; }
    .reveal { display: flex; gap: 8px; align-items: center; }
    .reveal input { font-family: monospace; font-size: 1.3em; letter-spacing: 0.15em; width: 10em; }
    .hint { font-size: 0.875em; color: var(--ls-muted); }
    legend { padding: 0 4px; }
  `];

  static override properties = {
    _mode: { state: true },
    _busy: { state: true },
    _refused: { state: true },
    _failed: { state: true },
    _done: { state: true },
    _revealed: { state: true },
  };

  t: Translate = (k) => k;
  target: SetCodeTarget = { lockName: '', slot: null, holder: null, role: null, expires: null };
  submit: (form: SetCodeForm) => Promise<SetCodeOutcome> = () => Promise.resolve({ kind: 'failed', message: 'not connected' });

  declare _mode: 'propose' | 'type';
  declare _busy: boolean;
  declare _refused: string[] | null;
  declare _failed: string | null;
  declare _done: Done | null;
  declare _revealed: boolean;

  constructor() {
    super();
    this._mode = 'propose';
    this._busy = false;
    this._refused = null;
    this._failed = null;
    this._done = null;
    this._revealed = false;
  }

  protected override firstUpdated(): void {
    openModal(this.renderRoot);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._forget();
  }

  /** Drops every trace of a PIN this element holds (the typed field, the proposed code). */
  private _forget(): void {
    const typed = this.renderRoot.querySelector<HTMLInputElement>('#code');
    if (typed) typed.value = '';
    const shown = this.renderRoot.querySelector<HTMLInputElement>('#new-code');
    if (shown) shown.value = '';
    if (this._done?.proposed) this._done = { ...this._done, proposed: '' };
    this._revealed = false;
  }

  private _close = (): void => {
    // While the code is being set the dialog stays: a proposed code must reach the admin once it is on the lock.
    if (this._busy) return;
    this._forget();
    this.dispatchEvent(new CustomEvent('closed'));
  };

  private async _onSubmit(ev: SubmitEvent): Promise<void> {
    ev.preventDefault();
    if (this._busy) return;
    const form = ev.target as HTMLFormElement;
    const data = new FormData(form);
    const input = this.renderRoot.querySelector<HTMLInputElement>('#code');
    // FormData left the PIN out (the field has no name); it is read once, here, for the one call.
    let typed: string | null = this._mode === 'type' ? input?.value ?? '' : null;
    this._busy = true;
    this._refused = null;
    this._failed = null;
    try {
      const outcome = await this.submit({
        slot: this.target.slot ?? Number(data.get('slot')),
        holder: String(data.get('holder') ?? ''),
        role: String(data.get('role') ?? ''),
        expires: String(data.get('expires') ?? ''),
        typed,
      });
      if (outcome.kind === 'refused') this._refused = outcome.reasons;
      else if (outcome.kind === 'failed') this._failed = outcome.message;
      else this._done = outcome;
    } catch {
      this._failed = this.t('codes.set_unknown_error');
    } finally {
      typed = null;
      if (input) input.value = '';
      this._busy = false;
    }
    if (this._done) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(this._done.proposed ? '#reveal' : '#done')?.focus();
    }
  }

  private _reveal(on: boolean): void {
    this._revealed = on;
  }

  private _revealKey(ev: KeyboardEvent, on: boolean): void {
    if (ev.key !== ' ' && ev.key !== 'Enter') return;
    ev.preventDefault();
    this._reveal(on);
  }

  protected override render() {
    const t = this.t;
    return modal({
      titleId: 'set-code-title',
      title: t('codes.set_title'),
      onClose: this._close,
      content: html`<p class="where">${this.target.lockName}${this.target.slot === null ? nothing : ` · ${t('codes.slot')} ${this.target.slot}`}</p>
        ${this._done ? this._renderDone(this._done) : this._renderForm()}`,
    });
  }

  private _renderForm() {
    const t = this.t;
    const tg = this.target;
    return html`<form @submit=${(e: SubmitEvent) => void this._onSubmit(e)}>
      <div class="fields">
        ${tg.slot === null ? field('slot', t('codes.slot'), html`<input id="slot" name="slot" type="number" min="1" max="254" required />`) : nothing}
        ${field('holder', t('codes.holder'), html`<input id="holder" name="holder" maxlength=${HOLDER_MAX_LENGTH} autocomplete="off" .value=${tg.holder ?? ''} />`)}
        ${field('role', t('codes.role'), html`<select id="role" name="role">
          ${CODE_ROLES.map((r) => html`<option value=${r} ?selected=${(tg.role ?? 'family') === r}>${t(`role.${r}`)}</option>`)}
        </select>`)}
        ${field('expires', t('codes.expires'), html`<input id="expires" name="expires" type="date" .value=${tg.expires?.slice(0, 10) ?? ''} />`)}
        <fieldset>
          <legend>${t('codes.set_code')}</legend>
          <label><input type="radio" name="mode" value="propose" .checked=${this._mode === 'propose'} @change=${() => { this._mode = 'propose'; }} />
            ${t('codes.set_propose')}</label>
          <label><input type="radio" name="mode" value="type" .checked=${this._mode === 'type'} @change=${() => { this._mode = 'type'; }} />
            ${t('codes.set_type')}</label>
        </fieldset>
        ${this._mode === 'type'
          ? field('code', t('codes.set_typed', { min: GATE_MIN_LENGTH, max: GATE_MAX_LENGTH }),
            html`<input id="code" type="password" autocomplete="off" inputmode="numeric" required minlength=${GATE_MIN_LENGTH} maxlength=${GATE_MAX_LENGTH}
              aria-describedby="code-hint" />`)
          : nothing}
      </div>
      <p id="code-hint" class="hint">${t(this._mode === 'type' ? 'codes.set_type_hint' : 'codes.set_propose_hint')}</p>
      ${this._refused ? html`<p class="error" role="alert">${t('codes.set_refused', { reasons: this._refused.join('; ') })}</p>` : nothing}
      ${this._failed ? html`<p class="error" role="alert">${t('codes.set_failed', { message: this._failed })}</p>` : nothing}
      <div class="actions">
        <button class="btn" type="button" ?disabled=${this._busy} @click=${this._close}>${t('action.cancel')}</button>
        <button class="btn primary" type="submit" ?disabled=${this._busy}>${t('codes.set_button')}</button>
      </div>
    </form>`;
  }

  private _renderDone(done: Done) {
    const t = this.t;
    return html`<p class="done" role="status">${t('codes.set_done', { service: done.service })}
        ${done.registryError === null ? t('codes.set_recorded', { holder: done.holder }) : nothing}</p>
      ${done.registryError === null ? nothing : html`<p class="error" role="alert">${t('codes.set_registry_failed', { message: done.registryError })}</p>`}
      ${done.proposed !== null
        ? html`<div class="fields">
            ${field('new-code', t('codes.set_new_code'), html`<div class="reveal">
              <input id="new-code" type=${this._revealed ? 'text' : 'password'} readonly autocomplete="off" .value=${done.proposed} aria-describedby="once" />
              <button id="reveal" class="btn" type="button" aria-pressed=${String(this._revealed)}
                @pointerdown=${() => this._reveal(true)} @pointerup=${() => this._reveal(false)} @pointerleave=${() => this._reveal(false)}
                @pointercancel=${() => this._reveal(false)} @blur=${() => this._reveal(false)}
                @keydown=${(e: KeyboardEvent) => this._revealKey(e, true)} @keyup=${(e: KeyboardEvent) => this._revealKey(e, false)}>${t('codes.set_reveal')}</button>
            </div>`)}
          </div>
          <p id="once" class="hint">${t('codes.set_once')}</p>`
        : nothing}
      <div class="actions"><button id="done" class="btn primary" type="button" @click=${this._close}>${t('codes.set_close')}</button></div>`;
  }
}

/** The dialog for a slot of a lock of the card, with the registry's record of it as the defaults. */
export function setCodeDialog(ctx: ViewContext, at: { lock: string; slot: number | null }, submit: SetCodeDialog['submit'], close: () => void) {
  const entry = at.slot === null ? undefined : ctx.shared.code_registry.find((e) => e.lock === at.lock && e.slot === at.slot);
  const target: SetCodeTarget = {
    lockName: ctx.locks.find((l) => l.entity_id === at.lock)?.name ?? at.lock, slot: at.slot,
    holder: entry?.name ?? null, role: entry?.role ?? null, expires: entry?.expires ?? null,
  };
  return html`<lock-sentinel-set-code .t=${ctx.t} .target=${target} .submit=${submit} @closed=${close}></lock-sentinel-set-code>`;
}

if (!customElements.get(SET_CODE_TAG)) customElements.define(SET_CODE_TAG, SetCodeDialog);

declare global {
  interface HTMLElementTagNameMap {
    'lock-sentinel-set-code': SetCodeDialog;
  }
}
