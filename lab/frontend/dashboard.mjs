// What lab/frontend/up.mjs installs: where the card lives in HA and the dashboard that shows it.

/** HACS' download folder for a dashboard plugin, under <config>/www (served by HA at /local). */
export const RESOURCE_DIR = 'community/lock-sentinel';
export const RESOURCE_PATH = `/local/${RESOURCE_DIR}/lock-sentinel-card.js`;

/** The lab's login names (lab/onboard.mjs). */
export const USERNAMES = { admin: 'alice', nonadmin: 'bob' };

/** A storage-mode dashboard every user may open (`require_admin: false`: the non-admin test opens it too). */
export const DASHBOARD = { url_path: 'lock-sentinel', title: 'Lock Sentinel', icon: 'mdi:lock-check', show_in_sidebar: true, require_admin: false };

/** One masonry view with the card as a HACS user adds it: every lock in the house, default options. */
export const dashboardConfig = () => ({
  title: 'Lock Sentinel',
  views: [{ title: 'Security', path: 'security', cards: [{ type: 'custom:lock-sentinel-card' }] }],
});
