// The CLI against the lab's real Home Assistant: discovery of every lock with its protocol, snapshots, errors.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { discoverLocks } from '../../src/adapters/discovery.js';
import type { AuditReport } from '../../src/engine.js';
import type { Snapshot } from '../../src/model/ha.js';
import { lab, runCli, labHasZwave } from './support.js';

const DEMO_LOCKS = ['lock.front_door', 'lock.kitchen_door', 'lock.openable_lock', 'lock.poorly_installed_door'];

test('audit --json of live HA lists every lock with the protocol of its integration', async () => {
  const { url, token, zwave } = lab();
  const r = await runCli(['audit', '--url', url, '--token', token, '--days', '0', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as AuditReport;
  const protocols = Object.fromEntries(report.locks.map((l) => [l.entity_id, l.protocol]));
  const expected: Record<string, string> = { 'lock.back_door': 'zigbee2mqtt' };
  for (const id of DEMO_LOCKS) expected[id] = 'generic';
  for (const z of zwave?.locks ?? []) expected[z.lock_entity] = 'zwave_js';
  assert.equal((zwave?.locks.length ?? 0) > 0, labHasZwave(), 'the lab runs the Z-Wave locks exactly where its HA can use them');
  assert.deepEqual(protocols, expected);
  const back = report.locks.find((l) => l.entity_id === 'lock.back_door');
  assert.ok(back?.device_id, 'the MQTT lock has a device');
  assert.equal(back?.firmware?.update_available, true);
  assert.equal(typeof back?.battery, 'number');
});

test('snapshot --out writes HA\'s own shapes, with a progress line while history loads and no token anywhere', async () => {
  const { url, token } = lab();
  const out = join(mkdtempSync(join(tmpdir(), 'ls-snap-')), 'snap.json');
  const r = await runCli(['snapshot', '--days', '1', '--out', out], { LOCK_SENTINEL_URL: url, LOCK_SENTINEL_TOKEN: token });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^history: \d+\/\d+ entities, last 1 day\(s\)$/m);
  assert.equal(r.stdout, '');
  const text = readFileSync(out, 'utf8');
  assert.ok(!text.includes(token) && !r.stderr.includes(token));
  const snap = JSON.parse(text) as Snapshot;
  assert.equal(snap.version, 1);
  assert.equal(snap.config.time_zone, lab().time_zone);
  for (const key of ['entity_registry', 'device_registry', 'users', 'current_user', 'automations', 'events'] as const) {
    assert.ok(key in snap, `snapshot has ${key}`);
  }
  assert.ok(snap.events!.every((e) => e.event_type === 'state_changed' && typeof e.time_fired === 'string'));
  assert.ok(snap.events!.some((e) => (e.data as { entity_id: string }).entity_id.startsWith('person.')), 'person history is included');

  // One device carries the Zigbee2MQTT lock, its battery, its action event, its action sensors and its update, as Z2M announces them.
  const reg = new Map(snap.entity_registry!.map((e) => [e.entity_id, e]));
  const device = reg.get('lock.back_door')?.device_id;
  const onDevice = snap.entity_registry!.filter((e) => e.device_id === device).map((e) => e.entity_id).sort();
  assert.deepEqual(onDevice, ['event.back_door_action', 'lock.back_door', 'sensor.back_door_action_source_name',
    'sensor.back_door_action_user', 'sensor.back_door_battery', 'update.back_door']);
  const dev = snap.device_registry!.find((d) => d.id === device);
  assert.equal(dev?.manufacturer, 'Yale');
  const [lock] = discoverLocks(snap).filter((l) => l.entity_id === 'lock.back_door');
  assert.equal(lock.battery_entity, 'sensor.back_door_battery');
  assert.deepEqual(lock.protocol_entities.action, ['event.back_door_action']);
  assert.equal(lock.firmware?.entity_id, 'update.back_door');
});

test('a wrong token ends with one clear line and exit 2', async () => {
  const r = await runCli(['audit', '--url', lab().url, '--token', 'not-a-token']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^lock-sentinel audit: Home Assistant at http:\/\/127\.0\.0\.1:\d+ refused the access token\n$/);
});

test('an unreachable URL ends with one clear line and exit 2', async () => {
  const r = await runCli(['snapshot', '--url', 'http://127.0.0.1:9', '--token', 'x']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^lock-sentinel snapshot: cannot reach Home Assistant at http:\/\/127\.0\.0\.1:9\n$/);
});

test('snapshot without a token says how to give one', async () => {
  const r = await runCli(['snapshot', '--url', lab().url]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^lock-sentinel snapshot: --token is required \(or set LOCK_SENTINEL_TOKEN\)\n$/);
});
