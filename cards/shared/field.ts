// Labelled form fields in a two-column grid: one <label for> per control, HA's theme colours.
import { css, html } from 'lit';

/** A label and its control (the control carries the id). */
export const field = (id: string, label: string, control: unknown) =>
  html`<label class="field-label" for=${id}>${label}</label>${control}`;

export const fieldStyles = css`
  .fields { display: grid; grid-template-columns: max-content 1fr; gap: 8px 10px; align-items: center; margin: 8px 0; }
  .fields > fieldset, .fields > .wide { grid-column: 1 / -1; }
  input, select {
    font: inherit; color: var(--ls-text); background: var(--ls-bg); border: 1px solid var(--ls-divider);
    border-radius: 6px; padding: 4px 6px; min-height: 32px; box-sizing: border-box; min-width: 0;
  }
  input:focus-visible, select:focus-visible, button:focus-visible { outline: 2px solid var(--ls-accent); outline-offset: 2px; }
  fieldset { border: 1px solid var(--ls-divider); border-radius: 6px; display: flex; flex-direction: column; gap: 6px; margin: 0; padding: 6px 10px; }
  fieldset label { display: flex; gap: 6px; align-items: center; min-height: 32px; }
  @media (max-width: 480px) { .fields { grid-template-columns: 1fr; } }
`;
