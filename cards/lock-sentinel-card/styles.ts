import { css } from 'lit';

// Namespaced variables that fall back to HA's theme variables (light and dark come from the theme).
export const styles = css`
  :host {
    --ls-text: var(--lock-sentinel-text-color, var(--primary-text-color, #212121));
    --ls-muted: var(--lock-sentinel-secondary-text-color, var(--secondary-text-color, #616161));
    --ls-accent: var(--lock-sentinel-accent-color, var(--primary-color, #03a9f4));
    --ls-bg: var(--lock-sentinel-background, var(--ha-card-background, var(--card-background-color, #fff)));
    --ls-divider: var(--lock-sentinel-divider-color, var(--divider-color, rgba(0, 0, 0, 0.12)));
    --ls-error: var(--lock-sentinel-error-color, var(--error-color, #db4437));
    --ls-warning: var(--lock-sentinel-warning-color, var(--warning-color, #ffa600));
    --ls-success: var(--lock-sentinel-success-color, var(--success-color, #43a047));
    --ls-radius: var(--ha-card-border-radius, 12px);
    display: block;
    color: var(--ls-text);
  }
  ha-card {
    display: block;
    background: var(--ls-bg);
    color: var(--ls-text);
    border-radius: var(--ls-radius);
    padding: 12px 16px 16px;
    box-sizing: border-box;
    overflow: hidden;
  }
  h2 { font-size: 1.2em; margin: 0 0 8px; font-weight: 500; }
  h3 { font-size: 1em; margin: 12px 0 6px; font-weight: 500; display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; }
  ul, ol { list-style: none; margin: 0; padding: 0; }
  p { margin: 4px 0; }
  .muted { color: var(--ls-muted); }
  .empty { color: var(--ls-muted); font-style: italic; }
  .label { color: var(--ls-muted); }
  .num { margin-left: auto; font-variant-numeric: tabular-nums; }
  [role='tablist'] { display: flex; gap: 2px; border-bottom: 1px solid var(--ls-divider); margin-bottom: 12px; overflow-x: auto; }
  [role='tab'] {
    font: inherit; color: var(--ls-muted); background: none; border: 0; border-bottom: 2px solid transparent;
    padding: 8px 10px; cursor: pointer; white-space: nowrap; min-height: 40px;
  }
  [role='tab'][aria-selected='true'] { color: var(--ls-accent); border-bottom-color: var(--ls-accent); }
  [role='tab'] .count { background: var(--ls-error); color: #fff; border-radius: 10px; padding: 0 6px; margin-left: 4px; font-size: 0.8em; }
  button:focus-visible, select:focus-visible, input:focus-visible, [role='tab']:focus-visible, a:focus-visible {
    outline: 2px solid var(--ls-accent); outline-offset: 2px;
  }
  .btn {
    font: inherit; color: var(--ls-accent); background: transparent; border: 1px solid var(--ls-divider);
    border-radius: 8px; padding: 6px 12px; cursor: pointer; min-height: 36px;
  }
  .btn.primary { background: var(--ls-accent); color: var(--text-primary-color, #fff); border-color: var(--ls-accent); }
  .btn.danger { color: var(--ls-error); }
  .btn[disabled] { opacity: 0.5; cursor: default; }
  .actions { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; margin: 8px 0; }
  .chip { display: inline-block; border-radius: 10px; padding: 1px 8px; font-size: 0.85em; border: 1px solid var(--ls-divider); }
  .state-locked { color: var(--ls-success); border-color: var(--ls-success); }
  .state-unlocked, .state-open { color: var(--ls-warning); border-color: var(--ls-warning); }
  .state-jammed, .state-unavailable { color: var(--ls-error); border-color: var(--ls-error); }
  .summary { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
  .score { display: flex; align-items: baseline; gap: 8px; }
  .grade { font-size: 2.4em; font-weight: 600; line-height: 1; }
  .grade-A, .grade-B { color: var(--ls-success); }
  .grade-C { color: var(--ls-warning); }
  .grade-D, .grade-F { color: var(--ls-error); }
  .total { font-size: 1.3em; }
  .pillars { flex: 1; min-width: 200px; }
  .pillars li { display: grid; grid-template-columns: 7em 1fr 3em; gap: 8px; align-items: center; }
  meter { width: 100%; }
  .lock, .alert, .slot, .check, .lock-codes { border-top: 1px solid var(--ls-divider); padding: 8px 0; }
  .lock-head, .alert-head, .slot-head, .check-head { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  .name { font-weight: 500; }
  .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 4px 12px; margin: 6px 0 0; }
  .facts div.wide { grid-column: 1 / -1; }
  dt { color: var(--ls-muted); font-size: 0.85em; }
  dd { margin: 0; }
  .sev-critical .sev { color: var(--ls-error); border-color: var(--ls-error); }
  .sev-warning .sev { color: var(--ls-warning); border-color: var(--ls-warning); }
  .acked { opacity: 0.6; }
  .verdict-weak, .status-fail > .check-head .chip, .mark-failed { color: var(--ls-error); border-color: var(--ls-error); }
  .verdict-strong, .status-pass > .check-head .chip { color: var(--ls-success); border-color: var(--ls-success); }
  .status-warn > .check-head .chip, .mark-unusual { color: var(--ls-warning); border-color: var(--ls-warning); }
  .filters { display: flex; gap: 8px; flex-wrap: wrap; }
  .filters label { display: flex; flex-direction: column; font-size: 0.85em; color: var(--ls-muted); }
  select, input {
    font: inherit; color: var(--ls-text); background: var(--ls-bg); border: 1px solid var(--ls-divider);
    border-radius: 6px; padding: 4px 6px; min-height: 32px;
  }
  .events li { display: flex; flex-wrap: wrap; gap: 4px 10px; padding: 6px 0; border-top: 1px solid var(--ls-divider); }
  .events time { font-variant-numeric: tabular-nums; color: var(--ls-muted); min-width: 11em; }
  .events .failed .what { color: var(--ls-error); }
  form.edit { display: grid; grid-template-columns: max-content 1fr; gap: 6px 8px; align-items: center; margin: 8px 0; }
  form.edit .actions { grid-column: 1 / -1; }
  fieldset { border: 1px solid var(--ls-divider); border-radius: 6px; display: flex; gap: 12px; flex-wrap: wrap; margin: 6px 0; }
  .notice { background: color-mix(in srgb, var(--ls-warning) 15%, transparent); border-radius: 6px; padding: 6px 8px; margin: 4px 0; }
  .error { color: var(--ls-error); }
  dialog { background: var(--ls-bg); color: var(--ls-text); border: 1px solid var(--ls-divider); border-radius: var(--ls-radius); max-width: min(90vw, 420px); }
  dialog::backdrop { background: rgba(0, 0, 0, 0.4); }
  .compact { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
  .compact .grade { font-size: 2em; }
  .compact .stats { display: flex; flex-direction: column; }
  @media (max-width: 480px) {
    ha-card { padding: 8px 10px 12px; }
    .pillars li { grid-template-columns: 6em 1fr 2.5em; }
    form.edit { grid-template-columns: 1fr; }
    [role='tablist'] { flex-wrap: wrap; }
    [role='tab'] { padding: 8px 6px; }
    .events time { flex-basis: 100%; }
  }
`;
