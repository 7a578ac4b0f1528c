// Text styles of the views past the first screen (a section heading, a field's label, words for screen readers only):
// each view that uses them adds them to its own styles, so they load with it, not with every dashboard.
import { css } from 'lit';

export const textStyles = css`
  h3 { font-size: 1em; margin: 12px 0 6px; font-weight: 500; }
  .label { color: var(--ls-muted); }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
