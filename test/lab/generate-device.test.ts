// lab-needs: zwave (runs only against a lab whose Home Assistant can use the simulated Z-Wave locks: lab/versions.mjs)
// Device-health automations and the reminders, in the lab's real Home Assistant: a Z-Wave jam from the mock lock,
// the Zigbee2MQTT lock's battery, firmware and availability over real MQTT, reminders run by HA.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'home-assistant-js-websocket';
import { captureHeader } from '../../src/ha/capture.js';
import { discoverLocks } from '../../src/adapters/discovery.js';
import { generate, ID_PREFIX } from '../../src/generate/generate.js';
import { install } from '../../src/generate/installer.js';
import { send } from '../../src/ha/command.js';
import { THRESHOLDS } from '../../src/thresholds.js';
import { INITIAL_STATE } from '../../lab/z2m.mjs';
import { act, callService, connect, mqttPublish, waitFor, z2mState, zwaveLab } from './support.js';
import { api, removeAll, sleep, watchNotifications } from './generate-support.js';

let conn: Connection;
let watch: Awaited<ReturnType<typeof watchNotifications>>;
const titled = (from: number, part: string) => watch.notes.slice(from).filter((n) => n.title.includes(part));
const state = async (id: string) => (await send<{ entity_id: string; state: string; last_changed: string; attributes: Record<string, unknown> }[]>(conn, { type: 'get_states' }))
  .find((s) => s.entity_id === id);
const BRIDGE = 'zigbee2mqtt/bridge/state';
const UNAVAILABLE_S = 15;

before(async () => {
  conn = await connect();
  await z2mState(INITIAL_STATE);
  // The lab cannot wait an hour: the same builder with a 15-second unavailability threshold.
  const header = await captureHeader(conn, new Date());
  const locks = discoverLocks(header);
  const gen = generate({ locks, registry: [], notify: [],
    thresholds: { ...THRESHOLDS, unavailableMinutes: UNAVAILABLE_S / 60 } });
  // HA restores an automation's last_triggered by entity id: a fresh id per run keeps "once a day" from an earlier run.
  const run = Date.now().toString(36);
  const automations = gen.automations.map((a) => (a.id.startsWith(`${ID_PREFIX}low_battery_`) ? { ...a, id: `${a.id}_${run}`, alias: `${a.alias} ${run}` } : a));
  await install(api(), { ...gen, automations, scripts: {} }, []);
  watch = await watchNotifications(conn);
});

after(async () => {
  await watch?.stop();
  await removeAll().catch(() => undefined);
  await mqttPublish(BRIDGE, { state: 'online' }, true).catch(() => undefined);
  await z2mState(INITIAL_STATE).catch(() => undefined);
  for (const l of zwaveLab().zwave.locks) await act(zwaveLab(), l.node_id, { action: 'manual_lock' }).catch(() => undefined);
  conn?.close();
});

describe('device health and reminders', () => {
  test('a Z-Wave jam gives one alert', async () => {
    const patio = zwaveLab().zwave.locks[0];
    const from = watch.notes.length;
    await act(zwaveLab(), patio.node_id, { action: 'jam' });
    const [note] = await waitFor(() => titled(from, 'lock jammed'), 10000, 'the jam alert');
    const name = discoverLocks(await captureHeader(conn, new Date())).find((l) => l.entity_id === patio.lock_entity)?.name;
    assert.equal(note.message, `${String(name)}: jammed. Check the door and the bolt.`);
    await sleep(2000);
    assert.equal(titled(from, 'lock jammed').length, 1, 'the notification and the jammed state are one alert');
  });

  test('low battery alerts once when it drops below 30 %, not again the same day', async () => {
    const from = watch.notes.length;
    await z2mState({ ...INITIAL_STATE, battery: 25 });
    const [note] = await waitFor(() => titled(from, 'low battery'), 10000, 'the low-battery alert');
    assert.match(note.message, /: battery at 25(\.0)? %\. Replace it soon/);
    await z2mState({ ...INITIAL_STATE, battery: 40 });
    await sleep(1000);
    await z2mState({ ...INITIAL_STATE, battery: 20 });
    await sleep(2500);
    assert.equal(titled(from, 'low battery').length, 1);
  });

  test('a new firmware offer gives one alert with the versions', async () => {
    await z2mState({ ...INITIAL_STATE, update: { state: 'idle', installed_version: 16777250, latest_version: 16777250 } });
    await waitFor(async () => (await state('update.back_door'))?.state === 'off', 10000, 'update.back_door off');
    const from = watch.notes.length;
    await z2mState(INITIAL_STATE);
    const [note] = await waitFor(() => titled(from, 'firmware update'), 10000, 'the firmware alert');
    assert.match(note.message, /: firmware 16777250 is available \(installed: 16777241\)\.$/);
  });

  test('a lock unavailable for longer than the threshold gives one alert', async () => {
    const from = watch.notes.length;
    await mqttPublish(BRIDGE, { state: 'offline' }, true);
    const down = await waitFor(async () => {
      const s = await state('lock.back_door');
      return s?.state === 'unavailable' ? Date.parse(s.last_changed) : null;
    }, 10000, 'lock.back_door unavailable');
    const [note] = await waitFor(() => titled(from, 'lock unavailable'), UNAVAILABLE_S * 1000 + 30000, 'the unavailability alert');
    // HA's clock is this machine's: the alert came no sooner than the threshold after HA saw the lock go.
    assert.ok(Date.now() - down >= UNAVAILABLE_S * 1000, `not before the threshold (after ${Date.now() - down} ms)`);
    assert.match(note.message, new RegExp(`: unavailable for over ${UNAVAILABLE_S / 60} minutes\\.`));
    await mqttPublish(BRIDGE, { state: 'online' }, true);
  });

  test('the weekly and monthly reminders carry a one-line summary of the locks', async () => {
    for (const kind of ['weekly_review', 'monthly_audit']) {
      const from = watch.notes.length;
      const entity = (await send<{ entity_id: string; attributes: { id?: string } }[]>(conn, { type: 'get_states' }))
        .find((s) => s.attributes.id === `${ID_PREFIX}${kind}`)?.entity_id;
      assert.ok(entity, `${kind} installed`);
      // Run its actions now (its own trigger waits for Sunday evening / the 1st).
      await callService(conn, 'automation', 'trigger', { skip_condition: true }, entity);
      const [note] = await waitFor(() => watch.notes.slice(from), 10000, `the ${kind} reminder`);
      assert.doesNotMatch(note.message, /\n/);
      assert.match(note.message, /\d+ locks: \d+ unlocked, \d+ unavailable or jammed, \d+ with battery below 30 %, \d+ with a firmware update\.$/);
    }
  });
});
