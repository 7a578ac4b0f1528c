// The card's audit is incremental: a state change of its entities or a live event updates the running Auditor;
// only registries, shared data or thresholds changing build a new one, and both ways give the same audit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AuditSession } from '../../cards/lock-sentinel-card/data/session.js';
import { validateConfig } from '../../cards/lock-sentinel-card/config.js';
import { harness, zwaveNotification } from '../browser/fixtures.js';

function setup() {
  const h = harness();
  const config = validateConfig({ type: 'custom:lock-sentinel-card' });
  const session = new AuditSession(() => h.hass, () => config, () => undefined);
  return { h, session };
}
const ids = (s: AuditSession) => (s.report?.findings ?? []).map((f) => `${f.id} ${f.entity_id}`).sort();

test('a state change and a live event update the running audit; no new Auditor, no replay', async () => {
  const { h, session } = setup();
  await session.start();
  const built = session.rebuilds;
  const auditor = session.auditorInstance;
  assert.ok(ids(session).includes('low-battery lock.front_door'));

  const before = h.hass.states;
  const battery = before['sensor.front_door_battery'];
  const after = h.update({ 'sensor.front_door_battery': { ...battery, state: '80', last_updated: new Date().toISOString() } }).states;
  session.recordStateChanges(before, after);
  session.refresh();
  assert.equal(session.rebuilds, built);
  assert.equal(session.auditorInstance, auditor);
  assert.ok(!ids(session).includes('low-battery lock.front_door'), 'the new battery level is read');

  const n = session.timeline.length;
  h.fire(zwaveNotification(6, 3));
  assert.equal(session.timeline.length, n + 1);
  assert.equal(session.auditorInstance, auditor);
  session.stop();
});

test('registries changing build a new Auditor, and it reads the same audit as the incremental one', async () => {
  const { h, session } = setup();
  await session.start();
  h.fire(zwaveNotification(6, 3));
  const incremental = { findings: ids(session), timeline: session.timeline.map((e) => `${e.time} ${e.lock} ${e.kind}`) };
  const built = session.rebuilds;
  h.update({}, { entities: { ...h.hass.entities } });
  session.refresh();
  assert.equal(session.rebuilds, built + 1);
  assert.deepEqual({ findings: ids(session), timeline: session.timeline.map((e) => `${e.time} ${e.lock} ${e.kind}`) }, incremental);
  session.stop();
});
