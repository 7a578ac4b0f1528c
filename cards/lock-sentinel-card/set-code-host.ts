// The card's side of "Set a new code": which slot the dialog is open for, the dialog and its logic, and giving focus
// back to the button that opened it. Loaded with them (and the rest of English) on an admin's first click (card.ts),
// not in the startup bundle.
import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { HomeAssistant } from './data/hass.js';
import type { AuditSession } from './data/session.js';
import { setCodeDialog } from './set-code-dialog.js';
import { setCodeFromCard, type SetCodeForm, type SetCodeOutcome } from './set-code.js';
import type { ViewContext } from './views/context.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

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

  /** Opens the dialog for the slot; `opener` gets the focus back when it closes. */
  open(lock: string, slot: number | null, opener: HTMLElement | null): void {
    if (!this.session()?.isAdmin) return;
    this.opener = opener;
    this.target = { lock, slot };
    this.host.requestUpdate();
  }

  private close = (): void => {
    this.target = null;
    this.host.requestUpdate();
    const opener = this.opener;
    this.opener = null;
    void this.host.updateComplete.then(() => opener?.isConnected && opener.focus());
  };

  private async submit(lock: string, form: SetCodeForm): Promise<SetCodeOutcome> {
    const [hass, session] = [this.hass(), this.session()];
    if (!hass || !session) return { kind: 'failed', message: 'not connected to Home Assistant' };
    try {
      return await setCodeFromCard(hass, session, lock, form);
    } finally {
      this.host.requestUpdate();
    }
  }

  render(ctx: ViewContext) {
    const target = this.target;
    if (!target || !ctx.admin) return nothing;
    return setCodeDialog(ctx, target, (form) => this.submit(target.lock, form), this.close);
  }
}
