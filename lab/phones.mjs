// The persons' phones, as Home Assistant's companion app sets them up: a `mobile_app` registration per user (one
// config entry and one `device_tracker.<name>` each), moved by the app's `update_location` webhook with a GPS fix.
// This replaces `device_tracker.see` (legacy trackers; deprecated for removal in HA 2027.5) and works the same on
// every release the lab runs.
import { http, httpOk } from './ha-api.mjs';
import { CORE_CONFIG } from './hass-config.mjs';

/** Tracker object id → the phone's name and whose it is (lab/onboard.mjs users). */
export const PHONES = { alice_phone: { name: 'Alice Phone', role: 'admin' }, bob_phone: { name: 'Bob Phone', role: 'nonadmin' } };

/** A point well outside zone.home (Potsdam, about 24 km from the lab's Berlin home). */
const AWAY = { latitude: 52.3906, longitude: 13.0645 };

/** Registers one phone with the owner's token; returns its webhook id (the app's secret for reporting). */
export async function registerPhone(base, token, objectId) {
  const r = await httpOk(base, '/api/mobile_app/registrations', {
    method: 'POST', token, json: {
      device_id: `lock-sentinel-lab-${objectId}`, app_id: 'io.lock_sentinel.lab', app_name: 'Lock Sentinel lab phone',
      app_version: '1.0', device_name: PHONES[objectId].name, manufacturer: 'Lock Sentinel', model: 'Lab phone',
      os_name: 'Lab', os_version: '1', supports_encryption: false, app_data: {},
    },
  });
  return r.webhook_id;
}

/** Registers every phone with its owner's token (HA must be running); returns object id → webhook id. */
export async function registerPhones(base, tokens) {
  const phones = {};
  for (const [id, { role }] of Object.entries(PHONES)) phones[id] = await registerPhone(base, tokens[role], id);
  return phones;
}

/** Reports the phone `home` (a fix in the home zone) or `not_home` (a fix far outside any zone). */
export async function movePhone(base, webhookId, location) {
  if (location !== 'home' && location !== 'not_home') throw new Error(`a lab phone is home or not_home, not ${location}`);
  const at = location === 'home' ? { latitude: CORE_CONFIG.latitude, longitude: CORE_CONFIG.longitude } : AWAY;
  const r = await http(base, `/api/webhook/${webhookId}`, {
    method: 'POST', json: { type: 'update_location', data: { gps: [at.latitude, at.longitude], gps_accuracy: 10, battery: 80 } },
  });
  if (r.status !== 200) throw new Error(`the phone's location update answered HTTP ${r.status}`);
}
