// Access findings (failed attempts, unusual hours, away-access) per protocol, with positive and negative cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit } from '../../src/engine.js';
import type { Finding } from '../../src/model/finding.js';
import { house, minutes, stateChanged, z2m, zha, zwave } from './helpers/house.js';

const ids = (fs: Finding[], id: string) => fs.filter((f) => f.id === id);
const T = '2026-11-19T14:00:00Z';

test('Z-Wave: 5 failed codes within 10 minutes is one failed-attempts finding with count and window', () => {
  const events = [0, 2, 4, 6, 8].map((m) => zwave('lock.front', minutes(T, m), 6, 21));
  const r = audit(house({ locks: [{ id: 'lock.front', platform: 'zwave_js' }], events }));
  const f = ids(r.findings, 'failed-attempts');
  assert.equal(f.length, 1);
  assert.equal(f[0].entity_id, 'lock.front');
  assert.equal(f[0].severity, 'critical');
  assert.equal(f[0].time, '2026-11-19T14:00:00.000Z');
  assert.match(f[0].evidence, /5 failed code entries between 2026-11-19 14:00:00 and 2026-11-19 14:08:00/);
});

test('Z-Wave: 4 failed codes, or 5 spread over more than 10 minutes, give no finding', () => {
  const four = [0, 1, 2, 3].map((m) => zwave('lock.front', minutes(T, m), 6, 50));
  const spread = [0, 3, 6, 9, 12].map((m) => zwave('lock.front', minutes(T, m), 6, 21));
  for (const events of [four, spread]) {
    const r = audit(house({ locks: [{ id: 'lock.front', platform: 'zwave_js' }], events }));
    assert.equal(ids(r.findings, 'failed-attempts').length, 0);
  }
});

test('Z-Wave: the lock\'s own code-limit (19) and keypad-disabled (16) reports, together, are one burst', () => {
  const events = [zwave('lock.front', T, 6, 19), zwave('lock.front', minutes(T, 0.1), 6, 16)];
  const r = audit(house({ locks: [{ id: 'lock.front', platform: 'zwave_js' }], events }));
  const f = ids(r.findings, 'failed-attempts');
  assert.equal(f.length, 1);
  assert.match(f[0].evidence, /reported/);
});

test('a burst that keeps going is still one burst; a second burst an hour later is another, counted in the lock\'s one finding', () => {
  const events = [...Array(12).keys()].map((i) => zha('lock.back', minutes(T, i), 'UnlockFailureInvalidPINorID'))
    .concat([0, 1, 2, 3, 4].map((i) => zha('lock.back', minutes(T, 70 + i), 'LockFailureInvalidPINorID')));
  const r = audit(house({ locks: [{ id: 'lock.back', platform: 'zha' }], events: events.reverse() }));
  const f = ids(r.findings, 'failed-attempts');
  assert.equal(f.length, 1);
  assert.equal(f[0].count, 2);
  assert.match(f[0].evidence, /12 failed code entries/);
});

test('ZHA failures on another lock do not add up; events of unknown devices are ignored', () => {
  const events = [0, 1, 2].map((m) => zha('lock.back', minutes(T, m), 'UnlockFailureInvalidPINorID'))
    .concat([3, 4].map((m) => zha('lock.side', minutes(T, m), 'UnlockFailureInvalidPINorID')))
    .concat([5, 6].map((m) => zha('lock.ghost', minutes(T, m), 'UnlockFailureInvalidPINorID')));
  const r = audit(house({ locks: [{ id: 'lock.back', platform: 'zha' }, { id: 'lock.side', platform: 'zha' }], events }));
  assert.equal(ids(r.findings, 'failed-attempts').length, 0);
});

test('Zigbee2MQTT: failed actions through the event entity make a burst; 0-based action_user becomes slot+1', () => {
  const events = [0, 1, 2, 3, 4].map((m) => z2m('lock.garage', minutes(T, m), 'unlock_failure_invalid_pin_or_id', null));
  events.push(z2m('lock.garage', '2026-11-19T03:30:00Z', 'unlock', 0, 'keypad'));
  const snap = house({ locks: [{ id: 'lock.garage', platform: 'mqtt' }], events, registry: [{ lock: 'lock.garage', slot: 1, name: 'Ana', role: 'family', added: null, expires: null }] });
  const r = audit(snap);
  assert.equal(ids(r.findings, 'failed-attempts').length, 1);
  const u = ids(r.findings, 'unusual-hour-access');
  assert.equal(u.length, 1);
  assert.match(u[0].evidence, /slot 1 \(Ana\)/);
});

test('unusual hours are evaluated in HA\'s time zone: 02:00 inclusive, 06:00 exclusive', () => {
  const lock = [{ id: 'lock.front', platform: 'zwave_js' }];
  // Europe/Berlin is UTC+1 in November.
  const at = (utc: string) => audit(house({ tz: 'Europe/Berlin', locks: lock, events: [zwave('lock.front', utc, 6, 6, 1)] }));
  assert.equal(ids(at('2026-11-19T01:00:00Z').findings, 'unusual-hour-access').length, 1); // 02:00 local
  assert.equal(ids(at('2026-11-19T04:59:59Z').findings, 'unusual-hour-access').length, 1); // 05:59:59 local
  assert.equal(ids(at('2026-11-19T05:00:00Z').findings, 'unusual-hour-access').length, 0); // 06:00 local
  assert.equal(ids(at('2026-11-19T02:30:00Z').findings, 'unusual-hour-access').length, 1); // 03:30 local
  assert.equal(ids(at('2026-11-19T00:59:00Z').findings, 'unusual-hour-access').length, 0); // 01:59 local
  // The same instant in UTC is 03:30 there but 04:30 in Berlin: both unusual; 06:30 UTC is not.
  assert.equal(ids(audit(house({ tz: 'UTC', locks: lock, events: [zwave('lock.front', '2026-11-19T06:30:00Z', 6, 6)] })).findings, 'unusual-hour-access').length, 0);
});

test('a failed entry or a lock at night is not unusual-hour access; only successful unlocks are', () => {
  const events = [zwave('lock.front', '2026-11-19T03:00:00Z', 6, 5, 1), zwave('lock.front', '2026-11-19T03:01:00Z', 6, 21)];
  const r = audit(house({ locks: [{ id: 'lock.front', platform: 'zwave_js' }], events }));
  assert.equal(ids(r.findings, 'unusual-hour-access').length, 0);
});

test('a protocol unlock and the lock entity turning unlocked within 10 s are one unlock; further apart they are two', () => {
  const lock = [{ id: 'lock.front', platform: 'zwave_js' }];
  const near = [zwave('lock.front', '2026-11-19T03:00:00Z', 6, 6, 2), stateChanged('lock.front', '2026-11-19T03:00:08Z', 'locked', 'unlocked')];
  assert.equal(ids(audit(house({ locks: lock, events: near })).findings, 'unusual-hour-access').length, 1);
  const far = [zwave('lock.front', '2026-11-19T03:00:00Z', 6, 6, 2), stateChanged('lock.front', '2026-11-19T03:00:30Z', 'locked', 'unlocked')];
  const two = ids(audit(house({ locks: lock, events: far })).findings, 'unusual-hour-access');
  assert.deepEqual(two.map((f) => f.count), [2]);
});

test('Matter and generic locks: the unlock comes from the state change, with changed_by as who', () => {
  for (const platform of ['matter', 'demo']) {
    const events = [stateChanged('lock.door', '2026-11-19T02:15:00Z', 'locked', 'unlocked', { changed_by: 'Keypad' })];
    const r = audit(house({ locks: [{ id: 'lock.door', platform }], events }));
    const f = ids(r.findings, 'unusual-hour-access');
    assert.equal(f.length, 1, platform);
    assert.match(f[0].evidence, /by keypad/);
    assert.equal(r.locks[0].protocol, platform === 'matter' ? 'matter' : 'generic');
  }
});

test('away-access: an unlock while every person is away, from person state changes', () => {
  const lock = [{ id: 'lock.front', platform: 'zwave_js' }];
  const events = [
    stateChanged('person.a', '2026-11-19T08:00:00Z', 'home', 'not_home'),
    stateChanged('person.b', '2026-11-19T09:00:00Z', 'home', 'work'),
    zwave('lock.front', '2026-11-19T08:30:00Z', 6, 6, 1), // b still home
    zwave('lock.front', '2026-11-19T10:00:00Z', 6, 6, 1), // both away
    stateChanged('person.b', '2026-11-19T11:00:00Z', 'work', 'home'),
    zwave('lock.front', '2026-11-19T11:30:00Z', 6, 6, 1), // b home again
  ];
  const r = audit(house({ locks: lock, persons: { 'person.a': 'not_home', 'person.b': 'home' }, events }));
  const f = ids(r.findings, 'away-access');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'critical');
  assert.equal(f[0].time, '2026-11-19T10:00:00.000Z');
});

test('away-access: before a person\'s first change their old state counts; with no change the current state', () => {
  const lock = [{ id: 'lock.front', platform: 'zwave_js' }];
  const events = [
    zwave('lock.front', '2026-11-19T07:00:00Z', 6, 6, 1),
    stateChanged('person.a', '2026-11-19T08:00:00Z', 'not_home', 'home'),
  ];
  // a was away before 08:00 (old_state), b is away now and never changed: the 07:00 unlock was with nobody home.
  const r = audit(house({ locks: lock, persons: { 'person.a': 'home', 'person.b': 'not_home' }, events }));
  assert.equal(ids(r.findings, 'away-access').length, 1);
  // With b home now and never changed, b was home then.
  const r2 = audit(house({ locks: lock, persons: { 'person.a': 'home', 'person.b': 'home' }, events }));
  assert.equal(ids(r2.findings, 'away-access').length, 0);
});

test('away-access needs person entities: none, and the check is unknown, not passed', () => {
  const r = audit(house({ locks: [{ id: 'lock.front', platform: 'zwave_js' }], events: [zwave('lock.front', T, 6, 6, 1)] }));
  assert.equal(ids(r.findings, 'away-access').length, 0);
  assert.equal(r.checks.find((c) => c.id === 'no-away-access')?.status, 'unknown');
});

test('events may arrive in any order', () => {
  const events = [0, 2, 4, 6, 8].map((m) => zwave('lock.front', minutes(T, m), 6, 21)).reverse();
  const r = audit(house({ locks: [{ id: 'lock.front', platform: 'zwave_js' }], events }));
  assert.equal(ids(r.findings, 'failed-attempts').length, 1);
});

test('without events the access checks are unknown', () => {
  const r = audit(house({ locks: [{ id: 'lock.front', platform: 'zwave_js' }], noEvents: true }));
  for (const id of ['no-failed-attempt-bursts', 'no-unusual-hour-access', 'no-away-access']) {
    assert.equal(r.checks.find((c) => c.id === id)?.status, 'unknown', id);
  }
});

test('Zigbee2MQTT: an event entity with only event_type takes user and source from the action sensors of its device', () => {
  const snap = house({ locks: [{ id: 'lock.garage', platform: 'mqtt' }], registry: [{ lock: 'lock.garage', slot: 3, name: 'Cleo', role: 'family', added: null, expires: null }] });
  for (const s of ['sensor.garage_action_user', 'sensor.garage_action_source_name']) {
    snap.states.push({ entity_id: s, state: 'unknown', attributes: {} });
    snap.entity_registry!.push({ entity_id: s, platform: 'mqtt', device_id: 'dev-garage' });
  }
  const t = '2026-11-19T02:30:00.000Z';
  const later = '2026-11-19T02:30:00.050Z';
  snap.events = [
    // The sensors of the same MQTT message land a moment after the event entity, and may arrive first.
    stateChanged('sensor.garage_action_user', later, 'unknown', '2'),
    stateChanged('sensor.garage_action_source_name', later, 'unknown', 'keypad'),
    stateChanged('event.garage_action', t, '2026-01-01T00:00:00.000+00:00', t, { event_type: 'unlock' }),
  ];
  const r = audit(snap);
  assert.equal(r.locks[0].last_access?.slot, 3);
  assert.equal(r.locks[0].last_access?.method, 'keypad');
  assert.equal(r.locks[0].last_access?.holder, 'Cleo');
  assert.match(ids(r.findings, 'unusual-hour-access')[0].evidence, /slot 3 \(Cleo\)/);
});
