// Styles of the shared atoms, from HA's theme variables (with HA's defaults as fallbacks).
import { css } from 'lit';

export const atomStyles = css`
  .icon { width: 24px; height: 24px; fill: currentColor; flex: none; }
  .gauge { position: relative; flex: none; width: 96px; height: 96px; }
  .gauge-small { width: 56px; height: 56px; }
  .gauge svg { width: 100%; height: 100%; display: block; }
  .gauge circle { fill: none; stroke-width: 9; }
  .gauge-small circle { stroke-width: 11; }
  .gauge-track { stroke: var(--ls-track); }
  .gauge-arc { stroke: var(--ls-grade-color); stroke-linecap: round; }
  .gauge-text { position: absolute; inset: 0; display: flex; flex-direction: column; align-items: center; justify-content: center; line-height: 1; }
  .gauge-grade { font-size: 2em; font-weight: 600; }
  .gauge-total { font-size: 0.8em; color: var(--ls-muted); margin-top: 2px; }
  .gauge-small .gauge-grade { font-size: 1.4em; }
  .gauge-small .gauge-total { display: none; }
  .grade-A, .grade-B { --ls-grade-color: var(--ls-success); }
  .grade-C { --ls-grade-color: var(--ls-warning); }
  .grade-D, .grade-F { --ls-grade-color: var(--ls-error); }
  .bar { display: grid; grid-template-columns: minmax(5.5em, auto) 1fr 2em; gap: 8px; align-items: center; min-height: 24px; }
  .bar-label { font-size: 0.9em; }
  .bar-track { height: 8px; border-radius: 4px; background: var(--ls-track); overflow: hidden; }
  .bar-fill { height: 100%; border-radius: 4px; background: var(--ls-error); }
  .bar-fill.fair { background: var(--ls-warning); }
  .bar-fill.good { background: var(--ls-success); }
  .bar-num { text-align: right; font-variant-numeric: tabular-nums; font-size: 0.9em; }
  .bar-none { grid-column: 2 / 4; color: var(--ls-muted); font-size: 0.85em; }
`;

export const tileStyles = css`
  button.tile {
    font: inherit; color: var(--ls-text); text-align: left; cursor: pointer; width: 100%;
    display: flex; align-items: center; gap: 12px; padding: 10px 12px; min-height: 56px; box-sizing: border-box;
    background: var(--ls-bg); border: 1px solid var(--ls-divider); border-radius: var(--ls-radius);
  }
  button.tile:hover { background: color-mix(in srgb, var(--ls-tile-color) 6%, var(--ls-bg)); }
  .tile-icon {
    flex: none; width: 40px; height: 40px; border-radius: 50%; display: flex; align-items: center; justify-content: center;
    color: var(--ls-tile-color); background: color-mix(in srgb, var(--ls-tile-color) 20%, transparent);
  }
  .tile-info { display: flex; flex-direction: column; min-width: 0; flex: 1; }
  .tile-primary { font-weight: 500; font-size: 1em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .tile-secondary { color: var(--ls-muted); font-size: 0.875em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .tile-badges { display: flex; gap: 8px; align-items: center; flex: none; }
  .badge { display: inline-flex; align-items: center; gap: 2px; font-size: 0.875em; color: var(--ls-text); }
  .badge .icon { width: 20px; height: 20px; color: var(--ls-muted); }
  .badge.low .icon, .badge.update .icon { color: var(--ls-warning); }
  .badge.empty .icon { color: var(--ls-error); }
`;
