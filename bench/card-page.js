// Runs in Chromium: the built card with a `hass` made from the benchmark house (20 locks, 30 days of history),
// answering the card's websocket calls the way HA 2025.4 does. Measures first render, renders on unrelated
// updates and the time to apply a new lock event; leaves the result in window.__bench.
import '/card.js';

const fx = await (await fetch('/fixture.json')).json();
const listeners = new Map();
const calls = [];
const callWS = async (msg) => {
  calls.push(msg.type === 'call_service' ? `${msg.type} ${msg.domain}.${msg.service}` : msg.type);
  const fail = (code, message) => Promise.reject({ code, message });
  switch (msg.type) {
    case 'frontend/get_system_data': return fail('unknown_command', 'Unknown command.');
    case 'frontend/get_user_data': return { value: null };
    case 'frontend/set_user_data': return null;
    case 'history/history_during_period': return Object.fromEntries(msg.entity_ids.filter((id) => fx.history[id]).map((id) => [id, fx.history[id]]));
    case 'config/auth/list': return fx.users;
    case 'automation/config': return { config: { id: '1700000000001', alias: 'Lock battery low', triggers: [], conditions: [], actions: [] } };
    case 'call_service':
      if (msg.domain === 'zwave_js' && msg.service === 'get_lock_usercode') {
        const id = msg.target.entity_id;
        return { context: { id: 'x' }, response: { [id]: fx.usercodes[id] ?? {} } };
      }
      return { context: { id: 'x' }, response: null };
    default: return fail('unknown_command', `Unknown command ${msg.type}`);
  }
};
let hass = {
  states: fx.states, entities: fx.entities, devices: fx.devices, user: fx.user, config: fx.config,
  locale: { language: 'en', time_zone: 'server' }, language: 'en', themes: { darkMode: false, theme: 'default' },
  connection: {
    async subscribeEvents(cb, type) {
      calls.push(`subscribe_events ${type}`);
      const set = listeners.get(type) ?? new Set();
      set.add(cb);
      listeners.set(type, set);
      return () => void set.delete(cb);
    },
  },
  callWS,
};
const fire = (e) => { for (const cb of listeners.get(e.event_type) ?? []) cb(e); };
const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const card = document.createElement('lock-sentinel-card');
card.setConfig({ type: 'custom:lock-sentinel-card', history_days: fx.days });
let renders = 0;
const render = card.render;
card.render = function () { renders++; return render.call(this); };
const root = () => card.shadowRoot;
const ready = () => !!root()?.querySelector('[role="tablist"]') && !root().querySelector('.loading');
const lockText = (id) => root().querySelector(`.lock[data-entity="${id}"]`)?.textContent.replace(/\s+/g, ' ').trim() ?? '';

// 1. From `hass` set (HA sets it, then attaches the card) to the first complete render: overview of every lock with
//    30 days of history loaded and audited.
const t0 = performance.now();
card.hass = hass;
document.body.append(card);
const firstRender = await new Promise((resolve, reject) => {
  const check = () => {
    if (!ready()) return false;
    observer.disconnect();
    resolve(performance.now() - t0);
    return true;
  };
  const observer = new MutationObserver(check);
  observer.observe(root(), { childList: true, subtree: true, characterData: true, attributes: true });
  if (!check()) setTimeout(() => reject(new Error(`card not ready after 60 s: ${root()?.textContent?.slice(0, 200)}`)), 60_000);
});
await card.updateComplete;
const locksShown = root().querySelectorAll('.lock').length;
const rendersToReady = renders;

// 2. 1,000 `hass` updates of an entity the card does not watch (a new hass object each time, as HA makes them).
let before = renders;
let setTotal = 0;
for (let i = 0; i < 1000; i++) {
  const id = 'sensor.living_room_temperature';
  const old = hass.states[id];
  hass = { ...hass, states: { ...hass.states, [id]: { ...old, state: (20 + (i % 30) / 10).toFixed(1), last_updated: new Date().toISOString() } } };
  const s = performance.now();
  card.hass = hass;
  setTotal += performance.now() - s;
  if (i % 50 === 49) { await card.updateComplete; await frame(); }
}
await card.updateComplete;
await frame();
const unrelatedRenders = renders - before;
// The counter's control: one update of a watched entity (a lock's battery) must render.
before = renders;
const battery = 'sensor.front_door_battery';
hass = { ...hass, states: { ...hass.states, [battery]: { ...hass.states[battery], state: '41', last_updated: new Date().toISOString() } } };
card.hass = hass;
await card.updateComplete;
const relatedRenders = renders - before;

// 3. One new lock event (a Z-Wave keypad unlock / lock at the front door), from the bus to the rendered card.
const applyTimes = [];
const device = fx.lock_device['lock.front_door'];
let changed = 0;
for (let i = 0; i < 21; i++) {
  const unlock = i % 2 === 0;
  const event = {
    event_type: 'zwave_js_notification', origin: 'LOCAL', time_fired: new Date().toISOString(),
    context: { id: `bench-${i}`, parent_id: null, user_id: null },
    data: {
      domain: 'zwave_js', node_id: 10, home_id: 3990524357, endpoint: 0, device_id: device, command_class: 113, command_class_name: 'Notification',
      label: 'Access Control', type: 6, event: unlock ? 6 : 5, event_label: unlock ? 'Keypad unlock operation' : 'Keypad lock operation', parameters: { userId: 1 + (i % 6) },
    },
  };
  const textBefore = lockText('lock.front_door');
  const rendersBefore = renders;
  const s = performance.now();
  fire(event);
  await card.updateComplete;
  applyTimes.push(performance.now() - s);
  if (renders > rendersBefore && lockText('lock.front_door') !== textBefore) changed++;
  await frame();
}

window.__bench = {
  first_render_ms: Math.round(firstRender),
  renders_to_ready: rendersToReady,
  locks_shown: locksShown,
  history_rows: fx.history_rows,
  renders_on_unrelated_updates: unrelatedRenders,
  unrelated_hass_set_us: Math.round((setTotal / 1000) * 1000),
  renders_on_related_update: relatedRenders,
  event_apply_ms: Math.round(median(applyTimes.slice(1)) * 10) / 10,
  event_apply_max_ms: Math.round(Math.max(...applyTimes.slice(1)) * 10) / 10,
  events_applied_visible: `${changed}/${applyTimes.length}`,
  timeline_events: card._session?.timeline?.length ?? null,
  ws_calls: calls.length,
};
