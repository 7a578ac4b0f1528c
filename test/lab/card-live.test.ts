// The built card (dist/lock-sentinel-card.js) in Debian's Chromium, driven by a hass-like object that the page
// builds from its own home-assistant-js-websocket connection to the lab's real Home Assistant.
import assert from 'node:assert/strict';
import { readFileSync, existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { act, lab, labHasZwave, mockSlots, root, waitFor, zwaveLab, type ZwaveLab } from './support.js';
import { PRESET_CODES as Z2M_PINS } from '../../lab/z2m.mjs';
import { installedIds, restClient, uninstall } from '../../src/generate/installer.js';

/** The lab lock's preset codes (lab/zwave/server.cjs): none may ever reach the page. */
/** The Z-Wave mock locks' presets and the Zigbee2MQTT lock's (lab/z2m.mjs). */
const LAB_PINS = ['573194', '1234', '906217', '482916', ...Object.values(Z2M_PINS)];
const CHROMIUM_ARGS = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

// What runs in the page: connect, build `hass` as HA's frontend does (a new object per entity update,
// unchanged entities keep their state objects), mount the card, count its renders.
const PAGE = `
import { createConnection, createLongLivedTokenAuth, subscribeEntities } from '/haws/index.js';
import '/card.js';
const { url, token, config } = window.__args;
const conn = await createConnection({ auth: createLongLivedTokenAuth(url, token) });
const callWS = (msg) => conn.sendMessagePromise(msg);
// hass.callApi as HA's frontend has it (same origin: the test server forwards /api/ to HA):
// resolves with the body, rejects with {status_code, body}.
const callApi = async (method, path, data) => {
  const r = await fetch('/api/' + path, { method, headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
    body: data === undefined ? undefined : JSON.stringify(data) });
  const text = await r.text();
  let body = text;
  try { body = JSON.parse(text); } catch {}
  if (!r.ok) throw { error: 'Response error: ' + r.status, status_code: r.status, body };
  return body;
};
const [user, haConfig, display, devices] = await Promise.all([
  callWS({ type: 'auth/current_user' }), callWS({ type: 'get_config' }),
  callWS({ type: 'config/entity_registry/list_for_display' }), callWS({ type: 'config/device_registry/list' }),
]);
const base = {
  entities: Object.fromEntries(display.entities.map((e) => [e.ei, { entity_id: e.ei, platform: e.pl, device_id: e.di ?? null, name: e.en ?? null }])),
  devices: Object.fromEntries(devices.map((d) => [d.id, d])),
  user, config: haConfig, connection: conn, callWS, callApi,
  locale: { language: 'en', time_zone: 'server' }, language: 'en', themes: { darkMode: false, theme: 'default' },
};
const card = document.createElement('lock-sentinel-card');
card.setConfig(config);
let renders = 0;
const render = card.render.bind(card);
card.render = () => { renders++; return render(); };
let updates = 0;
await new Promise((resolve) => subscribeEntities(conn, (states) => { updates++; card.hass = { ...base, states }; resolve(); }));
document.body.append(card);
window.__live = { card, renders: () => renders, updates: () => updates };
`;

let server: Server;
let browser: Browser;
let base = '';

/** Forwards the page's REST calls to HA, as HA's own frontend makes them same-origin. */
async function forward(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const r = await fetch(lab().url + req.url, {
    method: req.method, headers: { authorization: String(req.headers.authorization ?? ''), 'content-type': 'application/json' },
    body: chunks.length ? Buffer.concat(chunks) : undefined,
  });
  res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
  res.end(Buffer.from(await r.arrayBuffer()));
}

function serve(): Promise<string> {
  const card = join(root, 'dist', 'lock-sentinel-card.js');
  if (!existsSync(card)) throw new Error('dist/lock-sentinel-card.js is missing: run npm run build');
  const haws = join(root, 'node_modules', 'home-assistant-js-websocket', 'dist');
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const js = (file: string) => {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(file));
    };
    if (path === '/card.js') return js(card);
    // The chunks the card loads on demand (another language, the alert installer), next to it as in HACS' dist/.
    if (/^\/lock-sentinel-card-[\w-]+\.js$/.test(path)) return js(join(root, 'dist', path.slice(1)));
    if (path.startsWith('/api/')) return void forward(req, res);
    if (/^\/haws\/[a-z]+\.js$/.test(path)) return js(join(haws, path.slice('/haws/'.length)));
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<!doctype html><html><body style="margin:8px;width:640px;font-family:sans-serif"></body></html>');
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

async function openCard(token: string, config: Record<string, unknown> = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 680, height: 1200 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/`);
  await page.evaluate((args) => { (window as unknown as { __args: unknown }).__args = args; }, { url: lab().url, token, config: { type: 'custom:lock-sentinel-card', ...config } });
  await page.addScriptTag({ type: 'module', content: PAGE });
  await page.waitForFunction(() => {
    const live = (window as unknown as { __live?: { card: HTMLElement } }).__live;
    const r = live?.card.shadowRoot;
    return !!r?.querySelector('[role="tablist"]') && !r.querySelector('.loading');
  }, undefined, { timeout: 30000 });
  assert.deepEqual(errors, [], 'no page errors');
  return page;
}

/** Text of elements matching a selector inside the card's shadow root. */
const texts = (page: Page, selector: string) =>
  page.evaluate((sel) => [...(window as unknown as { __live: { card: HTMLElement } }).__live.card.shadowRoot!.querySelectorAll(sel)]
    .map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim()), selector);

const click = (page: Page, selector: string) => page.locator(`lock-sentinel-card ${selector}`).first().click();
const renders = (page: Page) => page.evaluate(() => (window as unknown as { __live: { renders(): number } }).__live.renders());
const updates = (page: Page) => page.evaluate(() => (window as unknown as { __live: { updates(): number } }).__live.updates());

async function setNoise(value: string): Promise<void> {
  const r = await fetch(`${lab().url}/api/states/sensor.card_live_noise`, {
    method: 'POST', headers: { authorization: `Bearer ${lab().token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ state: value, attributes: { friendly_name: 'Noise' } }),
  });
  assert.ok(r.ok, `POST /api/states: ${r.status}`);
}

/** The simulated Z-Wave locks, where the lab's HA can use them (lab/versions.mjs); tests that need them exist only then. */
const hasZwave = labHasZwave();
let zw: ZwaveLab;

before(async () => {
  if (hasZwave) zw = zwaveLab();
  base = await serve();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
});

after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe('the card on a live Home Assistant (lab)', () => {
  if (hasZwave) {
    test('admin: locks with protocol, Z-Wave and Zigbee2MQTT codes read through HA with verdicts, no PIN anywhere in the page', async () => {
      const page = await openCard(lab().token);
      const patioId = zw.zwave.locks[0]!.lock_entity;
      const entities = await page.evaluate(() => [...(window as unknown as { __live: { card: HTMLElement } }).__live.card.shadowRoot!
        .querySelectorAll('.lock [data-entity]')].map((l) => l.getAttribute('data-entity')));
      for (const lock of zw.zwave.locks) assert.ok(entities.includes(lock.lock_entity), `overview lists ${lock.lock_entity}`);
      assert.ok(entities.includes('lock.back_door'), 'overview lists the Zigbee2MQTT lock');
      const patio = (await texts(page, `.lock [data-entity="${patioId}"]`))[0]!;
      // The card's tiles (main's card) show name, state and battery, no protocol (the CLI's audit reports that).
      assert.match(patio, /^Patio Door\b.*\b87 %/);
      const z2m = (await texts(page, '.lock [data-entity="lock.back_door"]'))[0]!;
      assert.match(z2m, /^Back Door\b.*\b\d+ %/);

      await click(page, '#tab-codes');
      const slotsOf = (entity: string) => page.evaluate((id) => {
        const r = (window as unknown as { __live: { card: HTMLElement } }).__live.card.shadowRoot!;
        const section = r.querySelector(`.lock-codes[data-entity="${id}"]`);
        return [...(section?.querySelectorAll('.slot') ?? [])].map((s) => [s.querySelector('.slot-head strong')!.textContent, (s.querySelector('.verdict')?.textContent ?? '').trim()]);
      }, entity);
      const patioSlots = await waitFor(async () => {
        const slots = await slotsOf(patioId);
        // The verdict words arrive with the codes view's strings (loaded on demand): wait for them too.
        return slots.length >= 3 && slots.every(([, verdict]) => verdict) ? slots : null;
      }, 15000, 'the patio door code slots with their verdicts');
      assert.deepEqual(patioSlots, [['Slot 1', 'Strong'], ['Slot 2', 'Weak'], ['Slot 3', 'Strong']]);
      // The Zigbee2MQTT lock's codes, read over MQTT through the frontend's own connection (mqtt/subscribe): user 1 is weak.
      const z2mSlots = await waitFor(async () => {
        const slots = await slotsOf('lock.back_door');
        return slots.length >= 3 && slots.every(([, verdict]) => verdict) ? slots : null;
      }, 15000, 'the Zigbee2MQTT lock code slots with their verdicts');
      assert.deepEqual(z2mSlots, Object.keys(Z2M_PINS).map((u) => [`Slot ${Number(u) + 1}`, Number(u) === 1 ? 'Weak' : 'Strong']));

      for (const view of ['overview', 'alerts', 'codes', 'timeline', 'scorecard']) {
        await click(page, `#tab-${view}`);
        const html = await page.evaluate(() => {
          const r = (window as unknown as { __live: { card: HTMLElement } }).__live.card.shadowRoot!;
          const values = [...r.querySelectorAll('input, select')].map((e) => (e as HTMLInputElement).value);
          return r.innerHTML + '\n' + values.join('\n') + '\n' + document.documentElement.outerHTML;
        });
        for (const pin of LAB_PINS) assert.equal(new RegExp(`(^|\\D)${pin}(\\D|$)`).test(html), false, `the ${view} view contains a lab PIN`);
      }
      await page.close();
    });

    test('live: a keypad unlock on the mock lock reaches the timeline; a lockout becomes an alert; unrelated updates render nothing', async () => {
      const page = await openCard(lab().token, { entities: [zw.zwave.locks[0]!.lock_entity] });
      const patio = zw.zwave.locks[0]!;
      await click(page, '#tab-timeline');
      // The timeline view and its strings load on demand: let the renders that brings settle first.
      let settled = -1;
      await waitFor(async () => {
        const n = await renders(page);
        const stable = n === settled;
        settled = n;
        if (!stable) await new Promise((r) => setTimeout(r, 500));
        return stable && (await texts(page, '.events, .empty')).length > 0;
      }, 15000, 'the timeline view rendered and settled');

      const before = await renders(page);
      const seen = await updates(page);
      for (let i = 0; i < 5; i++) await setNoise(`${Date.now()}-${i}`);
      await waitFor(async () => (await updates(page)) >= seen + 5, 10000, 'the page to receive 5 unrelated entity updates');
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await renders(page), before, 'unrelated hass updates caused renders');

      await act(zw, patio.node_id, { action: 'keypad_unlock', slot: 1 });
      await waitFor(async () => (await texts(page, '.events li')).find((t) => t.includes('Unlocked · ') && t.includes('keypad · Slot 1')),
        15000, 'the keypad unlock in the card timeline');
      assert.ok((await renders(page)) > before);

      await act(zw, patio.node_id, { action: 'lockout' });
      await click(page, '#tab-alerts');
      const alert = await waitFor(async () => (await texts(page, '.alert')).find((t) => t.includes('Failed attempts')),
        15000, 'a failed-attempts alert for the patio door');
      assert.match(alert, /Evidence:/);
      await act(zw, patio.node_id, { action: 'manual_lock' });

      mkdirSync(join(root, 'test', 'screenshots'), { recursive: true });
      await page.locator('lock-sentinel-card').screenshot({ path: join(root, 'test', 'screenshots', 'card-live-lab-alerts.png') });
      await page.close();
    });
  }

  test('admin: a review mark is stored in HA, in frontend system data where HA has it', async () => {
    const page = await openCard(lab().token);
    await click(page, '#tab-timeline');
    await click(page, '.actions button:has-text("Mark as reviewed")');
    await waitFor(async () => (await texts(page, '.reviewed'))[0]?.includes('Last reviewed'), 10000, 'the review mark');
    // Where HA has frontend system data (2025.12+, so the lab's current HA) the shared data lives there; on the
    // floor release (2025.4, none) in an admin-only dashboard's config. Each lab proves the path its HA offers.
    const ws = <T>(msg: object) => page.evaluate((m) => (window as unknown as { __live: { card: { hass: { callWS(m: object): Promise<unknown> } } } })
      .__live.card.hass.callWS(m), msg) as Promise<T>;
    const dashboards = await ws<{ url_path: string; require_admin: boolean; show_in_sidebar: boolean }[]>({ type: 'lovelace/dashboards/list' });
    const data = dashboards.find((d) => d.url_path === 'lock-sentinel-data');
    if (lab().ha_key === 'current') {
      const stored = await ws<{ value: { reviews: unknown[] } | null }>({ type: 'frontend/get_system_data', key: 'lock_sentinel' });
      assert.ok((stored.value?.reviews.length ?? 0) >= 1, 'HA\'s frontend system data holds the review mark, shared by the admins');
      assert.equal(data, undefined, 'no data dashboard where HA has system data');
    } else {
      const refused = await page.evaluate(() => (window as unknown as { __live: { card: { hass: { callWS(m: object): Promise<unknown> } } } })
        .__live.card.hass.callWS({ type: 'frontend/get_system_data', key: 'lock_sentinel' }).then(() => 'answered', (e: { code?: string }) => e.code));
      assert.equal(refused, 'unknown_command', 'the floor release has no frontend system data');
      const stored = await ws<{ lock_sentinel: { reviews: unknown[] } }>({ type: 'lovelace/config', url_path: 'lock-sentinel-data' });
      assert.ok(stored.lock_sentinel.reviews.length >= 1, 'HA holds the review mark, shared by the admins');
      assert.deepEqual(data && [data.require_admin, data.show_in_sidebar], [true, false], 'an admin-only dashboard, hidden from the sidebar');
    }

    await page.close();
  });

  if (hasZwave) test('admin: a code deleted in the card is gone from the lock', async () => {
    const patio = zw.zwave.locks[0]!;
    const page = await openCard(lab().token, { entities: [patio.lock_entity] });
    await click(page, '#tab-codes');
    await page.waitForFunction(() => (window as unknown as { __live: { card: HTMLElement } }).__live.card.shadowRoot!.querySelectorAll('.slot').length >= 3);
    await click(page, `.lock-codes[data-entity="${patio.lock_entity}"] button[aria-label="Delete code: Slot 3"]`);
    await click(page, 'dialog button.danger');
    await waitFor(async () => (await mockSlots(zw, patio.node_id))['3']!.status === 'available', 15000, 'slot 3 cleared on the mock lock');
    await waitFor(async () => !(await texts(page, '.slot .slot-head strong')).includes('Slot 3'), 10000, 'slot 3 gone from the card');
    // Put the preset back for the other lab tests (through HA, as they do).
    await page.evaluate((entity) => (window as unknown as { __live: { card: { hass: { callWS(m: object): Promise<unknown> } } } }).__live.card.hass.callWS({
      type: 'call_service', domain: 'zwave_js', service: 'set_lock_usercode', service_data: { code_slot: 3, usercode: '906217' }, target: { entity_id: entity },
    }), patio.lock_entity);
    await waitFor(async () => (await mockSlots(zw, patio.node_id))['3']!.status === 'enabled', 15000, 'slot 3 restored');
    await page.close();
  });

  test('admin: "Install alerts" writes the generated automations into HA and the missing-alerts finding goes away', async () => {
    const api = restClient(lab().url, lab().token);
    await uninstall(api);
    const page = await openCard(lab().token);
    try {
      const check = async () => {
        await click(page, '#tab-scorecard');
        const t = (await texts(page, '.check[data-check="alerts-enabled"] .verdict'))[0];
        await click(page, '#tab-alerts');
        return t;
      };
      assert.notEqual(await check(), 'Pass', 'the alerts check fails before installing');
      // The install section shows once the card knows its user is an admin and has read the automations.
      await waitFor(async () => /No Lock Sentinel alerts are installed/.test((await texts(page, '.install p'))[0] ?? ''), 15000, 'the missing-alerts note');
      await click(page, '.install button');
      const note = await waitFor(async () => (await texts(page, '.install [role="status"], [role="alert"]'))[0], 120000, 'the install result');
      assert.match(note, /^Alerts installed: \d+ new, 0 updated, 0 removed\.$/);
      const created = Number(/(\d+) new/.exec(note)![1]);
      const ids = await installedIds(api);
      assert.equal(ids.automations.length + ids.scripts.length, created);
      assert.ok(ids.automations.some((id) => id.startsWith(`lock_sentinel_failed_attempts_`)), 'a failed-attempts alert exists');
      assert.match((await texts(page, '.install p'))[0]!, /Reinstall after adding locks/);
      assert.equal(await check(), 'Pass', 'the alerts check passes once installed');
    } finally {
      await page.close();
      await uninstall(api);
    }
  });

  test('non-admin: a read-only card without errors; what HA refuses is shown as unavailable', async () => {
    const page = await openCard(lab().nonadmin_token);
    const notices = (await texts(page, '.notice')).join(' ');
    assert.match(notices, /need an administrator/);
    assert.deepEqual(await texts(page, '.error'), []);
    await click(page, '#tab-codes');
    // The codes view loads on demand.
    const codes = await waitFor(async () => {
      const t = await texts(page, '.lock-codes');
      return t.length >= 3 ? t : null;
    }, 15000, 'the codes view with every lock');
    assert.ok(codes.every((t) => t.includes('Code status unavailable')), 'no lock shows code status to a non-admin');
    assert.equal(await page.locator('lock-sentinel-card button.danger').count(), 0);
    await click(page, '#tab-alerts');
    const ack = page.locator('lock-sentinel-card .alert button');
    for (let i = 0; i < await ack.count(); i++) assert.equal(await ack.nth(i).isDisabled(), true);
    assert.equal(await page.locator('lock-sentinel-card .install').count(), 0, 'no install action for a non-admin');
    await page.close();
  });
});
