// End to end: the built card as a HACS user gets it, inside Home Assistant's real frontend (each lab HA: 2026.11.0,
// then the floor 2025.4.4), driven in Debian's Chromium through HA's own login page, dashboard, card picker and
// dashboard editor. The screenshots in docs/screenshots/ come from the current HA's run.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Connection } from 'home-assistant-js-websocket';
import { send } from '../../src/ha/command.js';
import type { HassState } from '../../src/model/ha.js';
import { act, callService, connect, lab, labHasZwave, mockSlots, readCodesThroughHa, root, waitFor, zwaveLab, type ZwaveLab } from '../lab/support.js';
import {
  cardDom, cardReady as cardDomReady, ConsoleWatch, contextOptions, hasPin, installCard, launch, login, open, texts, type FrontendLab,
} from './browser.js';

const started = Date.now();
const SHOTS = join(root, 'docs', 'screenshots');

let info: FrontendLab;
/** The simulated Z-Wave locks, where the lab's HA can use them (lab/versions.mjs); tests that need them exist only then. */
const hasZwave = labHasZwave();
let zw: ZwaveLab;
let conn: Connection;
let browser: Browser;
let admin: BrowserContext;
let adminPage: Page;
const watch = new ConsoleWatch();

const card = (page: Page, selector = '') => page.locator(`hui-card lock-sentinel-card ${selector}`.trim()).first();
const tab = (page: Page, view: string) => card(page, `#tab-${view}`).click();

/** The lock names a person sees in HA itself (friendly names; zwave_js' end in a space in 2025.4). */
async function haLockNames(): Promise<string[]> {
  const states = await send<HassState[]>(conn, { type: 'get_states' });
  return states.filter((s) => s.entity_id.startsWith('lock.'))
    .map((s) => String(s.attributes.friendly_name ?? s.entity_id).trim()).sort();
}

before(async () => {
  info = installCard();
  if (hasZwave) zw = zwaveLab();
  conn = await connect();
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
  admin = await browser.newContext(contextOptions());
});

after(async () => {
  await browser?.close();
  conn?.close();
  console.log(`e2e suite (card in HA's frontend): ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

describe('the card in Home Assistant\'s real frontend (admin)', () => {
  test('HA serves the freshly built bundle as a module resource', async () => {
    const served = await fetch(info.url + info.frontend.resource);
    assert.equal(served.status, 200);
    assert.match(served.headers.get('content-type') ?? '', /javascript/);
    assert.equal(Buffer.from(await served.arrayBuffer()).equals(readFileSync(join(root, 'dist', 'lock-sentinel-card.js'))), true,
      'the served file is dist/lock-sentinel-card.js');
    const resources = await send<{ url: string; type: string }[]>(conn, { type: 'lovelace/resources' });
    assert.deepEqual(resources.filter((r) => r.url.includes('lock-sentinel')).map((r) => [r.url, r.type]), [[info.frontend.resource, 'module']]);
  });

  test('login through HA\'s login page; the dashboard shows every lock by name and the score', async () => {
    adminPage = await login(admin, info, 'admin', watch);
    const loaded = await adminPage.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname + new URL(e.name).search));
    assert.ok(loaded.includes(info.frontend.resource), `the dashboard loaded ${info.frontend.resource}`);
    const names = await texts(adminPage, '.lock .tile-primary');
    assert.deepEqual([...names].sort(), await haLockNames());
    for (const name of ['Back Door', ...(hasZwave ? ['Patio Door', 'Garage Side Door'] : [])]) assert.ok(names.includes(name), `the card lists ${name}`);

    const score = card(adminPage, '.summary .gauge');
    const label = await score.getAttribute('aria-label');
    const m = /^Security grade ([A-F]), score (\d+) of 100$/.exec(label ?? '');
    assert.ok(m, `score label: ${label}`);
    assert.equal((await texts(adminPage, '.summary .gauge-grade'))[0], m[1]);
    assert.equal((await texts(adminPage, '.summary .gauge-total'))[0], m[2]);
    assert.ok(Number(m[2]) >= 0 && Number(m[2]) <= 100);
    assert.deepEqual((await texts(adminPage, '.pillars .bar-label')), ['Codes', 'Audits', 'Hardening']);
    assert.deepEqual(watch.errors, []);
  });

  test('screenshots: light theme, dark theme (the system\'s colour scheme, HA\'s default), phone width', async () => {
    // docs/screenshots/ shows the current HA; the floor's run writes the same views beside them as *.floor.tmp.png (ignored).
    const SHOTS_OF = (name: string) => join(SHOTS, lab().ha_key === 'current' ? `${name}.png` : `${name}.floor.tmp.png`);
    await tab(adminPage, 'overview');
    assert.equal(await card(adminPage, 'ha-card').evaluate((e) => e.classList.contains('dark')), false);
    await adminPage.screenshot({ path: SHOTS_OF('ha-dashboard-light') });

    const state = await admin.storageState();
    const dark = await browser.newContext(contextOptions({ colorScheme: 'dark', storageState: state }));
    const darkPage = await open(dark, info, watch);
    assert.equal(await card(darkPage, 'ha-card').evaluate((e) => e.classList.contains('dark')), true, 'the card follows HA\'s dark mode');
    const bg = await darkPage.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--primary-background-color').trim());
    assert.notEqual(bg, '', 'HA applied a theme');
    await tab(darkPage, 'codes');
    if (hasZwave) await card(darkPage, '.lock-codes .slot').waitFor();
    await darkPage.screenshot({ path: SHOTS_OF('ha-dashboard-dark') });
    await dark.close();

    const phone = await browser.newContext(contextOptions({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, storageState: state }));
    const phonePage = await open(phone, info, watch);
    const width = await card(phonePage, 'ha-card').evaluate((e) => e.getBoundingClientRect().width);
    assert.ok(width <= 390, `the card fits a phone (${width} px)`);
    const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling on a phone (${overflow} px too wide)`);
    await phonePage.screenshot({ path: SHOTS_OF('ha-dashboard-phone') });
    await phone.close();
    assert.deepEqual(watch.errors, []);
  });

  if (hasZwave) test('a failed-code burst on the Z-Wave lock becomes an alert within seconds', async () => {
    const garage = zw.zwave.locks.find((l) => l.lock_entity === 'lock.garage_side_door') ?? zw.zwave.locks[1]!;
    await tab(adminPage, 'alerts');
    const isBurst = (t: string) => t.includes('Failed attempts') && t.includes('Garage Side Door');
    assert.equal((await texts(adminPage, '.alert')).some(isBurst), false, 'no failed-attempts alert on the garage door before the burst');

    const t0 = Date.now();
    for (let i = 0; i < 5; i++) {
      await act(zw, garage.node_id, { action: 'wrong_code' });
      await new Promise((r) => setTimeout(r, 100));
    }
    const alert = await waitFor(async () => (await texts(adminPage, '.alert')).find(isBurst), 15000, 'the failed-attempts alert in the card');
    const seconds = (Date.now() - t0) / 1000;
    console.log(`alert shown ${seconds.toFixed(1)} s after the first wrong code`);
    assert.ok(seconds < 10, `the alert took ${seconds} s`);
    assert.match(alert, /Critical/);
    assert.match(alert, /Evidence: Garage Side Door: .*\b5\b/, 'the evidence names the lock as HA shows it and counts the 5 tries');
    const count = await texts(adminPage, '#tab-alerts .count');
    assert.ok(Number(count[0]) >= 1, 'the Alerts tab counts open alerts');
    await card(adminPage, '.alert').screenshot({ path: join(SHOTS, lab().ha_key === 'current' ? 'ha-alert.png' : 'ha-alert.floor.tmp.png') });
    assert.deepEqual(watch.errors, []);
  });

  if (hasZwave) test('deleting a code, confirmed in the card\'s dialog, clears the slot on the lock through HA', async () => {
    const patio = zw.zwave.locks.find((l) => l.lock_entity === 'lock.patio_door') ?? zw.zwave.locks[0]!;
    assert.equal((await mockSlots(zw, patio.node_id))['3']?.status, 'enabled', 'slot 3 holds a code before');
    await tab(adminPage, 'codes');
    const section = `.lock-codes[data-entity="${patio.lock_entity}"]`;
    await card(adminPage, `${section} .slot`).waitFor();
    await waitFor(async () => (await texts(adminPage, `${section} .slot-head strong`)).includes('Slot 3'), 15000, 'slot 3 in the card');
    try {
      await card(adminPage, `${section} button[aria-label="Delete code: Slot 3"]`).click();
      const dialog = card(adminPage, 'dialog[open]');
      await dialog.waitFor();
      assert.match((await dialog.textContent()) ?? '', /slot 3 on Patio Door/);
      await card(adminPage, 'dialog[open] button.danger').click();
      await waitFor(async () => (await mockSlots(zw, patio.node_id))['3']?.status === 'available', 15000, 'slot 3 cleared on the mock lock');
      // HA 2026.x reads the driver's cached values, which follow a clear within a second or two.
      await waitFor(async () => (await readCodesThroughHa(conn, patio))['3']?.in_use === false, 15000, 'HA reads slot 3 as free');
      await waitFor(async () => !(await texts(adminPage, `${section} .slot-head strong`)).includes('Slot 3'), 15000, 'slot 3 gone from the card');
      assert.deepEqual(hasPin(await cardDom(adminPage)), [], 'no PIN in the card');
    } finally {
      // Put the preset back for the other lab tests, through HA as they do.
      await callService(conn, 'zwave_js', 'set_lock_usercode', { code_slot: 3, usercode: '906217' }, patio.lock_entity);
      await waitFor(async () => (await mockSlots(zw, patio.node_id))['3']?.status === 'enabled', 15000, 'slot 3 restored');
    }
    assert.deepEqual(watch.errors, []);
  });

  test('no PIN anywhere in the card, on any view', async () => {
    for (const view of ['overview', 'alerts', 'codes', 'timeline', 'scorecard']) {
      await tab(adminPage, view);
      assert.deepEqual(hasPin(await cardDom(adminPage)), [], `the ${view} view`);
    }
    assert.deepEqual(watch.pinLeaks, []);
  });

  test('the visual editor opens from the dashboard editor and its changes reach the card and HA', async () => {
    const title = 'Doors & keypads <b>';
    try {
      await adminPage.getByRole('button', { name: 'Edit dashboard' }).click();
      await adminPage.locator('hui-card-options').getByRole('button', { name: 'Edit' }).first().click();
      const dialog = adminPage.locator('hui-dialog-edit-card');
      await dialog.locator('hui-form-editor ha-form').waitFor();
      for (const label of ['Title', 'Layout', 'First view', 'History (days)']) {
        await dialog.getByText(label, { exact: true }).first().waitFor({ timeout: 10000 }); // our schema's labels
      }
      await dialog.locator('lock-sentinel-card [role="tablist"]').waitFor();
      await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
      await waitFor(async () => (await dialog.locator('lock-sentinel-card h2').textContent()) === title, 10000, 'the preview to take the title');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.locator('ha-dialog').waitFor({ state: 'detached' });
      await waitFor(async () => (await texts(adminPage, 'h2'))[0] === title, 10000, 'the dashboard card to take the title');
      const saved = await send<{ views: { cards: Record<string, unknown>[] }[] }>(conn, { type: 'lovelace/config', url_path: 'lock-sentinel' });
      assert.deepEqual(saved.views[0]!.cards[0], { type: 'custom:lock-sentinel-card', title });
      await adminPage.getByRole('button', { name: 'Done' }).click();
    } finally {
      installCard(); // the dashboard config as it was
    }
    assert.deepEqual(watch.errors, []);
  });
});

describe('the card in Home Assistant\'s real frontend: picker and reload (admin)', () => {
  test('the card picker\'s "By card" tab finds the card by search, with a live preview; choosing it adds it with the locks', async () => {
    // A page of its own: the picker renders previews of every HA card for the demo house, and those previews log
    // HA's own network errors (the demo media players' artwork from the internet): counted apart from ours.
    const pickerWatch = new ConsoleWatch();
    const page = await open(admin, info, pickerWatch);
    try {
      await page.getByRole('button', { name: 'Edit dashboard' }).click();
      await page.getByRole('button', { name: 'Add card' }).first().click();
      const create = page.locator('hui-dialog-create-card');
      const byCard = create.getByRole('tab', { name: 'By card' });
      await byCard.click();
      // The picker's search field (2026.11: ha-input-search "Search cards"; 2025.4: search-input).
      await create.locator('hui-card-picker input').first().fill('Lock Sentinel');
      const entry = create.locator('hui-card-picker .card', { hasText: 'Lock Sentinel' });
      await entry.locator('lock-sentinel-card [role="tablist"]').waitFor({ timeout: 30000 }); // the live preview
      assert.deepEqual((await create.locator('hui-card-picker .card .card-header').allTextContents()).map((t) => t.trim()).filter((t) => t !== 'Manual'),
        ['Lock Sentinel'], 'the search finds our card and no other');
      await entry.click();
      const dialog = page.locator('hui-dialog-edit-card');
      await dialog.locator('hui-form-editor ha-form').waitFor();
      await dialog.locator('lock-sentinel-card [role="tablist"]').waitFor();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await waitFor(async () => (await page.locator('hui-card lock-sentinel-card').count()) === 2, 15000, 'a second card on the dashboard');
      const saved = await send<{ views: { cards: Record<string, unknown>[] }[] }>(conn, { type: 'lovelace/config', url_path: 'lock-sentinel' });
      const locks = (await send<HassState[]>(conn, { type: 'get_states' })).filter((st) => st.entity_id.startsWith('lock.')).map((st) => st.entity_id).sort();
      assert.deepEqual(saved.views[0]!.cards[1], { type: 'custom:lock-sentinel-card', entities: locks }, 'the stub config lists the house\'s locks');
      await page.getByRole('button', { name: 'Done' }).click();
    } finally {
      installCard(); // the dashboard config as it was
      await page.close();
    }
    assert.deepEqual(pickerWatch.errors.filter((e) => !/Failed to load resource|Error getting Image Colors/.test(e)), [],
      'no errors beyond the demo previews\' network failures');
    assert.ok(pickerWatch.errors.every((e) => !/lock-sentinel/i.test(e)), 'none of them from the card');
  });

  test('a dashboard reload brings the card back with the same locks and no errors', async () => {
    const before = await texts(adminPage, '.lock .tile-primary');
    await adminPage.reload();
    await cardDomReady(adminPage);
    assert.deepEqual(await texts(adminPage, '.lock .tile-primary'), before);
    await tab(adminPage, 'codes');
    await tab(adminPage, 'overview');
    assert.deepEqual(watch.errors, []);
  });
});

describe('the card in Home Assistant\'s real frontend (non-admin)', () => {
  test('bob logs in and sees a read-only card without errors', async () => {
    const ctx = await browser.newContext(contextOptions());
    const nonadminWatch = new ConsoleWatch();
    const page = await login(ctx, info, 'nonadmin', nonadminWatch);
    assert.deepEqual([...(await texts(page, '.lock .tile-primary'))].sort(), await haLockNames());
    assert.match((await texts(page, '.notice')).join(' '), /need an administrator/);
    assert.deepEqual(await texts(page, '.error'), []);

    await tab(page, 'codes');
    // The codes view loads on demand ("Loading…" first).
    await waitFor(async () => /Read-only/.test((await texts(page, '.muted')).join(' ')), 15000, 'the read-only codes view');
    assert.equal(await page.locator('hui-card lock-sentinel-card button.danger').count(), 0, 'no delete buttons');
    assert.equal(await page.locator('hui-card lock-sentinel-card form.edit').count(), 0, 'no edit forms');
    await tab(page, 'alerts');
    const ack = page.locator('hui-card lock-sentinel-card .alert button');
    for (let i = 0; i < (await ack.count()); i++) assert.equal(await ack.nth(i).isDisabled(), true);
    for (const view of ['overview', 'timeline', 'scorecard']) await tab(page, view);
    assert.equal(await page.getByRole('button', { name: 'Edit dashboard' }).count(), 0, 'HA offers bob no dashboard editor');
    assert.deepEqual(hasPin(await cardDom(page)), []);
    assert.deepEqual(nonadminWatch.errors, []);
    assert.deepEqual(nonadminWatch.pinLeaks, []);
    await ctx.close();
  });
});
