// Runs in Chromium: connects to the lab's Home Assistant with home-assistant-js-websocket, builds `hass` as HA's
// frontend does (a new object per entity update; unchanged entities keep their state objects), mounts the built card.
import { createConnection, createLongLivedTokenAuth, subscribeEntities } from '/haws/index.js';
import '/card.js';

const { url, token } = window.__args;
const conn = await createConnection({ auth: createLongLivedTokenAuth(url, token) });
const callWS = (msg) => conn.sendMessagePromise(msg);
const [user, config, display, devices] = await Promise.all([
  callWS({ type: 'auth/current_user' }), callWS({ type: 'get_config' }),
  callWS({ type: 'config/entity_registry/list_for_display' }), callWS({ type: 'config/device_registry/list' }),
]);
const base = {
  entities: Object.fromEntries(display.entities.map((e) => [e.ei, { entity_id: e.ei, platform: e.pl, device_id: e.di ?? null, name: e.en ?? null }])),
  devices: Object.fromEntries(devices.map((d) => [d.id, d])),
  user, config, connection: conn, callWS,
  locale: { language: 'en', time_zone: 'server' }, language: 'en', themes: { darkMode: false, theme: 'default' },
};
const card = document.createElement('lock-sentinel-card');
card.setConfig({ type: 'custom:lock-sentinel-card' });
let renders = 0;
const render = card.render;
card.render = function () { renders++; return render.call(this); };
let updates = 0;
// Updates that touched an entity the card watches (its locks and their companions, persons, zone.home): these may render.
let watchedUpdates = 0;
let last = null;
await new Promise((resolve) => subscribeEntities(conn, (states) => {
  updates++;
  const watched = card._session?.watched;
  if (last && watched && [...watched].some((id) => last[id] !== states[id])) watchedUpdates++;
  last = states;
  card.hass = { ...base, states };
  resolve();
}));
document.body.append(card);
window.__live = { card, renders: () => renders, updates: () => updates, watchedUpdates: () => watchedUpdates };
