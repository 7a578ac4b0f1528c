// An mdi icon as inline SVG (paths come from @mdi/js, imported one by one so the bundle keeps only those used).
// Decorative: the text beside it carries the meaning, so it is hidden from screen readers.
import { html } from 'lit';

export const icon = (path: string, cls = '') =>
  html`<svg class="icon ${cls}" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${path}></path></svg>`;
