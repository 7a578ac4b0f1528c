// End to end: the lock-sentinel dashboard strategy in Home Assistant's real frontend. On HA 2026.5+ (the lab's
// current HA) it is created the way a person does it: Settings → Dashboards → Add dashboard → "Lock security";
// on the floor (2025.4, no custom strategies in that dialog) the same dashboard is created through HA's websocket API.
// Then each generated view is opened: the overview, one per lock, the scorecard.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Connection } from 'home-assistant-js-websocket';
import { send } from '../../src/ha/command.js';
import type { HassState } from '../../src/model/ha.js';
import { connect, lab, root, waitFor } from '../lab/support.js';
import { ConsoleWatch, contextOptions, hasPin, installCard, launch, login, type FrontendLab } from './browser.js';

const SHOTS = join(root, 'docs', 'screenshots');
/** HA lists custom dashboard strategies in Add dashboard from 2026.5 (the lab's current HA is 2026.11). */
const addDashboardLists = lab().ha_key === 'current';

let info: FrontendLab;
let conn: Connection;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let urlPath = '';
const watch = new ConsoleWatch();

interface DashboardEntry { id: string; url_path: string; title: string; mode: string }
const dashboards = () => send<DashboardEntry[]>(conn, { type: 'lovelace/dashboards/list' });

/** The view paths the strategy gives this house: overview, lock-<object id> per lock (by name), scorecard. */
async function expectedPaths(): Promise<{ path: string; name: string; entity: string }[]> {
  const states = await send<HassState[]>(conn, { type: 'get_states' });
  const locks = states.filter((s) => s.entity_id.startsWith('lock.'))
    .map((s) => ({ entity: s.entity_id, name: String(s.attributes.friendly_name ?? s.entity_id).trim() }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return locks.map((l) => ({ ...l, path: `lock-${l.entity.slice(5).replace(/[^a-z0-9]+/g, '-')}` }));
}

const inView = (selector: string) => page.locator(`hui-card lock-sentinel-card ${selector}`).first();

before(async () => {
  info = installCard();
  conn = await connect();
  browser = await launch();
  context = await browser.newContext(contextOptions());
  page = await login(context, info, 'admin', watch);
});

after(async () => {
  // Leave the lab as it was: the dashboard this suite made goes again.
  for (const d of (await dashboards().catch(() => [])).filter((x) => x.url_path === urlPath)) {
    await send(conn, { type: 'lovelace/dashboards/delete', dashboard_id: d.id }).catch(() => undefined);
  }
  await browser?.close();
  conn?.close();
});

describe('the lock-sentinel dashboard strategy in HA\'s frontend', () => {
  test(addDashboardLists ? 'Add dashboard lists "Lock security" and creates the dashboard from it' : 'a strategy dashboard made through HA\'s API', async () => {
    const before = new Set((await dashboards()).map((d) => d.url_path));
    if (addDashboardLists) {
      await page.goto(info.url + '/config/lovelace/dashboards');
      await page.getByRole('button', { name: /add dashboard/i }).click();
      const option = page.getByText('Lock security', { exact: true });
      await option.waitFor({ timeout: 15000 });
      await option.click();
      // HA's dashboard detail dialog: Create stays disabled until the dashboard has a title.
      const title = page.getByRole('textbox', { name: /title/i }).first();
      await title.waitFor({ timeout: 15000 });
      if (!(await title.inputValue())) await title.fill('Lock security');
      await page.getByRole('button', { name: /^create$/i }).click();
      const made = await waitFor(async () => (await dashboards()).find((d) => !before.has(d.url_path)), 15000, 'the new dashboard');
      urlPath = made.url_path;
    } else {
      urlPath = 'lock-security-e2e';
      await send(conn, { type: 'lovelace/dashboards/create', url_path: urlPath, title: 'Lock security', mode: 'storage', require_admin: false, show_in_sidebar: true });
      await send(conn, { type: 'lovelace/config/save', url_path: urlPath, config: { strategy: { type: 'custom:lock-sentinel' } } });
    }
    // The frontend creates the dashboard, then saves its config: wait for the second step as well.
    const config = await waitFor(() => send<{ strategy?: { type: string } }>(conn, { type: 'lovelace/config', url_path: urlPath }).catch(() => null),
      15000, 'the new dashboard\'s config');
    assert.deepEqual(config.strategy, { type: 'custom:lock-sentinel' }, 'HA stored the strategy, not a copy of its views');
  });

  test('the overview: the score, the alerts and every lock of the house', async () => {
    await page.goto(`${info.url}/${urlPath}/overview`);
    await inView('[role="tablist"]').waitFor({ timeout: 30000 });
    const tabs = (await page.locator('hui-card lock-sentinel-card [role="tab"]').allTextContents()).map((t) => t.replace(/\d+/g, '').trim());
    assert.deepEqual(tabs, ['Overview', 'Alerts']);
    await inView('.gauge').waitFor();
    const names = (await page.locator('hui-card lock-sentinel-card .lock .tile-primary').allTextContents()).map((t) => t.trim()).sort();
    assert.deepEqual(names, (await expectedPaths()).map((l) => l.name).sort());
    await page.screenshot({ path: join(SHOTS, lab().ha_key === 'current' ? 'ha-strategy-overview.png' : 'ha-strategy-overview.floor.tmp.png') });
  });

  test('one view per lock: HA\'s tile of the lock, and the lock\'s own alerts, codes and timeline', async () => {
    for (const l of await expectedPaths()) {
      await page.goto(`${info.url}/${urlPath}/${l.path}`);
      await page.locator(`hui-tile-card`).first().waitFor({ timeout: 30000 });
      await inView('[role="tablist"]').waitFor({ timeout: 30000 });
      const tabs = (await page.locator('hui-card lock-sentinel-card [role="tab"]').allTextContents()).map((t) => t.replace(/\d+/g, '').trim());
      assert.deepEqual(tabs, ['Alerts', 'Codes', 'Timeline'], l.path);
      assert.equal((await inView('h2').textContent())?.trim(), l.name);
    }
  });

  test('the scorecard view, and no PIN anywhere', async () => {
    await page.goto(`${info.url}/${urlPath}/scorecard`);
    await inView('details.pillar').waitFor({ timeout: 30000 });
    assert.equal(await page.locator('hui-card lock-sentinel-card details.pillar').count(), 3);
    const dom = await page.locator('hui-card lock-sentinel-card').first().evaluate((el) => el.shadowRoot?.textContent ?? '');
    assert.deepEqual(hasPin(dom), []);
    assert.deepEqual(watch.errors, []);
  });
});
