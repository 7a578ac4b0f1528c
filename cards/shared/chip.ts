// A filter or toggle chip: a real button whose pressed state screen readers hear.
import { css, html, nothing } from 'lit';
import { icon } from './icon.js';

export interface ChipOptions {
  label: string;
  pressed: boolean;
  onClick: () => void;
  iconPath?: string;
  disabled?: boolean;
  cls?: string;
}

export function chip(o: ChipOptions) {
  return html`<button type="button" class="chip ${o.cls ?? ''}" aria-pressed=${String(o.pressed)} ?disabled=${o.disabled ?? false}
    @click=${o.onClick}>${o.iconPath ? icon(o.iconPath) : nothing}<span>${o.label}</span></button>`;
}

/** A labelled group of chips (one filter). */
export function chipGroup(label: string, chips: unknown[]) {
  return html`<div class="chip-group" role="group" aria-label=${label}>${chips}</div>`;
}

/** Chip styles: views that use chips add them to their own styles (they load with those views). */
export const chipStyles = css`
  .chip-group { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
  button.chip {
    font: inherit; font-size: 0.875em; color: var(--ls-text); background: transparent; cursor: pointer;
    display: inline-flex; align-items: center; gap: 4px; min-height: 32px; padding: 0 12px;
    border: 1px solid var(--ls-divider); border-radius: 16px;
  }
  button.chip .icon { width: 18px; height: 18px; }
  button.chip[aria-pressed='true'] { background: color-mix(in srgb, var(--ls-accent) 18%, transparent); border-color: var(--ls-accent); }
  button.chip[disabled] { opacity: 0.5; cursor: default; }
`;
