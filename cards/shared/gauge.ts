// Score ring: the total as an arc, the grade in the middle. One image with one label for screen readers.
import { html, svg } from 'lit';

const R = 42;
const LENGTH = 2 * Math.PI * R;

export function gauge(total: number, grade: string, label: string, size: 'large' | 'small' = 'large') {
  const part = Math.max(0, Math.min(100, total)) / 100;
  return html`<div class="gauge gauge-${size} grade-${grade}" role="img" aria-label=${label}>
    <svg viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      ${svg`<circle class="gauge-track" cx="50" cy="50" r=${R}></circle>
        <circle class="gauge-arc" cx="50" cy="50" r=${R} stroke-dasharray=${`${(part * LENGTH).toFixed(1)} ${LENGTH.toFixed(1)}`}
          transform="rotate(-90 50 50)"></circle>`}
    </svg>
    <span class="gauge-text" aria-hidden="true"><span class="gauge-grade">${grade}</span><span class="gauge-total">${total}</span></span>
  </div>`;
}
