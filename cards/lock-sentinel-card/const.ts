import { docsUrl } from '../../src/repo.js';

export const CARD_TAG = 'lock-sentinel-card';
export const CARD_NAME = 'Lock Sentinel';
/** The README's card section (the link HA's card picker shows). */
export const DOCS_URL = docsUrl('the-card');
/** Key under which the household's code registry, checklist, reviews and acknowledgements live in HA. */
export const STORAGE_KEY = 'lock_sentinel';
/** The admin-only dashboard whose config holds the shared data where HA has no frontend/*_system_data (2025.4). */
export const DATA_DASHBOARD = 'lock-sentinel-data';
export const VIEWS = ['overview', 'alerts', 'codes', 'timeline', 'scorecard'] as const;
export type View = (typeof VIEWS)[number];
/** Finding ids that are live alerts (need action now), as opposed to hygiene findings. */
export const ALERT_IDS: readonly string[] = [
  'failed-attempts', 'away-access', 'unusual-hour-access', 'tamper', 'jammed', 'low-battery', 'lock-unavailable',
];
/** Protocol events only admins may subscribe to. */
export { LOCK_EVENT_TYPES as PROTOCOL_EVENTS } from '../../src/adapters/index.js';
/** The dashboard strategy's type (`strategy: {type: custom:lock-sentinel}`; element ll-strategy-dashboard-lock-sentinel). */
export const STRATEGY_TYPE = 'lock-sentinel';
