// Live: the built card in Chromium on the lab's real Home Assistant. Counts the websocket frames the page sends
// while the card sits idle after load (CDP frame events through playwright), while HA keeps changing an unrelated
// entity. Frames are classified by message type only: payloads (tokens, codes) are never kept.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, PAGE, distRoutes, file, serve } from './serve.mjs';

const root = new URL('..', import.meta.url).pathname;
/** What the page's own hass harness sends (the frontend's job, not the card's). */
const HARNESS = new Set(['auth', 'supported_features', 'subscribe_entities', 'auth/current_user', 'get_config', 'config/entity_registry/list_for_display', 'config/device_registry/list']);

/** The lab's facts when its Home Assistant answers, else the reason it cannot be used. */
export async function labInfo() {
  const path = process.env.LAB_JSON ?? join(root, '.lab', 'lab.json');
  if (!existsSync(path)) return { skip: 'no lab (.lab/lab.json): run `node lab/lab.mjs up`' };
  const lab = JSON.parse(readFileSync(path, 'utf8'));
  try {
    const r = await fetch(`${lab.url}/api/`, { headers: { authorization: `Bearer ${lab.token}` }, signal: AbortSignal.timeout(3000) });
    if (!r.ok) return { skip: `the lab's Home Assistant answered ${r.status}` };
  } catch (e) {
    return { skip: `the lab's Home Assistant does not answer at ${lab.url} (${e.cause?.code ?? e.message})` };
  }
  return { lab };
}

/** The messages of one frame (HA coalesces several into a JSON array): only their type, id and event type are kept. */
const messages = (payload) => {
  try {
    const v = JSON.parse(payload);
    return (Array.isArray(v) ? v : [v]).map((m) => ({ type: String(m?.type), id: m?.id ?? null, event_type: m?.event_type ?? null }));
  } catch {
    return [{ type: 'non-json', id: null, event_type: null }];
  }
};
const count = (list) => Object.fromEntries([...list.reduce((m, t) => m.set(t, (m.get(t) ?? 0) + 1), new Map())].sort());

export async function liveBench({ lab, idleMinutes, log }) {
  const server = await serve({
    '/': ['html', () => PAGE],
    ...distRoutes(root),
    '/live.js': ['js', file(join(root, 'bench', 'live-page.js'))],
    ...Object.fromEntries(['index', 'auth', 'collection', 'commands', 'config', 'connection', 'entities', 'errors', 'messages', 'services', 'socket', 'store', 'types', 'util']
      .map((m) => [`/haws/${m}.js`, ['js', file(join(root, 'node_modules', 'home-assistant-js-websocket', 'dist', `${m}.js`))]])),
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  const noise = async (i) => {
    await fetch(`${lab.url}/api/states/sensor.bench_idle_noise`, {
      method: 'POST', headers: { authorization: `Bearer ${lab.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ state: String(i), attributes: { friendly_name: 'Bench idle noise' } }),
    });
  };
  let timer;
  try {
    const page = await browser.newPage({ viewport: { width: 680, height: 1200 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const sent = [];
    let received = 0;
    /** Event messages received per subscription id: count and bytes (a coalesced frame's bytes split evenly). */
    const perSubscription = new Map();
    page.on('websocket', (ws) => {
      ws.on('framesent', ({ payload }) => {
        for (const m of messages(String(payload))) sent.push({ t: Date.now(), ...m });
      });
      ws.on('framereceived', ({ payload }) => {
        received++;
        const text = String(payload);
        const ms = messages(text);
        for (const m of ms) {
          if (m.type !== 'event') continue;
          const s = perSubscription.get(m.id) ?? { messages: 0, bytes: 0 };
          s.messages++;
          s.bytes += Math.round(Buffer.byteLength(text) / ms.length);
          perSubscription.set(m.id, s);
        }
      });
    });
    await page.goto(`${server.url}/`);
    await page.evaluate((args) => { window.__args = args; }, { url: lab.url, token: lab.token });
    const t0 = Date.now();
    await page.addScriptTag({ type: 'module', url: '/live.js' });
    await page.waitForFunction(() => {
      const r = window.__live?.card.shadowRoot;
      return !!r?.querySelector('[role="tablist"]') && !r.querySelector('.loading');
    }, undefined, { timeout: 60_000 });
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    const readyAt = Date.now();
    const load = sent.filter((f) => f.t <= readyAt);
    const locks = await page.evaluate(() => window.__live.card.shadowRoot.querySelectorAll('.lock').length);
    log(`live: card ready on the lab in ${readyAt - t0} ms (${locks} locks); idle for ${idleMinutes} min while HA changes an unrelated entity every 20 s ...`);
    const rendersBefore = await page.evaluate(() => window.__live.renders());
    const updatesBefore = await page.evaluate(() => window.__live.updates());
    const watchedBefore = await page.evaluate(() => window.__live.watchedUpdates());
    const receivedBefore = received;
    const subsBefore = new Map([...perSubscription].map(([id, v]) => [id, { ...v }]));
    let n = 0;
    await noise(n++);
    timer = setInterval(() => void noise(n++).catch(() => undefined), 20_000);
    await new Promise((r) => setTimeout(r, idleMinutes * 60_000));
    clearInterval(timer);
    const idle = sent.filter((f) => f.t > readyAt);
    // What each subscription delivered while idle: the harness's subscribe_entities (the frontend's job) and the card's.
    const received_idle_by_subscription = {};
    for (const f of sent.filter((x) => x.type === 'subscribe_events' || x.type === 'subscribe_entities')) {
      const now = perSubscription.get(f.id) ?? { messages: 0, bytes: 0 };
      const was = subsBefore.get(f.id) ?? { messages: 0, bytes: 0 };
      const who = f.type === 'subscribe_entities' ? 'harness subscribe_entities' : `card subscribe_events ${f.event_type ?? '*'}`;
      received_idle_by_subscription[who] = { messages: now.messages - was.messages, bytes: now.bytes - was.bytes };
    }
    const loadCard = load.filter((f) => !HARNESS.has(f.type));
    return {
      idle_minutes: idleMinutes,
      ws_messages_idle: idle.length,
      ws_idle_by_type: count(idle.map((f) => f.type)),
      ws_messages_load_card: loadCard.length,
      ws_load_card_by_type: count(loadCard.map((f) => f.type)),
      ws_messages_load_harness: load.length - loadCard.length,
      subscriptions: loadCard.filter((f) => f.type === 'subscribe_events').length,
      frames_received_idle: received - receivedBefore,
      received_idle_by_subscription,
      hass_updates_idle: (await page.evaluate(() => window.__live.updates())) - updatesBefore,
      renders_idle: (await page.evaluate(() => window.__live.renders())) - rendersBefore,
      watched_updates_idle: (await page.evaluate(() => window.__live.watchedUpdates())) - watchedBefore,
      load_ms: readyAt - t0,
      locks,
      ha_version: lab.ha_version,
    };
  } finally {
    clearInterval(timer);
    await browser.close();
    await server.close();
  }
}
