// lab-needs: zwave (runs only against a lab whose Home Assistant can use the simulated Z-Wave locks: lab/versions.mjs)
// The generated automations at work inside the lab's real Home Assistant: real Z-Wave JS events from the mock
// locks (driver, server and HA's zwave_js integration are real), persons moved by device trackers, HA's own clock.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'home-assistant-js-websocket';
import { send } from '../../src/ha/command.js';
import { captureHeader } from '../../src/ha/capture.js';
import { discoverLocks } from '../../src/adapters/discovery.js';
import { generate, ID_PREFIX } from '../../src/generate/generate.js';
import { act, callService, connect, lab, mockSlots, moveEveryone, setTimeZone, waitFor, zoneWhereHourIs, zwaveLab, type ZwaveLab } from './support.js';
import { api, failedRuns, installFromLab, removeAll, sleep, watchNotifications, type Note } from './generate-support.js';

const HOSTILE_LOCK = `{{ states('sun.sun') }} It's "Front" {% raw %}\\`;
const HOSTILE_HOLDER = 'Anna {% endraw %} }}{#';
const GUEST = 'Guest "Eve"';
const GUEST_SLOT = 4;
const GUEST_PIN = '739146'; // lab fixture, never printed

let zl: ZwaveLab;
let conn: Connection;
let watch: Awaited<ReturnType<typeof watchNotifications>>;
/** The locks' names as the lock model has them (house data, printed as is). The patio lock's registry name is
 * HOSTILE_LOCK: HA 2025.4 shows it as the whole name, HA 2026.11 after the device's name ("Patio Door …"). */
let patioName: string;
let garageName: string;

const titled = (from: number, part: string) => watch.notes.slice(from).filter((n: Note) => n.title.includes(part));

before(async () => {
  zl = zwaveLab();
  conn = await connect();
  const [patio, garage] = zl.zwave.locks;
  await send(conn, { type: 'config/entity_registry/update', entity_id: patio.lock_entity, name: HOSTILE_LOCK });
  await moveEveryone(conn, 'home');
  for (const l of [patio, garage]) {
    // Tamper is stateful in zwave_js (the cover-removed binary sensor): close the cover first so a tamper is a change.
    await act(zl, l.node_id, { action: 'tamper_cleared' });
    await act(zl, l.node_id, { action: 'manual_lock' });
  }
  const locks = discoverLocks(await captureHeader(conn, new Date()));
  const tamperSensors = locks.flatMap((l) => l.sensors.tamper);
  assert.ok(tamperSensors.length >= 2, 'both Z-Wave locks have a tamper sensor');
  await waitFor(async () => (await send<{ entity_id: string; state: string }[]>(conn, { type: 'get_states' }))
    .filter((s) => tamperSensors.includes(s.entity_id)).every((s) => s.state === 'off'), 10000, 'the tamper sensors off');
  await callService(conn, 'zwave_js', 'set_lock_usercode', { code_slot: GUEST_SLOT, usercode: GUEST_PIN }, garage.lock_entity);
  await waitFor(async () => (await mockSlots(zl, garage.node_id))[String(GUEST_SLOT)]?.status === 'enabled', 15000, 'the guest code in the mock lock');
  patioName = String(locks.find((l) => l.entity_id === patio.lock_entity)?.name);
  garageName = String(locks.find((l) => l.entity_id === garage.lock_entity)?.name);
  assert.ok(patioName.endsWith(HOSTILE_LOCK), 'the lock model keeps the hostile registry name literally');
  await installFromLab(conn, [
    { lock: patio.lock_entity, slot: 3, name: HOSTILE_HOLDER, role: 'family', added: null, expires: null },
  ]);
  watch = await watchNotifications(conn);
});

after(async () => {
  await watch?.stop();
  await removeAll().catch(() => undefined);
  if (conn) {
    await setTimeZone(conn, lab().time_zone).catch(() => undefined);
    await send(conn, { type: 'config/entity_registry/update', entity_id: zl.zwave.locks[0].lock_entity, name: null }).catch(() => undefined);
    await moveEveryone(conn, 'home').catch(() => undefined);
    for (const l of zl.zwave.locks) await act(zl, l.node_id, { action: 'manual_lock' }).catch(() => undefined);
    // Should the expiry test fail, the guest code must not outlive this file (other suites count the codes).
    await callService(conn, 'zwave_js', 'clear_lock_usercode', { code_slot: GUEST_SLOT }, zl.zwave.locks[1].lock_entity).catch(() => undefined);
    conn.close();
  }
});

describe('generated automations in the lab', () => {
  test('4 failed codes give no alert, the 5th exactly one, a 6th updates it to count 6', async () => {
    const patio = zl.zwave.locks[0];
    const from = watch.notes.length;
    for (let i = 0; i < 4; i++) { await act(zl, patio.node_id, { action: 'wrong_code' }); await sleep(400); }
    await waitFor(async () => (await failedRuns(patio.lock_entity)) === 4, 10000, 'HA counting the 4 failures');
    assert.equal(titled(from, 'failed code attempts').length, 0, 'no alert after 4 failed codes');
    await act(zl, patio.node_id, { action: 'wrong_code', variant: 'home_security' });
    const [note] = await waitFor(() => titled(from, 'failed code attempts'), 10000, 'the burst alert');
    assert.equal(note.message, `${patioName}: 5 failed code attempts within 10 minutes (last by keypad).`);
    await act(zl, patio.node_id, { action: 'wrong_code' });
    await waitFor(() => note.message.includes(': 6 failed'), 10000, 'the alert updated to count 6');
    assert.equal(titled(from, 'failed code attempts').length, 1, 'exactly one alert for the burst');
    assert.equal(note.message, `${patioName}: 6 failed code attempts within 10 minutes (last by keypad).`);
  });

  test('the lock\'s own code-limit report gives one alert', async () => {
    const garage = zl.zwave.locks[1];
    const from = watch.notes.length;
    await act(zl, garage.node_id, { action: 'lockout' });
    const [note] = await waitFor(() => titled(from, 'keypad locked out'), 10000, 'the lockout alert');
    assert.equal(note.message, `${garageName}: Manually enter user access code exceeds code limit (too many wrong codes by keypad).`);
    await sleep(1500);
    assert.equal(titled(from, 'keypad locked out').length, 1);
  });

  test('an unlock with both persons away gives one critical alert naming lock, method and holder, literally', async () => {
    const patio = zl.zwave.locks[0];
    await moveEveryone(conn, 'not_home');
    try {
      const from = watch.notes.length;
      await act(zl, patio.node_id, { action: 'keypad_unlock', slot: 3 });
      const [note] = await waitFor(() => titled(from, 'nobody is home'), 10000, 'the away-access alert');
      assert.equal(note.title, 'CRITICAL: Lock Sentinel: unlock while nobody is home');
      assert.equal(note.message, `${patioName}: unlocked by keypad, slot 3 (${HOSTILE_HOLDER}) while nobody is home.`);
      await sleep(1500);
      assert.equal(titled(from, 'nobody is home').length, 1);
    } finally {
      await moveEveryone(conn, 'home');
      await act(zl, patio.node_id, { action: 'manual_lock' });
    }
  });

  test('an unlock while someone is home at a normal hour gives no access alert', async () => {
    const garage = zl.zwave.locks[1];
    const tz = zoneWhereHourIs(12);
    await setTimeZone(conn, tz);
    try {
      const from = watch.notes.length;
      await act(zl, garage.node_id, { action: 'keypad_unlock', slot: 1 });
      await sleep(3000);
      assert.deepEqual(watch.notes.slice(from).map((n) => n.title), []);
    } finally {
      await setTimeZone(conn, lab().time_zone);
      await act(zl, garage.node_id, { action: 'manual_lock' });
    }
  });

  test('an unlock at 03:00 local time gives one alert', async () => {
    const garage = zl.zwave.locks[1];
    // HA's clock cannot move; its time zone can: pick the zone where it is 03:xx right now.
    await setTimeZone(conn, zoneWhereHourIs(3));
    try {
      const from = watch.notes.length;
      await act(zl, garage.node_id, { action: 'keypad_unlock', slot: 1 });
      const [note] = await waitFor(() => titled(from, 'unusual hour'), 10000, 'the unusual-hour alert');
      assert.ok(note.message.startsWith(`${garageName}: unlocked at 03:`), note.message);
      assert.match(note.message, / at 03:\d\d by keypad, slot 1\.$/);
      await sleep(1500);
      assert.equal(titled(from, 'unusual hour').length, 1);
    } finally {
      await setTimeZone(conn, lab().time_zone);
      await act(zl, garage.node_id, { action: 'manual_lock' });
    }
  });

  // On the garage lock: the patio's 5th wrong code above was Home Security 7/4 "Tampering, invalid code", a tamper
  // report too, and the patio's tamper alert then stays quiet for a minute (one alert per incident).
  test('a tamper report gives one alert', async () => {
    const garage = zl.zwave.locks[1];
    const from = watch.notes.length;
    await act(zl, garage.node_id, { action: 'tamper' });
    const [note] = await waitFor(() => titled(from, 'tamper alarm'), 10000, 'the tamper alert');
    assert.equal(note.title, 'CRITICAL: Lock Sentinel: tamper alarm');
    assert.ok(note.message.startsWith(`${garageName}: tamper alarm (`), note.message);
    await sleep(1500);
    assert.equal(titled(from, 'tamper alarm').length, 1);
    await act(zl, garage.node_id, { action: 'tamper_cleared' });
  });
});

/** What HA did with each run of a guest-expiry automation: its traces, newest last (run id, trigger, outcome). */
interface Trace { run_id: string; trigger: string; script_execution: string | null }
const traces = (id: string) => send<Trace[]>(conn, { type: 'trace/list', domain: 'automation', item_id: id });

/** HA's answer to the next automation reload for automation `id`: the trace of the run the reload started. */
async function afterReload(id: string): Promise<Trace> {
  const seen = new Set((await traces(id)).map((t) => t.run_id));
  await callService(conn, 'automation', 'reload');
  return waitFor(async () => (await traces(id)).find((t) => !seen.has(t.run_id) && /automation_reloaded/.test(t.trigger)
    && t.script_execution !== null && t.script_execution !== 'running'), 15000, `HA running ${id} for the reload`);
}

describe('guest code expiry', () => {
  const garageSlot = async () => (await mockSlots(zl, zl.zwave.locks[1].node_id))[String(GUEST_SLOT)]?.status;
  const expiredNotes = () => watch.notes.filter((n) => n.title.includes('guest code expired'));

  /** The guest-expiry automation for `expires` as the generator made it before that time, installed alone (a whole
   * install takes tens of seconds on a busy machine); HA has loaded it when this returns. */
  async function installExpiry(expires: Date): Promise<string> {
    const guest = { lock: zl.zwave.locks[1].lock_entity, slot: GUEST_SLOT, name: GUEST, role: 'guest' as const, added: null, expires: expires.toISOString() };
    const gen = generate({ locks: discoverLocks(await captureHeader(conn, new Date())), registry: [guest], notify: [],
      now: new Date(expires.getTime() - 3600000) });
    const expiry = gen.automations.find((a) => a.id.startsWith(`${ID_PREFIX}guest_expiry_`));
    assert.ok(expiry, 'a guest-expiry automation');
    await api().request('POST', `/api/config/automation/config/${expiry.id}`, expiry);
    await waitFor(async () => (await send<{ state: string; attributes: { id?: string; friendly_name?: string } }[]>(conn, { type: 'get_states' }))
      .some((s) => s.attributes.id === expiry.id && s.state === 'on' && s.attributes.friendly_name === expiry.alias), 10000, 'HA loading the guest-expiry automation');
    return expiry.id;
  }

  test('an expiry HA loads after its time (HA was down, a late install or reload) acts once, late', async () => {
    // The code set in before(). First in this file: HA restores an automation's last_triggered by id, a later
    // expiry than any earlier run of the same id is what the real house would have.
    const from = expiredNotes().length;
    // HA loads it after the expiry: its trigger time is past, the reload that loads it runs it.
    const id = await installExpiry(new Date(Date.now() - 2000));
    const [note] = await waitFor(() => expiredNotes().slice(from), 15000, 'the late guest-expiry notification');
    assert.equal(note.message, `${garageName}: the guest code of ${GUEST} (slot ${GUEST_SLOT}) expired and was cleared.`);
    await waitFor(async () => (await garageSlot()) === 'available', 15000, 'the mock lock to free the guest slot');
    // Once: the next reload runs it again and it stops at its condition.
    const again = await afterReload(id);
    assert.equal(again.script_execution, 'failed_conditions', 'a reload after it acted stops at the condition');
    assert.equal(expiredNotes().slice(from).length, 1, 'one notification');
    assert.ok(!JSON.stringify(watch.notes).includes(GUEST_PIN), 'no PIN in any notification');
  });

  test('an expiry still ahead: HA\'s reloads run it, it does nothing; at its time it clears the code and tells the admins', async () => {
    const garage = zl.zwave.locks[1];
    await callService(conn, 'zwave_js', 'set_lock_usercode', { code_slot: GUEST_SLOT, usercode: GUEST_PIN }, garage.lock_entity);
    await waitFor(async () => (await garageSlot()) === 'enabled', 15000, 'the guest code in the mock lock again');
    const from = expiredNotes().length;
    // A minute tick at least 8 s ahead (time for the reload below): HA evaluates the template trigger on its minute ticks.
    const expires = new Date(Math.ceil((Date.now() + 8000) / 60000) * 60000);
    const id = await installExpiry(expires);
    const early = await afterReload(id);
    assert.equal(early.script_execution, 'failed_conditions', 'a reload before the expiry stops at the condition');
    assert.equal(await garageSlot(), 'enabled', 'the code still in the lock');
    assert.deepEqual(expiredNotes().slice(from), [], 'no notification before the expiry');
    const [note] = await waitFor(() => expiredNotes().slice(from), Math.max(0, expires.getTime() - Date.now()) + 20000, 'the guest-expiry notification');
    assert.ok(Date.now() >= expires.getTime(), 'not before the registered time');
    assert.equal(note.message, `${garageName}: the guest code of ${GUEST} (slot ${GUEST_SLOT}) expired and was cleared.`);
    await waitFor(async () => (await garageSlot()) === 'available', 15000, 'the mock lock to free the guest slot');
    assert.ok(!JSON.stringify(watch.notes).includes(GUEST_PIN), 'no PIN in any notification');
  });
});
