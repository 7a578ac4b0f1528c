// lab-needs: zwave (runs only against a lab whose Home Assistant can use the simulated Z-Wave locks: lab/versions.mjs)
// The generated Z-Wave automations, installed into the lab's HA, fire on what the (mock) locks really report.
// HA's clock cannot be moved, so "an unlock at 03:00" is an unlock inside an unusual-hours window placed around now.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { discoverLocks } from '../../src/adapters/discovery.js';
import { generate } from '../../src/generate/generate.js';
import { install, restClient, uninstall } from '../../src/generate/installer.js';
import { THRESHOLDS, type Thresholds } from '../../src/thresholds.js';
import { act, isNotification, LiveHa, restorePresets, waitFor, zwaveLab, type ZwaveLab, type ZwaveLock } from './support.js';
import { failedRuns, watchNotifications, type Note } from './generate-support.js';


let lab: ZwaveLab;
let ha: LiveHa;
let patio: ZwaveLock;
let garage: ZwaveLock;
/** One entry per notification, updated in place when HA replaces it (generate-support). */
let notes: Note[] = [];
let unsubscribe: (() => Promise<void>) | null = null;

async function installFor(th: Partial<Thresholds> = {}): Promise<void> {
  const locks = discoverLocks(await ha.snapshot()).filter((l) => l.protocol === 'zwave_js');
  assert.deepEqual(locks.map((l) => l.entity_id).sort(), [garage.lock_entity, patio.lock_entity].sort());
  const gen = generate({ locks, registry: [], notify: [], thresholds: { ...THRESHOLDS, ...th } });
  // Automations only: the breach script is not what these tests exercise (and needs `script:` in HA's config).
  await install(restClient(lab.url, lab.token), { ...gen, scripts: {} }, []);
}

const alerts = (from: number, title: string, lockName: string) =>
  notes.slice(from).filter((n) => n.title === title && n.message.includes(lockName));

/** Waits `ms` and returns the alerts that arrived, so "exactly one" also means "no second one came". */
async function settle(from: number, title: string, lockName: string, ms = 3000): Promise<Note[]> {
  await waitFor(() => alerts(from, title, lockName).length > 0, 15000, `a "${title}" alert for ${lockName}`);
  await new Promise((r) => setTimeout(r, ms));
  return alerts(from, title, lockName);
}

function localHour(timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }).format(new Date()));
}

before(async () => {
  lab = zwaveLab();
  [patio, garage] = lab.zwave.locks;
  ha = await LiveHa.open(lab);
  const watch = await watchNotifications(ha.conn);
  notes = watch.notes;
  unsubscribe = watch.stop;
  await restorePresets(lab, ha.conn);
  for (const l of [patio, garage]) {
    for (const action of ['tamper_cleared', 'keypad_enabled', 'manual_lock']) await act(lab, l.node_id, { action });
  }
  await installFor();
});

after(async () => {
  if (ha) {
    await uninstall(restClient(lab.url, lab.token)).catch(() => undefined);
    await unsubscribe?.().catch(() => undefined);
    await ha.close();
  }
});

describe('generated automations on real Z-Wave events', () => {
  test('ten wrong codes 50 ms apart on one lock: exactly one failed-attempts alert, for that lock, counting 10', async () => {
    const from = notes.length;
    const seen = ha.events.length;
    const sent: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      sent.push(act(lab, garage.node_id, { action: 'wrong_code', variant: i % 2 ? 'home_security' : 'access_control' }));
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.all(sent);
    await waitFor(() => ha.since(seen, (e) => e.event_type === 'zwave_js_notification' && e.data.device_id === garage.device_id).length >= 10,
      10000, 'HA to deliver the ten failures');
    await waitFor(async () => (await failedRuns(garage.lock_entity)) === 10, 10000, 'the automation to count all ten failures');
    await waitFor(() => alerts(from, 'Lock Sentinel: failed code attempts', 'Garage Side Door').some((n) => /\b10 failed code attempts\b/.test(n.message)),
      10000, 'the alert to count 10');
    const got = await settle(from, 'Lock Sentinel: failed code attempts', 'Garage Side Door', 1500);
    assert.equal(got.length, 1, 'one notification for the burst');
    assert.match(got[0].message, /\b10 failed code attempts\b/);
    assert.equal(alerts(from, 'Lock Sentinel: failed code attempts', 'Patio Door').length, 0);
  });

  test('four wrong codes stay below the threshold: no alert', async () => {
    const from = notes.length;
    for (let i = 0; i < 4; i++) await act(lab, patio.node_id, { action: 'wrong_code' });
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(alerts(from, 'Lock Sentinel: failed code attempts', 'Patio Door').length, 0);
  });

  test('the code-limit lockout (event 19, keypad then disabled): exactly one lockout alert', async () => {
    const from = notes.length;
    const seen = ha.events.length;
    await act(lab, patio.node_id, { action: 'lockout', keypad_disabled: true });
    await ha.waitFor(seen, isNotification(patio.device_id, 6, 19), 'code-limit notification');
    const got = await settle(from, 'Lock Sentinel: keypad locked out', 'Patio Door');
    assert.equal(got.length, 1);
    await act(lab, patio.node_id, { action: 'keypad_enabled' });
  });

  // On the patio lock: the garage's wrong codes above included Home Security 7/4 "Tampering, invalid code", which is
  // a tamper report too, and its tamper alert then stays quiet for a minute (one alert per incident).
  test('a tamper report (Home Security 3, seen as the tamper sensor): exactly one tamper alert', async () => {
    const from = notes.length;
    await act(lab, patio.node_id, { action: 'tamper' });
    const got = await settle(from, 'CRITICAL: Lock Sentinel: tamper alarm', 'Patio Door');
    assert.equal(got.length, 1);
    await act(lab, patio.node_id, { action: 'tamper_cleared' });
  });

  test('a jam (seen only as the "lock jammed" sensor and an unknown lock state): exactly one jam alert', async () => {
    const from = notes.length;
    await act(lab, garage.node_id, { action: 'jam' });
    await new Promise((r) => setTimeout(r, 3000));
    const got = notes.slice(from).filter((n) => /jam/i.test(n.title) && n.message.includes('Garage Side Door'));
    await act(lab, garage.node_id, { action: 'manual_lock' });
    assert.equal(got.length, 1, 'HA 2025.4 fires no 6/11 event and never shows "jammed": the alert must watch binary_sensor.*_lock_jammed');
  });

  test('a keypad unlock inside the unusual hours: exactly one alert naming slot 3; outside them: none', async () => {
    const { time_zone } = (await ha.snapshot()).config;
    const h = localHour(time_zone);
    await installFor({ unusualHourStart: h, unusualHourEnd: (h + 2) % 24 });
    let from = notes.length;
    await act(lab, patio.node_id, { action: 'keypad_unlock', slot: 3 });
    const got = await settle(from, 'Lock Sentinel: unlock at an unusual hour', 'Patio Door');
    assert.equal(got.length, 1);
    assert.match(got[0].message, /keypad/);
    assert.match(got[0].message, /\b3\b/);
    await act(lab, patio.node_id, { action: 'keypad_lock', slot: 3 });

    await installFor({ unusualHourStart: (h + 3) % 24, unusualHourEnd: (h + 5) % 24 });
    from = notes.length;
    await act(lab, patio.node_id, { action: 'keypad_unlock', slot: 3 });
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(alerts(from, 'Lock Sentinel: unlock at an unusual hour', 'Patio Door').length, 0);
    await act(lab, patio.node_id, { action: 'keypad_lock', slot: 3 });
  });
});
