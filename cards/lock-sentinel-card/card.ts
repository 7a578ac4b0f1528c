// <lock-sentinel-card>: the Lit element. Data and security logic live in session.ts and the engine (src/).
import { html, LitElement, nothing, type CSSResult, type PropertyValues } from 'lit';
import type { AuditWords } from '../../src/auditor.js';
import type { InstallResult } from '../../src/generate/installer.js';
import { validateConfig, type LockSentinelConfig } from './config.js';
import { CARD_NAME, CARD_TAG, DOCS_URL, VIEWS, type View } from './const.js';
import { displayTimeZone, formatter, type Formatter } from './format.js';
import { errorMessage, type HomeAssistant } from './data/hass.js';
import { baseLanguage, english, loadEnglishRest, loadTable, translator, type Translate } from './i18n.js';
import { AuditSession } from './data/session.js';
import type { SetCodeHost } from './set-code-host.js';
import './strategy-element.js';
import { styles } from './styles.js';
import type { TimelineFilter } from './timeline.js';
import { gauge } from '../shared/gauge.js';
import { openAlertCount } from './views/alert-groups.js';
import type { Kept, ViewContext } from './views/context.js';
import { overviewView, statusBanner } from './views/overview.js';

type Renderer = (ctx: ViewContext) => unknown;
interface ViewModule {
  render: Renderer;
  styles?: CSSResult | CSSResult[];
  /** The report's words, for a view that shows them (fixes, checks' evidence): the session's audit has them from then on. */
  words?: AuditWords;
  /** What the view shows over any view while it asks something (the codes view's "Delete this code?"). */
  confirm?: Renderer;
}

/** The overview comes with the card; the other views (and their styles) load on first use. */
const modules: Partial<Record<View, ViewModule>> = { overview: { render: overviewView } };
const loaders: Record<Exclude<View, 'overview'>, () => Promise<ViewModule>> = {
  alerts: () => Promise.all([import('./views/alerts.js'), import('../../src/words.js')])
    .then(([m, w]) => ({ render: m.alertsView, styles: m.styles, words: w.WORDS })),
  codes: () => import('./views/codes.js').then((m) => ({ render: m.codesView, styles: m.styles, confirm: m.confirmDialog })),
  timeline: () => import('./views/timeline.js').then((m) => ({ render: m.timelineView, styles: m.styles })),
  scorecard: () => Promise.all([import('./views/scorecard.js'), import('../../src/words.js')])
    .then(([m, w]) => ({ render: m.scorecardView, styles: m.styles, words: w.WORDS })),
};
const loading = new Map<View, Promise<void>>();

function loadView(view: View): Promise<void> {
  if (modules[view]) return Promise.resolve();
  let p = loading.get(view);
  if (!p) {
    p = Promise.all([loaders[view as keyof typeof loaders](), loadEnglishRest()]).then(([m]) => { modules[view] = m; });
    loading.set(view, p);
  }
  return p;
}

/** The administrator's side of the audit (alerts installed, a code cleared): loaded on an admin's first use. */
const adminSide = () => import('./data/admin-session.js');

/** The language table of the last card that loaded one (labels of the visual editor). */
let editorT: Translate = english;

export class LockSentinelCard extends LitElement {
  static override styles = styles;
  static override properties = {
    _view: { state: true },
    _filter: { state: true },
    _kept: { state: true },
    _busy: { state: true },
    _actionError: { state: true },
    _installed: { state: true },
  };

  declare _view: View;
  declare _filter: TimelineFilter;
  declare _kept: Kept;
  declare _busy: boolean;
  declare _actionError: string | null;
  declare _installed: InstallResult | null;

  private _config?: LockSentinelConfig;
  private _hass?: HomeAssistant;
  private _session?: AuditSession;
  private _t: Translate = english;
  private _lang = '';
  private _fmt: Formatter = formatter('en', undefined);
  private _stale = false;
  /** "Set a new code": its dialog, logic and controller load on an admin's first click. */
  private _setCode: SetCodeHost | null = null;

  constructor() {
    super();
    this._view = 'overview';
    this._filter = { days: 7, lock: null, person: null };
    this._kept = { editing: null, confirm: null, notify: new Set() };
    this._busy = false;
    this._actionError = null;
    this._installed = null;
  }

  // ---- the card contract -------------------------------------------------------------------------

  setConfig(config: unknown): void {
    const next = validateConfig(config);
    const restart = this._session && JSON.stringify(next.entities) + next.history_days !== JSON.stringify(this._config?.entities) + this._config?.history_days;
    this._config = next;
    this._view = next.view;
    this._filter = { days: Math.min(this._filter.days, next.history_days), lock: null, person: null };
    if (restart) {
      this._session!.stop();
      this._session = undefined;
    }
    this._startSession();
    this._stale = true;
    this.requestUpdate();
  }

  set hass(hass: HomeAssistant) {
    const old = this._hass;
    this._hass = hass;
    const language = hass.locale?.language ?? hass.language ?? 'en';
    if (language !== this._lang) void this._loadLanguage(language);
    if (!old) {
      this._startSession();
      this._stale = true;
      this.requestUpdate();
    } else if (this._relevantChange(old, hass)) {
      if (old.states !== hass.states) this._session?.recordStateChanges(old.states, hass.states);
      this._stale = true;
      this.requestUpdate();
    }
  }

  get hass(): HomeAssistant | undefined {
    return this._hass;
  }

  getCardSize(): number {
    return this._config?.mode === 'compact' ? 2 : 10;
  }

  getGridOptions() {
    return this._config?.mode === 'compact'
      ? { columns: 6, rows: 2, min_columns: 3, min_rows: 2 }
      : { columns: 12, rows: 'auto', min_columns: 6, min_rows: 4 };
  }

  static getStubConfig(hass: HomeAssistant) {
    const locks = Object.keys(hass.states).filter((id) => id.startsWith('lock.')).sort();
    return { type: `custom:${CARD_TAG}`, ...(locks.length ? { entities: locks } : {}) };
  }

  /** HA awaits it: the editor's English labels load only when someone opens the editor. */
  static async getConfigForm() {
    const [{ formSchema }] = await Promise.all([import('./editor-form.js'), loadEnglishRest()]);
    return {
      schema: formSchema((key) => editorT(`config.${key}`)),
      computeLabel: (field: { name: string }) => editorT(`config.${field.name}`),
      assertConfig: (config: unknown) => void validateConfig(config),
    };
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (this._hass) this._startSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._session?.stop();
  }

  private _startSession(): void {
    if (!this._hass || !this._config || !this.isConnected) return;
    this._session ??= new AuditSession(() => this._hass!, () => this._config!, () => this.requestUpdate());
    this._session.start().catch((err: unknown) => {
      this._actionError = errorMessage(err);
    });
  }

  private async _loadLanguage(language: string): Promise<void> {
    this._lang = language;
    const table = await loadTable(language);
    if (this._lang !== language) return;
    this._t = translator(table);
    editorT = this._t;
    this.requestUpdate();
  }

  /** Only the card's own entities, registries, user, locale and theme matter: anything else renders nothing. */
  private _relevantChange(old: HomeAssistant, hass: HomeAssistant): boolean {
    if (old.locale !== hass.locale || old.language !== hass.language || old.themes !== hass.themes || old.user !== hass.user) return true;
    if (old.entities !== hass.entities || old.devices !== hass.devices || old.config !== hass.config) return true;
    // A lock HA knows but had no state for (HA still starting) arriving: the card loads what it could not before.
    for (const id of this._session?.awaiting ?? []) if (old.states[id] !== hass.states[id]) return true;
    for (const id of this._session?.watched ?? []) {
      const [before, after] = [old.states[id], hass.states[id]];
      if (before === after) continue;
      // People and the home zone matter only by where they are, not by every GPS fix of a phone.
      if ((id.startsWith('person.') || id === 'zone.home') && before?.state === after?.state) continue;
      return true;
    }
    return false;
  }

  protected override willUpdate(_changed: PropertyValues): void {
    if (!this._hass) return;
    this._fmt = formatter(this._hass.locale?.language ?? baseLanguage(this._lang), displayTimeZone(this._hass));
    const words = modules[this._view]?.words;
    if (words && this._session) this._session.useWords(words);
    if (this._stale && this._session) {
      this._stale = false;
      this._session.refresh();
    }
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  // ---- actions ---------------------------------------------------------------------------------

  private async _run(action: () => Promise<void>): Promise<void> {
    this._busy = true;
    this._actionError = null;
    try {
      await action();
    } catch (err) {
      this._actionError = errorMessage(err);
    } finally {
      this._busy = false;
    }
  }

  private _context(): ViewContext | null {
    const s = this._session;
    if (!s?.report || !this._config || !this._hass) return null;
    return {
      t: this._t, fmt: this._fmt, report: s.report, thresholds: s.thresholds, locks: s.locks, timeline: s.timeline, shared: s.shared,
      admin: s.isAdmin, usercodeLocks: s.usercodeLocks, inUse: s.inUse, verdicts: s.verdicts, strengths: s.strengths, filter: this._filter,
      historyDays: this._config.history_days, lowBattery: this._config.low_battery, kept: this._kept, busy: this._busy, now: Date.now(),
      canInstall: s.isAdmin && typeof this._hass.callApi === 'function', installed: this._installed,
      notifyServices: Object.keys(this._hass.services?.notify ?? {}), storagePerUser: s.storageMode === 'user',
      auditor: s.auditorInstance, userName: this._hass.user?.name ?? null,
      on: {
        update: (make, done) => void this._run(async () => {
          await s.updateShared(make());
          done?.();
        }),
        moreInfo: (entityId) => this.dispatchEvent(new CustomEvent('hass-more-info', { detail: { entityId }, bubbles: true, composed: true })),
        show: (view) => { if (this._config?.views.includes(view)) this._view = view; },
        keep: (change) => { this._kept = { ...this._kept, ...change }; },
        clearCode: (lock, slot) => void this._run(async () => (await adminSide()).clearCode(s, lock, slot)),
        setCode: (lock, slot) => this._openSetCode(lock, slot),
        filter: (change) => { this._filter = { ...this._filter, ...change }; },
        installAlerts: (notify) => void this._run(async () => {
          this._installed = null;
          this._installed = await (await adminSide()).installAlerts(s, notify);
        }),
      },
    };
  }

  private _openSetCode(lock: string, slot: number | null): void {
    if (!this._session?.isAdmin) return;
    // The button that opened it gets the focus back: taken now, before anything loads.
    const active = (this.renderRoot as ShadowRoot).activeElement;
    const opener = active instanceof HTMLElement ? active : null;
    Promise.all([import('./set-code-host.js'), loadEnglishRest()]).then(([{ SetCodeHost }]) => {
      this._setCode ??= new SetCodeHost(this, () => this._hass, () => this._session);
      this._setCode.open(lock, slot, opener);
    }, () => undefined); // a chunk that failed to load (a dropped connection) is asked for again on the next click
  }

  private _onTabKey(ev: KeyboardEvent): void {
    const views = this._config?.views ?? [...VIEWS];
    const i = views.indexOf(this._view);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: views.length - 1 }[ev.key];
    if (next === undefined) return;
    ev.preventDefault();
    this._view = views[(next + views.length) % views.length]!;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus());
  }

  // ---- rendering -------------------------------------------------------------------------------

  protected override render() {
    if (!this._config) return nothing;
    const t = this._t;
    const ctx = this._context();
    const s = this._session;
    const dark = this._hass?.themes?.darkMode === true;
    if (!ctx || !s) {
      return html`<ha-card class=${dark ? 'dark' : ''}><p class=${s?.error ? 'error' : 'muted loading'} role="status">${s?.error ?? t('loading')}</p></ha-card>`;
    }
    if (this._config.mode === 'compact') return this._renderCompact(ctx, dark);
    const title = this._config.title ?? t('card.title');
    const views = this._config.views;
    const open = openAlertCount(ctx);
    return html`<ha-card class=${dark ? 'dark' : ''}>
      <h2>${title}</h2>
      ${this._renderNotices(ctx)}
      ${views.length > 1
        ? html`<div role="tablist" aria-label=${title} @keydown=${this._onTabKey}>
            ${views.map((v) => html`<button role="tab" id=${`tab-${v}`} aria-controls="panel" aria-selected=${String(v === this._view)}
                tabindex=${v === this._view ? 0 : -1} @click=${() => { this._view = v; }}>
                ${t(`view.${v}`)}${v === 'alerts' && open ? html`<span class="count" aria-label=${t('alerts.open', { count: open })}>${open}</span>` : nothing}
              </button>`)}
          </div>
          <div id="panel" class="panel" role="tabpanel" aria-labelledby=${`tab-${this._view}`}>${this._renderView(ctx)}</div>`
        : html`<div id="panel" class="panel" role="region" aria-label=${t(`view.${this._view}`)}>${this._renderView(ctx)}</div>`}
      ${modules.codes?.confirm?.(ctx) ?? nothing}
      ${this._setCode?.render(ctx) ?? nothing}
    </ha-card>`;
  }

  private _renderView(ctx: ViewContext) {
    const mod = modules[this._view];
    if (mod) {
      const root = this.renderRoot as ShadowRoot;
      const sheets = [mod.styles ?? []].flat().map((s) => s.styleSheet).filter((s) => s && !root.adoptedStyleSheets.includes(s)) as CSSStyleSheet[];
      if (sheets.length) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
      return mod.render(ctx);
    }
    void loadView(this._view).then(() => this.requestUpdate());
    return html`<p class="muted loading-view" role="status">${ctx.t('loading')}</p>`;
  }

  private _renderNotices(ctx: ViewContext) {
    const s = this._session!;
    return html`
      ${s.status === 'loading' ? html`<p class="muted loading" role="status">${ctx.t('loading_history')}</p>` : nothing}
      ${s.error ? html`<p class="error" role="alert">${s.error}</p>` : nothing}
      ${this._actionError ? html`<p class="error" role="alert">${this._actionError}</p>` : nothing}
      ${s.missing.length ? html`<p class="notice">${ctx.t('notice.missing', { entities: s.missing.join(', ') })}</p>` : nothing}
      ${[...s.notices].map((n) => html`<p class="notice">${ctx.t(`notice.${n}`)}</p>`)}
    `;
  }

  private _renderCompact(ctx: ViewContext, dark: boolean) {
    const { score } = ctx.report;
    return html`<ha-card class="compact ${dark ? 'dark' : ''}">
      ${gauge(score.total, score.grade, ctx.t('score.label', { grade: score.grade, total: score.total }), 'small')}
      <div class="stats">
        <span class="name">${this._config?.title ?? ctx.t('card.title')}</span>
        ${statusBanner(ctx)}
      </div>
    </ha-card>`;
  }
}

/** package.json's version, injected by the build (rollup.config.mjs); tests that run the source see 'dev'. */
declare const __CARD_VERSION__: string;
const CARD_VERSION = typeof __CARD_VERSION__ === 'string' ? __CARD_VERSION__ : 'dev';

if (!customElements.get(CARD_TAG)) {
  customElements.define(CARD_TAG, LockSentinelCard);
  // Once per page, as HA cards do: which build the browser runs (after an upgrade, a reload shows the new one).
  console.info(`LOCK-SENTINEL-CARD v${CARD_VERSION}`);
}

interface CustomCardEntry {
  type: string;
  name: string;
  description: string;
  preview: boolean;
  documentationURL: string;
  getEntitySuggestion?: (hass: HomeAssistant, entityId: string) => { config: Record<string, unknown> } | null;
}

declare global {
  interface Window {
    customCards?: CustomCardEntry[];
  }
  interface HTMLElementTagNameMap {
    'lock-sentinel-card': LockSentinelCard;
  }
}

window.customCards ??= [];
if (!window.customCards.some((c) => c.type === CARD_TAG)) {
  window.customCards.push({
    type: CARD_TAG,
    name: CARD_NAME,
    description: english('card.description'),
    preview: true,
    documentationURL: DOCS_URL,
    getEntitySuggestion: (hass, entityId) =>
      entityId.startsWith('lock.') && hass.states[entityId] ? { config: { type: `custom:${CARD_TAG}`, entities: [entityId] } } : null,
  });
}
