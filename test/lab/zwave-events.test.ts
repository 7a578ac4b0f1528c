// lab-needs: zwave (runs only against a lab whose Home Assistant can use the simulated Z-Wave locks: lab/versions.mjs)
// What Home Assistant's real zwave_js integration emits when a (mock) Z-Wave lock acts, and what the engine
// makes of it. The lock node is simulated; the driver, the Z-Wave JS server, HA and its client are real.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Auditor } from '../../src/engine.js';
import type { AccessEvent } from '../../src/model/lock.js';
import type { DeviceRegistryEntry, EntityRegistryEntry, HassEvent } from '../../src/model/ha.js';
import { act, isNotification, isStateChange, LiveHa, restoreBatteries, restorePresets, waitFor, zwaveLab, type ZwaveLab, type ZwaveLock } from './support.js';

const ACCESS_CONTROL = 6;
const HOME_SECURITY = 7;

let lab: ZwaveLab;
let ha: LiveHa;
let patio: ZwaveLock;
let garage: ZwaveLock;

/** The engine's reading of everything this session saw, on a snapshot captured now. */
async function engine(): Promise<Auditor> {
  const snap = await ha.snapshot();
  const auditor = new Auditor(snap);
  for (const e of snap.events) auditor.addEvent(e);
  return auditor;
}

const after_ = (t: number) => (e: AccessEvent) => e.time >= t;

before(async () => {
  lab = zwaveLab();
  [patio, garage] = lab.zwave.locks;
  ha = await LiveHa.open(lab);
  await restorePresets(lab, ha.conn);
  // A known starting point (the lab may be warm): both locks locked by hand, cover closed, keypad on, battery fine.
  for (const l of [patio, garage]) {
    const from = ha.events.length;
    for (const action of ['tamper_cleared', 'keypad_enabled']) await act(lab, l.node_id, { action });
    await act(lab, l.node_id, { action: 'battery', level: 90 });
    await act(lab, l.node_id, { action: 'manual_lock' });
    await ha.waitFor(from, isNotification(l.device_id, ACCESS_CONTROL, 1), `manual lock on ${l.lock_entity}`);
  }
  await waitFor(async () => (await ha.state(patio.battery_entity ?? '')) === '90.0', 10000, 'battery back at 90 %');
});

after(async () => {
  if (lab) await restoreBatteries(lab).catch(() => undefined);
  await ha?.close();
});

describe('Z-Wave lock through Home Assistant zwave_js', () => {
  test('the lab registers each mock lock as a zwave_js device with a lock entity and a battery sensor', async () => {
    const snap = await ha.snapshot();
    const devices = snap.device_registry as DeviceRegistryEntry[];
    const entities = snap.entity_registry as EntityRegistryEntry[];
    for (const l of [patio, garage]) {
      const device = devices.find((d) => d.id === l.device_id);
      assert.ok(device, `device ${l.device_id} of ${l.lock_entity} is in the registry`);
      assert.ok(device.identifiers?.some(([dom, id]) => dom === 'zwave_js' && id.endsWith(`-${l.node_id}`)),
        `device identifiers name node ${l.node_id}`);
      assert.equal(device.manufacturer, 'Yale');
      const lock = entities.find((e) => e.entity_id === l.lock_entity);
      assert.equal(lock?.platform, 'zwave_js');
      assert.equal(lock?.device_id, l.device_id);
      assert.ok(l.battery_entity && entities.some((e) => e.entity_id === l.battery_entity && e.device_id === l.device_id));
    }
    const auditor = await engine();
    const summary = auditor.report().locks.find((s) => s.entity_id === patio.lock_entity);
    assert.equal(summary?.protocol, 'zwave_js');
    assert.equal(summary?.device_id, patio.device_id);
    assert.equal(typeof summary?.battery, 'number');
  });

  test('keypad unlock by slot 3: Access Control 6/6 with userId 3 on the right device, lock unlocked, timeline names the slot', async () => {
    const from = ha.events.length;
    const t0 = Date.now();
    assert.deepEqual(await act(lab, patio.node_id, { action: 'keypad_unlock', slot: 3 }), [{ type: 6, event: 6, userId: 3 }]);
    const e = await ha.waitFor(from, isNotification(patio.device_id, ACCESS_CONTROL, 6), 'keypad unlock notification');
    assert.equal(e.data.domain, 'zwave_js');
    assert.equal(e.data.node_id, patio.node_id);
    assert.equal(e.data.command_class, 113);
    assert.equal(e.data.command_class_name, 'Notification');
    assert.equal(e.data.label, 'Access Control');
    assert.equal(e.data.event_label, 'Keypad unlock operation');
    assert.deepEqual(e.data.parameters, { userId: 3 });
    assert.equal(typeof e.data.home_id, 'number');
    await ha.waitFor(from, isStateChange(patio.lock_entity, 'unlocked'), `${patio.lock_entity} → unlocked`);

    const unlocks = (await engine()).timeline().filter(after_(t0)).filter((a) => a.kind === 'unlock');
    assert.equal(unlocks.length, 1, 'the notification and the state echo are one unlock');
    assert.equal(unlocks[0].lock, patio.lock_entity);
    assert.equal(unlocks[0].method, 'keypad');
    assert.equal(unlocks[0].slot, 3);
    assert.equal(unlocks[0].success, true);
  });

  test('a second lock: its events carry its own device_id and the engine attributes them to it', async () => {
    const from = ha.events.length;
    const t0 = Date.now();
    await act(lab, garage.node_id, { action: 'keypad_unlock', slot: 1 });
    const e = await ha.waitFor(from, isNotification(garage.device_id, ACCESS_CONTROL, 6), 'keypad unlock on the garage lock');
    assert.notEqual(e.data.device_id, patio.device_id);
    assert.equal(e.data.node_id, garage.node_id);
    await ha.waitFor(from, isStateChange(garage.lock_entity, 'unlocked'), `${garage.lock_entity} → unlocked`);
    const unlocks = (await engine()).timeline().filter(after_(t0)).filter((a) => a.kind === 'unlock');
    assert.deepEqual(unlocks.map((a) => [a.lock, a.slot]), [[garage.lock_entity, 1]]);
    await act(lab, garage.node_id, { action: 'keypad_lock', slot: 1 });
    await ha.waitFor(from, isStateChange(garage.lock_entity, 'locked'), `${garage.lock_entity} → locked`);
  });

  test('keypad lock by slot 1: Access Control 6/5, lock locked', async () => {
    const from = ha.events.length;
    await act(lab, patio.node_id, { action: 'keypad_lock', slot: 1 });
    const e = await ha.waitFor(from, isNotification(patio.device_id, ACCESS_CONTROL, 5), 'keypad lock notification');
    assert.deepEqual(e.data.parameters, { userId: 1 });
    await ha.waitFor(from, isStateChange(patio.lock_entity, 'locked'), `${patio.lock_entity} → locked`);
  });

  test('a wrong code (Access Control 50 or Home Security 4) is a failed keypad attempt', async () => {
    const from = ha.events.length;
    const t0 = Date.now();
    await act(lab, patio.node_id, { action: 'wrong_code' });
    const ac = await ha.waitFor(from, isNotification(patio.device_id, ACCESS_CONTROL, 50), 'invalid credential notification');
    assert.equal(ac.data.event_label, 'Invalid credential used');
    assert.deepEqual(ac.data.parameters, {});
    await act(lab, patio.node_id, { action: 'wrong_code', variant: 'home_security' });
    const hs = await ha.waitFor(from, isNotification(patio.device_id, HOME_SECURITY, 4), 'tampering-invalid-code notification');
    assert.equal(hs.data.label, 'Home Security');
    assert.equal(hs.data.event_label, 'Tampering, invalid code');
    const failed = (await engine()).timeline().filter(after_(t0)).filter((a) => a.kind === 'failed');
    assert.equal(failed.length, 2);
    assert.ok(failed.every((a) => a.lock === patio.lock_entity && a.method === 'keypad' && !a.success));
  });

  test('the code-limit lockout is event 19; "keypad temporarily disabled" (16) arrives only as a binary sensor', async () => {
    const from = ha.events.length;
    const t0 = Date.now();
    assert.deepEqual(await act(lab, patio.node_id, { action: 'lockout', keypad_disabled: true }),
      [{ type: 6, event: 19 }, { type: 6, event: 16 }]);
    const e = await ha.waitFor(from, isNotification(patio.device_id, ACCESS_CONTROL, 19), 'code-limit notification');
    assert.equal(e.data.event_label, 'Manually enter user access code exceeds code limit');
    const disabled = await ha.waitFor(from, (x) => x.event_type === 'state_changed'
      && String(x.data.entity_id).startsWith('binary_sensor.') && String(x.data.entity_id).endsWith('_keypad_temporary_disabled')
      && (x.data.new_state as { state?: string } | null)?.state === 'on', 'keypad-disabled binary sensor');
    assert.ok(String(disabled.data.entity_id).includes(patio.lock_entity.slice('lock.'.length)));
    assert.equal(ha.since(from, isNotification(patio.device_id, ACCESS_CONTROL, 16)).length, 0,
      'zwave-js turns state events (16) into values, not notifications');
    const lockouts = (await engine()).timeline().filter(after_(t0)).filter((a) => a.kind === 'lockout');
    assert.deepEqual(lockouts.map((a) => [a.lock, a.method]), [[patio.lock_entity, 'keypad']]);
  });

  test('a jam: no notification event, the "lock jammed" problem sensor goes on, the lock state unknown; the engine reports it', async () => {
    const from = ha.events.length;
    await act(lab, patio.node_id, { action: 'jam' });
    const jam = await ha.waitFor(from, (x) => x.event_type === 'state_changed' && String(x.data.entity_id).endsWith('_lock_jammed')
      && (x.data.new_state as { state?: string } | null)?.state === 'on', 'lock-jammed binary sensor');
    assert.equal((jam.data.new_state as { attributes: Record<string, unknown> }).attributes.device_class, 'problem');
    await ha.waitFor(from, isStateChange(patio.lock_entity, 'unknown'), `${patio.lock_entity} → unknown`);
    assert.equal(ha.since(from, isNotification(patio.device_id, ACCESS_CONTROL, 11)).length, 0,
      'zwave-js reports Lock state 11 as a value, not a notification');
    const findings = (await engine()).report().findings.filter((f) => f.id === 'jammed' && f.entity_id === patio.lock_entity);
    assert.equal(findings.length, 1, 'the engine sees the Z-Wave jam (HA 2025.4 shows it only as binary_sensor.*_lock_jammed)');
    await act(lab, patio.node_id, { action: 'manual_lock' });
    await ha.waitFor(from, isStateChange(patio.lock_entity, 'locked'), `${patio.lock_entity} → locked again`);
  });

  test('tamper (Home Security 3) arrives as the tamper binary sensor; the engine raises a critical tamper finding', async () => {
    const from = ha.events.length;
    await act(lab, patio.node_id, { action: 'tamper' });
    const s = await ha.waitFor(from, (x) => x.event_type === 'state_changed' && String(x.data.entity_id).startsWith('binary_sensor.')
      && (x.data.new_state as { attributes?: Record<string, unknown>; state?: string } | null)?.attributes?.device_class === 'tamper'
      && (x.data.new_state as { state?: string }).state === 'on', 'tamper binary sensor on');
    assert.ok(String(s.data.entity_id).startsWith(`binary_sensor.${patio.lock_entity.slice(5)}_`));
    const findings = (await engine()).report().findings.filter((f) => f.id === 'tamper' && f.entity_id === patio.lock_entity);
    assert.ok(findings.length >= 1);
    assert.equal(findings[0].severity, 'critical');
  });

  test('a battery drop to 8 % reaches the battery sensor and gives a low-battery finding', async () => {
    const from = ha.events.length;
    await act(lab, patio.node_id, { action: 'battery', level: 8 });
    await ha.waitFor(from, (x) => x.event_type === 'state_changed' && x.data.entity_id === patio.battery_entity
      && Number((x.data.new_state as { state?: string } | null)?.state) === 8, 'battery sensor at 8');
    const report = (await engine()).report();
    assert.equal(report.locks.find((l) => l.entity_id === patio.lock_entity)?.battery, 8);
    assert.equal(report.findings.filter((f) => f.id === 'low-battery' && f.entity_id === patio.lock_entity).length, 1);
  });

  test('codes changed at the keypad: event 14 then 13 with the slot, and HA sees the new code', async () => {
    const from = ha.events.length;
    const t0 = Date.now();
    await act(lab, patio.node_id, { action: 'code_added', slot: 7, code: '390517' });
    const added = await ha.waitFor(from, isNotification(patio.device_id, ACCESS_CONTROL, 14), 'code added notification');
    assert.equal(added.data.event_label, 'New user code added');
    assert.deepEqual(added.data.parameters, { userId: 7 });
    await act(lab, patio.node_id, { action: 'code_deleted', slot: 7 });
    const deleted = await ha.waitFor(from, isNotification(patio.device_id, ACCESS_CONTROL, 13), 'code deleted notification');
    assert.equal(deleted.data.event_label, 'Single user code deleted');
    assert.deepEqual(deleted.data.parameters, { userId: 7 });
    const changes = (await engine()).timeline().filter(after_(t0)).filter((a) => a.kind === 'code_change');
    assert.deepEqual(changes.map((a) => [a.lock, a.slot]), [[patio.lock_entity, 7], [patio.lock_entity, 7]]);
  });

  test('a PIN never reaches an event: notifications carry the slot only', () => {
    const zw: HassEvent[] = ha.events.filter((e) => e.event_type === 'zwave_js_notification');
    assert.ok(zw.length >= 8);
    for (const e of zw) assert.ok(!/390517|573194|906217|482916|"1234"/.test(JSON.stringify(e.data)), 'no code digits in an event');
  });
});
