// A modal dialog atom: the native <dialog> (focus kept inside, Escape closes, the page behind inert), titled for
// screen readers. Escape reaches `onClose` like any other way out: the owner removes the dialog from the DOM.
import { css, html } from 'lit';

export interface ModalOptions {
  /** Id of the heading (the dialog's accessible name). */
  titleId: string;
  title: string;
  onClose: () => void;
  content: unknown;
}

export function modal(o: ModalOptions) {
  const cancel = (e: Event) => {
    e.preventDefault();
    o.onClose();
  };
  return html`<dialog aria-labelledby=${o.titleId} @cancel=${cancel}>
    <h2 id=${o.titleId}>${o.title}</h2>
    ${o.content}
  </dialog>`;
}

/** Opens a rendered modal (showModal moves focus into it). */
export function openModal(root: ParentNode): void {
  const dialog = root.querySelector('dialog');
  if (dialog && !dialog.open) dialog.showModal();
}

export const dialogStyles = css`
  dialog {
    background: var(--ls-bg); color: var(--ls-text); border: 1px solid var(--ls-divider); border-radius: var(--ls-radius);
    width: min(90vw, 420px); box-sizing: border-box; padding: 16px 20px;
  }
  dialog::backdrop { background: rgba(0, 0, 0, 0.4); }
  dialog h2 { font-size: 1.15em; font-weight: 500; margin: 0 0 4px; }
`;
