// Buttons as the card draws them (pill outline; primary tinted with the accent; danger outlined in the error colour).
// Shared by the card's views that show buttons (in their own styles: they load with them, the overview has none) and
// elements with a shadow root of their own (the set-code dialog).
import { css } from 'lit';

export const buttonStyles = css`
  .btn {
    font: inherit; font-size: 0.875em; font-weight: 500; color: var(--ls-text); background: transparent;
    border: 1px solid var(--ls-divider); border-radius: 18px; padding: 0 14px; cursor: pointer; min-height: 36px;
  }
  .btn.primary { background: color-mix(in srgb, var(--ls-accent) 22%, transparent); border-color: var(--ls-accent); }
  .btn.danger { border-color: var(--ls-error); }
  .btn[disabled] { opacity: 0.5; cursor: default; }
  .actions { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; margin: 8px 0; }
`;
