// A compact labelled bar (0-100). Without a value it says so instead of drawing an empty bar.
import { html } from 'lit';

export function bar(label: string, value: number | null, noData: string) {
  const v = value === null ? null : Math.round(value);
  return html`<div class="bar">
    <span class="bar-label">${label}</span>
    ${v === null
      ? html`<span class="bar-none">${noData}</span>`
      : html`<div class="bar-track" role="meter" aria-label=${label} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${v}>
          <div class="bar-fill ${v >= 80 ? 'good' : v >= 50 ? 'fair' : 'poor'}" style=${`width:${v}%`}></div>
        </div>
        <span class="bar-num">${v}</span>`}
  </div>`;
}
