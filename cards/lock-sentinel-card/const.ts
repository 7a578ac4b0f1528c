import { docsUrl } from '../../src/repo.js';

export const CARD_TAG = 'lock-sentinel-card';
export const CARD_NAME = 'Lock Sentinel';
/** The README's card section (the link HA's card picker shows). */
export const DOCS_URL = docsUrl('the-card');
/** Where the household's code registry, checklist, reviews and acknowledgements live in HA. */
export { DATA_DASHBOARD, STORAGE_KEY } from '../../src/ha/shared-store.js';
export const VIEWS = ['overview', 'alerts', 'codes', 'timeline', 'scorecard'] as const;
export type View = (typeof VIEWS)[number];
/** Finding ids that are live alerts (need action now), as opposed to hygiene findings. */
export { LIVE_FINDINGS as ALERT_IDS } from '../../src/model/alerts.js';
/** The dashboard strategy's type (`strategy: {type: custom:lock-sentinel}`; element ll-strategy-dashboard-lock-sentinel). */
export const STRATEGY_TYPE = 'lock-sentinel';
