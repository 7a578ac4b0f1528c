import { css } from 'lit';
import { atomStyles, tileStyles } from '../shared/styles.js';

// The card's variables, from HA's theme variables (light and dark come from the theme; card-mod may set --ls-*).
const cardStyles = css`
  :host {
    --ls-text: var(--primary-text-color, #212121);
    --ls-muted: var(--secondary-text-color, #727272);
    --ls-accent: var(--primary-color, #03a9f4);
    --ls-bg: var(--ha-card-background, var(--card-background-color, #fff));
    --ls-divider: var(--divider-color, rgba(0, 0, 0, 0.12));
    --ls-track: color-mix(in srgb, var(--ls-text) 12%, transparent);
    --ls-error: var(--error-color, #db4437);
    --ls-warning: var(--warning-color, #ffa600);
    --ls-success: var(--success-color, #43a047);
    --ls-info: var(--info-color, #039be5);
    --ls-radius: var(--ha-card-border-radius, 12px);
    display: block;
    color: var(--ls-text);
  }
  /* HA's own lock state colours (the tile card's), with HA's defaults. */
  .state-locked { --ls-tile-color: var(--state-lock-locked-color, var(--green-color, #4caf50)); }
  .state-unlocked { --ls-tile-color: var(--state-lock-unlocked-color, var(--red-color, #f44336)); }
  .state-open { --ls-tile-color: var(--state-lock-open-color, var(--red-color, #f44336)); }
  .state-pending { --ls-tile-color: var(--state-lock-pending-color, var(--orange-color, #ff9800)); }
  .state-jammed { --ls-tile-color: var(--state-lock-jammed-color, var(--red-color, #f44336)); }
  .state-unavailable { --ls-tile-color: var(--state-unavailable-color, var(--disabled-color, #bdbdbd)); }
  ha-card {
    display: block; background: var(--ls-bg); color: var(--ls-text); border-radius: var(--ls-radius);
    padding: 12px 16px 16px; box-sizing: border-box; overflow: hidden;
  }
  h2 { font-size: 1.25em; margin: 0 0 4px; font-weight: 500; }
  ul, ol { list-style: none; margin: 0; padding: 0; }
  p { margin: 4px 0; }
  .muted { color: var(--ls-muted); }
  .empty { color: var(--ls-muted); font-style: italic; }
  [role='tablist'] { display: flex; gap: 2px; border-bottom: 1px solid var(--ls-divider); margin-bottom: 12px; overflow-x: auto; }
  [role='tab'] {
    font: inherit; font-weight: 500; color: var(--ls-muted); background: none; border: 0; border-bottom: 2px solid transparent;
    padding: 8px 10px; cursor: pointer; white-space: nowrap; min-height: 44px; display: inline-flex; align-items: center; gap: 6px;
  }
  [role='tab'][aria-selected='true'] { color: var(--ls-text); border-bottom-color: var(--ls-accent); }
  .count {
    border-radius: 10px; padding: 0 6px; font-size: 0.8em; font-weight: 500; min-width: 1.2em; text-align: center;
    color: var(--ls-text); background: color-mix(in srgb, var(--ls-error) 22%, transparent);
  }
  button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible, a:focus-visible {
    outline: 2px solid var(--ls-accent); outline-offset: 2px;
  }
  /* Is anything wrong right now? */
  .status {
    font: inherit; color: var(--ls-text); text-align: left; width: 100%; box-sizing: border-box;
    display: flex; align-items: center; gap: 12px; padding: 10px 12px; margin: 4px 0 12px; border-radius: var(--ls-radius);
    border: 0; --ls-tone: var(--ls-success); background: color-mix(in srgb, var(--ls-tone) 14%, transparent);
  }
  button.status { cursor: pointer; }
  .status .icon { color: var(--ls-tone); }
  .status.warning { --ls-tone: var(--ls-warning); }
  .status.critical { --ls-tone: var(--ls-error); }
  .status-text { display: flex; flex-direction: column; min-width: 0; }
  .status-text span { font-size: 0.875em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .summary { display: flex; gap: 20px; align-items: center; margin-bottom: 12px; }
  .pillars { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 6px; }
  .locks { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr)); gap: 8px; }
  .notice { background: color-mix(in srgb, var(--ls-warning) 15%, transparent); border-radius: 6px; padding: 6px 8px; margin: 4px 0; }
  .error { color: var(--ls-text); background: color-mix(in srgb, var(--ls-error) 15%, transparent); border-radius: 6px; padding: 6px 8px; }
  .compact { display: flex; align-items: center; gap: 12px; }
  .compact .stats { display: flex; flex-direction: column; flex: 1; min-width: 0; }
  .compact .name { font-weight: 500; }
  .compact .status { margin: 4px 0 0; padding: 6px 8px; }
  @media (max-width: 480px) {
    ha-card { padding: 8px 10px 12px; }
    .summary { gap: 12px; }
    [role='tab'] { padding: 8px 6px; }
  }
`;

// Buttons and the text styles of the other views come with the views that show them (shared/button.ts,
// views/text-styles.ts): the overview and the compact card use none of them.
export const styles = [atomStyles, tileStyles, cardStyles];
