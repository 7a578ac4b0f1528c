// The card's audit is incremental: a state change of its entities or a live event updates the running Auditor;
// only registries, shared data or thresholds changing build a new one, and both ways give the same audit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AuditSession } from '../../cards/lock-sentinel-card/data/session.js';
import { validateConfig } from '../../cards/lock-sentinel-card/config.js';
import type { ConnectionEvent } from '../../cards/lock-sentinel-card/data/hass.js';
import type { HistoryResponse } from '../../src/ha/history.js';
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

test('after HA\'s connection drops and comes back, the card reads the gap from HA\'s history (not the whole period again)', async () => {
  const { h, session } = setup();
  const listeners = new Map<ConnectionEvent, Set<() => void>>();
  const emit = (t: ConnectionEvent) => { for (const cb of listeners.get(t) ?? []) cb(); };
  const base = h.hass;
  let gap: HistoryResponse | null = null;
  h.update({}, {
    connection: {
      ...base.connection,
      addEventListener: (t, cb) => { listeners.set(t, (listeners.get(t) ?? new Set()).add(cb)); },
      removeEventListener: (t, cb) => { listeners.get(t)?.delete(cb); },
    },
    callWS: (<T>(msg: { type: string }) => (msg.type === 'history/history_during_period' && gap
      ? base.callWS(msg).then(() => gap as T) : base.callWS<T>(msg))) as typeof base.callWS,
  });
  await session.start();
  const histories = () => h.calls.filter((c) => c.type === 'history/history_during_period');
  const loads = histories().length;
  emit('ready'); // a 'ready' without a drop (HA's first connection) reads nothing again
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(histories().length, loads);

  const droppedAt = Date.now();
  emit('disconnected');
  // While the card was away, the front door was unlocked and locked again: `hass` only ever shows "locked".
  const t = (msAgo: number) => (Date.now() - msAgo) / 1000;
  gap = { 'lock.front_door': [{ s: 'locked', a: { friendly_name: 'Front Door' }, lu: t(60_000) }, { s: 'unlocked', lu: t(200) }, { s: 'locked', lu: t(100) }] };
  const before = session.timeline.filter((e) => e.lock === 'lock.front_door' && e.kind === 'unlock').length;
  emit('ready');
  await waitFor(() => histories().length > loads);
  const start = Date.parse(String(histories().at(-1)!.start_time));
  assert.ok(start >= droppedAt - 5_000 && start <= droppedAt, 'from just before the drop, not the whole period');
  await waitFor(() => session.timeline.filter((e) => e.lock === 'lock.front_door' && e.kind === 'unlock').length === before + 1);
  session.stop();
  assert.equal([...listeners.values()].reduce((n, s) => n + s.size, 0), 0, 'stop() removes its connection listeners');
});

async function waitFor(probe: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !probe(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(probe());
}
