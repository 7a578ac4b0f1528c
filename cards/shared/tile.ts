// A row like HA's tile card: a coloured state icon, a name, one line of what is known, badges on the right.
// The whole row is one button (it opens HA's more-info dialog).
import { html, nothing, type TemplateResult } from 'lit';
import { icon } from './icon.js';

export interface TileOptions {
  iconPath: string;
  /** CSS class that sets --ls-tile-color (e.g. state-locked). */
  tone: string;
  primary: string;
  secondary: unknown;
  badges?: TemplateResult[];
  onClick: () => void;
  entity: string;
}

export function tile(o: TileOptions) {
  return html`<button type="button" class="tile ${o.tone}" data-entity=${o.entity} @click=${o.onClick}>
    <span class="tile-icon">${icon(o.iconPath)}</span>
    <span class="tile-info">
      <span class="tile-primary">${o.primary}</span>
      <span class="tile-secondary">${o.secondary}</span>
    </span>
    ${o.badges?.length ? html`<span class="tile-badges">${o.badges}</span>` : nothing}
  </button>`;
}

/** A small icon-and-text badge for a tile. */
export const badge = (path: string, text: string, cls = '') => html`<span class="badge ${cls}">${icon(path)}<span>${text}</span></span>`;
