// The card's side of "Set a new code": which slot the dialog is open for, loading the dialog and its logic on first
// use (admins only; not in the startup bundle), and giving focus back to the button that opened it.
import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { HomeAssistant } from './data/hass.js';
import { loadEnglishRest } from './i18n.js';
import type { AuditSession } from './data/session.js';
import type { SetCodeForm, SetCodeOutcome } from './set-code.js';
import type { ViewContext } from './views/context.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

interface Loaded {
  dialog: typeof import('./set-code-dialog.js');
  logic: typeof import('./set-code.js');
}
let loaded: Promise<Loaded> | null = null;
let mods: Loaded | null = null;
/** The dialog element and the logic behind it, once per page. */
const load = () => (loaded ??= Promise.all([import('./set-code-dialog.js'), import('./set-code.js'), loadEnglishRest()]).then(([dialog, logic]) => (mods = { dialog, logic }), (err: unknown) => {
  loaded = null; // a chunk that failed to load (a dropped connection) is asked for again on the next click
  throw err;
}));

export class SetCodeHost implements ReactiveController {
  /** The slot the dialog is open for (slot null: the admin picks it). */
  target: { lock: string; slot: number | null } | null = null;
  private opener: HTMLElement | null = null;

  constructor(
    private readonly host: Host,
    private readonly hass: () => HomeAssistant | undefined,
    private readonly session: () => AuditSession | undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.target = null;
  }

  open(lock: string, slot: number | null): void {
    if (!this.session()?.isAdmin) return;
    const root = this.host.renderRoot as ShadowRoot;
    this.opener = root.activeElement instanceof HTMLElement ? root.activeElement : null;
    load().then(() => {
      this.target = { lock, slot };
      this.host.requestUpdate();
    }, () => undefined);
  }

  private close = (): void => {
    this.target = null;
    this.host.requestUpdate();
    const opener = this.opener;
    this.opener = null;
    void this.host.updateComplete.then(() => opener?.isConnected && opener.focus());
  };

  private async submit(lock: string, form: SetCodeForm): Promise<SetCodeOutcome> {
    const [{ logic }, hass, session] = [await load(), this.hass(), this.session()];
    if (!hass || !session) return { kind: 'failed', message: 'not connected to Home Assistant' };
    try {
      return await logic.setCodeFromCard(hass, session, lock, form);
    } finally {
      this.host.requestUpdate();
    }
  }

  render(ctx: ViewContext) {
    const target = this.target;
    if (!target || !ctx.admin || !mods) return nothing;
    return mods.dialog.setCodeDialog(ctx, target, (form) => this.submit(target.lock, form), this.close);
  }
}
