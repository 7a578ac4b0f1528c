// Real events through the lab's Home Assistant reach a live audit (websocket feed → Auditor) as findings.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { subscribeEntities, type Connection, type HassEntities } from 'home-assistant-js-websocket';
import { INITIAL_STATE } from '../../lab/z2m.mjs';
import { Auditor } from '../../src/engine.js';
import { captureHeader } from '../../src/ha/capture.js';
import { subscribeLockEvents, type Feed } from '../../src/ha/feed.js';
import type { HassState } from '../../src/model/ha.js';
import { callService, connect, fireEvent, getState, lab, moveEveryone, setTimeZone, waitFor, z2mState, zoneWhereHourIs, labHasZwave } from './support.js';

/** HA's entity map (subscribe_entities, kept current by the library) as the state list the engine reads, after every change. */
function subscribeStates(c: Connection, onStates: (states: HassState[]) => void): () => void {
  return subscribeEntities(c, (entities: HassEntities) => onStates(Object.values(entities).map((e) => ({
    entity_id: e.entity_id, state: e.state, attributes: e.attributes as Record<string, unknown>,
    last_changed: e.last_changed, last_updated: e.last_updated, context: e.context,
  }))));
}

let conn: Connection;
let auditor: Auditor;
let feed: Feed;

async function startAudit(c: Connection): Promise<{ auditor: Auditor; feed: Feed }> {
  const a = new Auditor(await captureHeader(c, new Date()), { eventsPresent: true });
  const f = await subscribeLockEvents(c, (e) => a.addEvent(e));
  return { auditor: a, feed: f };
}

/** Wrong codes as a person types them: apart in time (HA's event entity state has millisecond resolution). */
async function wrongCodes(n: number, action: string) {
  for (let i = 0; i < n; i++) {
    await z2mState({ ...INITIAL_STATE, action, action_source_name: 'keypad', action_user: 2 });
    await new Promise((r) => setTimeout(r, 50));
  }
}

const findings = (a: Auditor, id: string, entity: string) => a.report().findings.filter((f) => f.id === id && f.entity_id === entity);

/** Brings a demo lock to `state` through HA's lock service (demo locks take 2 s). */
async function drive(c: Connection, entity: string, service: 'lock' | 'unlock', state: string) {
  await callService(c, 'lock', service, {}, entity);
  await waitFor(async () => (await getState(c, entity))?.state === state, 15000, `${entity} to be ${state}`);
}

before(async () => {
  conn = await connect();
  ({ auditor, feed } = await startAudit(conn));
});

after(async () => {
  await feed.close();
  await moveEveryone(conn, 'home');
  await setTimeZone(conn, lab().time_zone);
  await z2mState(INITIAL_STATE);
  conn.close();
});

test('the admin feed subscribes to every lock event type', () => {
  assert.deepEqual(feed.refused, []);
  assert.deepEqual([...feed.subscribed].sort(), ['state_changed', 'zha_event', 'zwave_js_notification']);
});

test('five wrong codes on the Zigbee2MQTT lock (MQTT through mosquitto) raise failed-attempts', async () => {
  assert.equal(findings(auditor, 'failed-attempts', 'lock.back_door').length, 0);
  await wrongCodes(5, 'unlock_failure_invalid_pin_or_id');
  const [f] = await waitFor(() => findings(auditor, 'failed-attempts', 'lock.back_door'), 15000, 'a failed-attempts finding on lock.back_door');
  assert.equal(f.severity, 'critical');
  assert.match(f.evidence, /5 failed code entries/);
  const failed = auditor.timeline().filter((e) => e.lock === 'lock.back_door' && e.kind === 'failed');
  assert.equal(failed.length, 5);
});

test('four wrong codes stay below the burst threshold', async () => {
  const a = await startAudit(conn);
  try {
    await wrongCodes(4, 'lock_failure_invalid_pin_or_id');
    await waitFor(() => a.auditor.timeline().filter((e) => e.lock === 'lock.back_door' && e.kind === 'failed').length === 4, 15000, 'four failed entries');
    assert.equal(findings(a.auditor, 'failed-attempts', 'lock.back_door').length, 0);
  } finally {
    await a.feed.close();
  }
});

if (labHasZwave()) test('a Z-Wave "code limit exceeded" notification fired through HA raises failed-attempts on that lock', async () => {
  const zw = lab().zwave?.locks[0];
  assert.ok(zw, 'the lab has a Z-Wave lock (lab/zwave)');
  assert.equal(findings(auditor, 'failed-attempts', zw.lock_entity).length, 0);
  await fireEvent(conn, 'zwave_js_notification', {
    domain: 'zwave_js', node_id: zw.node_id, home_id: 3990524357, endpoint: 0, device_id: zw.device_id,
    command_class: 113, command_class_name: 'Notification', label: 'Access Control', type: 6, event: 19,
    event_label: 'Manually enter user access code exceeds code limit', parameters: {},
  });
  const [f] = await waitFor(() => findings(auditor, 'failed-attempts', zw.lock_entity), 10000, `failed-attempts on ${zw.lock_entity}`);
  assert.match(f.evidence, /exceeds code limit/);
});

test('a ZHA lock event for a device that is no lock in the registry reaches the feed but no lock', async () => {
  const before = auditor.timeline().length;
  const received = auditor.store.total;
  await fireEvent(conn, 'zha_event', {
    device_ieee: '00:0d:6f:00:0a:90:69:e7', unique_id: '00:0d:6f:00:0a:90:69:e7:1:0x0101', device_id: 'no-such-device',
    endpoint_id: 1, cluster_id: 257, command: 'operation_event_notification',
    args: { source: 'Keypad', operation: 'UnlockFailureInvalidPINorID', code_slot: 3 }, params: {},
  });
  await waitFor(() => auditor.store.total > received, 10000, 'the zha_event to arrive');
  assert.equal(auditor.timeline().length, before);
});

test('the demo lock that jams raises jammed', async () => {
  await callService(conn, 'lock', 'lock', {}, 'lock.poorly_installed_door');
  await waitFor(async () => (await getState(conn, 'lock.poorly_installed_door'))?.state === 'jammed', 15000, 'the demo lock to jam');
  const [f] = await waitFor(() => findings(auditor, 'jammed', 'lock.poorly_installed_door').filter((x) => Date.parse(x.time ?? '') > Date.now() - 60000), 10000, 'a jammed finding');
  assert.equal(f.severity, 'warning');
});

test('an unlock while both persons are away (their phones report fixes away from home) raises away-access; one while home does not', async () => {
  await drive(conn, 'lock.front_door', 'lock', 'locked');
  await drive(conn, 'lock.front_door', 'unlock', 'unlocked');
  assert.equal(findings(auditor, 'away-access', 'lock.front_door').length, 0, 'nobody was away yet');
  await drive(conn, 'lock.front_door', 'lock', 'locked');
  await moveEveryone(conn, 'not_home');
  await drive(conn, 'lock.front_door', 'unlock', 'unlocked');
  const [f] = await waitFor(() => findings(auditor, 'away-access', 'lock.front_door'), 10000, 'an away-access finding');
  assert.match(f.evidence, /nobody was home/);
  await moveEveryone(conn, 'home');
  await waitFor(async () => (await getState(conn, 'person.alice'))?.state === 'home', 10000, 'Alice back home');
});

test("unusual hours follow the time zone set in HA's config", async () => {
  const unusual = (a: Auditor) => findings(a, 'unusual-hour-access', 'lock.openable_lock');
  await drive(conn, 'lock.openable_lock', 'lock', 'locked');

  await setTimeZone(conn, zoneWhereHourIs(12));
  const noon = await startAudit(conn);
  await drive(conn, 'lock.openable_lock', 'unlock', 'unlocked');
  await waitFor(() => noon.auditor.timeline().some((e) => e.lock === 'lock.openable_lock' && e.kind === 'unlock'), 10000, 'the noon unlock');
  assert.equal(unusual(noon.auditor).length, 0);
  await noon.feed.close();
  await drive(conn, 'lock.openable_lock', 'lock', 'locked');

  const zone = zoneWhereHourIs(3);
  await setTimeZone(conn, zone);
  const night = await startAudit(conn);
  assert.equal(night.auditor.header.config.time_zone, zone);
  await drive(conn, 'lock.openable_lock', 'unlock', 'unlocked');
  const [f] = await waitFor(() => unusual(night.auditor), 10000, 'an unusual-hour finding');
  assert.match(f.evidence, /unusual hours 02:00-06:00/);
  await night.feed.close();
  await setTimeZone(conn, lab().time_zone);
});

test('live states (subscribe_entities) keep a running audit current: a battery drop on the Zigbee2MQTT lock is low-battery', async () => {
  const a = new Auditor(await captureHeader(conn, new Date()), { eventsPresent: true });
  const unsubscribe = subscribeStates(conn, (states) => a.updateStates(states));
  try {
    assert.equal(findings(a, 'low-battery', 'lock.back_door').length, 0);
    await z2mState({ ...INITIAL_STATE, battery: 12 });
    const [f] = await waitFor(() => findings(a, 'low-battery', 'lock.back_door'), 15000, 'low-battery on lock.back_door from live states');
    assert.match(f.evidence, /12%/);
  } finally {
    unsubscribe();
    await z2mState(INITIAL_STATE);
  }
});
