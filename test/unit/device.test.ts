// Device findings: tamper, jammed, low-battery, firmware-update, lock-unavailable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit, Auditor } from '../../src/engine.js';
import type { Finding } from '../../src/model/finding.js';
import { house, stateChanged, z2m, zwave } from './helpers/house.js';

const ids = (fs: Finding[], id: string) => fs.filter((f) => f.id === id);

test('tamper: Z-Wave Home Security 3/4/9, a tamper binary sensor turning on; other home-security events are not', () => {
  const events = [
    zwave('lock.front', '2026-11-19T10:00:00Z', 7, 3),
    zwave('lock.front', '2026-11-19T11:00:00Z', 7, 9),
    zwave('lock.front', '2026-11-19T12:00:00Z', 7, 0),
    stateChanged('binary_sensor.side_tamper', '2026-11-19T13:00:00Z', 'off', 'on', { device_class: 'tamper' }),
  ];
  const r = audit(house({ locks: [{ id: 'lock.front', platform: 'zwave_js' }, { id: 'lock.side', platform: 'zha', tamper: 'off' }], events }));
  const f = ids(r.findings, 'tamper');
  assert.deepEqual(f.map((x) => [x.entity_id, x.count]).sort(), [['lock.front', 2], ['lock.side', 1]]);
});

test('tamper: a tamper sensor that is on now counts once; one that is off does not', () => {
  const on = audit(house({ locks: [{ id: 'lock.side', platform: 'zha', tamper: 'on' }] }));
  assert.equal(ids(on.findings, 'tamper').length, 1);
  const off = audit(house({ locks: [{ id: 'lock.side', platform: 'zha', tamper: 'off' }] }));
  assert.equal(ids(off.findings, 'tamper').length, 0);
});

test('jammed: from the Z-Wave event, from a state change, and a lock jammed now; the event and its state echo are one', () => {
  const events = [
    zwave('lock.front', '2026-11-19T10:00:00Z', 6, 11),
    stateChanged('lock.front', '2026-11-19T10:00:03Z', 'locking', 'jammed'),
    stateChanged('lock.demo', '2026-11-19T12:00:00Z', 'locking', 'jammed'),
  ];
  const r = audit(house({ locks: [{ id: 'lock.front', platform: 'zwave_js' }, { id: 'lock.demo', platform: 'demo', state: 'jammed', lastChanged: '2026-11-19T12:00:00Z' }, { id: 'lock.now', platform: 'matter', state: 'jammed' }], events }));
  const f = ids(r.findings, 'jammed');
  assert.deepEqual(f.map((x) => x.entity_id).sort(), ['lock.demo', 'lock.front', 'lock.now']);
  const fine = audit(house({ locks: [{ id: 'lock.front', platform: 'zwave_js', state: 'locked' }] }));
  assert.equal(ids(fine.findings, 'jammed').length, 0);
});

test('low-battery: below 30% from the battery sensor on the lock\'s device; 30% is fine', () => {
  const r = audit(house({ locks: [
    { id: 'lock.a', platform: 'zwave_js', battery: 29 },
    { id: 'lock.b', platform: 'zha', battery: 30 },
    { id: 'lock.c', platform: 'mqtt', battery: 5 },
  ] }));
  assert.deepEqual(ids(r.findings, 'low-battery').map((f) => f.entity_id), ['lock.a', 'lock.c']);
  assert.equal(r.locks.find((l) => l.entity_id === 'lock.a')?.battery, 29);
});

test('low-battery: without a battery anywhere the check is unknown', () => {
  const r = audit(house({ locks: [{ id: 'lock.a', platform: 'zwave_js' }] }));
  assert.equal(r.checks.find((c) => c.id === 'battery-ok')?.status, 'unknown');
});

test('firmware-update: the update entity on the lock\'s device is on', () => {
  const r = audit(house({ locks: [{ id: 'lock.a', platform: 'zwave_js', update: 'on' }, { id: 'lock.b', platform: 'zha', update: 'off' }] }));
  const f = ids(r.findings, 'firmware-update');
  assert.equal(f.length, 1);
  assert.equal(f[0].entity_id, 'lock.a');
  assert.match(f[0].evidence, /1\.0.*2\.0/);
  assert.equal(r.checks.find((c) => c.id === 'firmware-current')?.status, 'fail');
});

test('lock-unavailable: a lock whose state is unavailable', () => {
  const r = audit(house({ locks: [{ id: 'lock.a', platform: 'zwave_js', state: 'unavailable' }, { id: 'lock.b', platform: 'zha' }] }));
  assert.deepEqual(ids(r.findings, 'lock-unavailable').map((f) => f.entity_id), ['lock.a']);
});

test('without a registry, entities pair with a lock by name and the protocol is generic', () => {
  const snap = house({ locks: [{ id: 'lock.a', platform: 'zwave_js', battery: 10 }], noRegistry: true });
  const r = audit(snap);
  assert.equal(r.locks[0].protocol, 'generic');
  assert.equal(ids(r.findings, 'low-battery').length, 1);
});

test('Zigbee2MQTT: an event entity restored at start-up is no action', () => {
  const restored = stateChanged('event.garage_action', '2026-11-19T03:00:00Z', null, '2026-11-19T01:00:00.000+00:00', { event_type: 'unlock' });
  const r = audit(house({ locks: [{ id: 'lock.garage', platform: 'mqtt' }], events: [restored] }));
  assert.equal(ids(r.findings, 'unusual-hour-access').length, 0);
  const real = audit(house({ locks: [{ id: 'lock.garage', platform: 'mqtt' }], events: [z2m('lock.garage', '2026-11-19T03:00:00Z', 'unlock', 1)] }));
  assert.equal(ids(real.findings, 'unusual-hour-access').length, 1);
});

test('Z-Wave JS problem sensors: lock_jammed turning on is a jam; keypad_temporary_disabled is a lockout that merges with event 19', () => {
  const snap = house({ locks: [{ id: 'lock.patio', platform: 'zwave_js', state: 'unknown' }] });
  for (const [id, cls, state] of [['binary_sensor.patio_lock_jammed', 'problem', 'on'], ['binary_sensor.patio_keypad_temporary_disabled', undefined, 'off'],
    ['binary_sensor.patio_tampering_product_moved', 'tamper', 'off'], ['binary_sensor.patio_tampering_product_cover_removed', 'tamper', 'off']] as const) {
    snap.states.push({ entity_id: id, state, attributes: cls ? { device_class: cls } : {}, last_changed: '2026-11-19T10:00:00Z' });
    snap.entity_registry!.push({ entity_id: id, platform: 'zwave_js', device_id: 'dev-patio' });
  }
  snap.events = [
    stateChanged('binary_sensor.patio_lock_jammed', '2026-11-19T10:00:00Z', 'off', 'on', { device_class: 'problem' }),
    zwave('lock.patio', '2026-11-19T11:00:00Z', 6, 19),
    stateChanged('binary_sensor.patio_keypad_temporary_disabled', '2026-11-19T11:00:01Z', 'off', 'on'),
    stateChanged('binary_sensor.patio_tampering_product_moved', '2026-11-19T12:00:00Z', 'off', 'on', { device_class: 'tamper' }),
  ];
  const r = audit(snap);
  assert.deepEqual(ids(r.findings, 'jammed').map((f) => f.time), ['2026-11-19T10:00:00.000Z']);
  assert.equal(ids(r.findings, 'failed-attempts').length, 1);
  assert.equal(ids(r.findings, 'tamper').length, 1);
  const a = new Auditor(snap);
  for (const e of snap.events) a.addEvent(e);
  assert.deepEqual(a.timeline().filter((e) => e.kind === 'lockout').map((e) => [e.method, e.via]), [['keypad', 'protocol']]);
});

test('updateStates: a live auditor reads new states (battery, jam) and keeps the events it has', () => {
  const snap = house({ locks: [{ id: 'lock.a', platform: 'zwave_js', battery: 80 }] });
  const a = new Auditor(snap);
  a.addEvent(zwave('lock.a', '2026-11-19T03:00:00Z', 6, 6, 1));
  assert.equal(ids(a.report().findings, 'low-battery').length, 0);
  const states = snap.states.map((s) => (s.entity_id === 'sensor.a_battery' ? { ...s, state: '12' } : s.entity_id === 'lock.a' ? { ...s, state: 'jammed' } : s));
  a.updateStates(states, '2026-11-21T00:00:00Z');
  const r = a.report();
  assert.equal(ids(r.findings, 'low-battery').length, 1);
  assert.equal(ids(r.findings, 'jammed').length, 1);
  assert.equal(ids(r.findings, 'unusual-hour-access').length, 1);
  a.addEvent(zwave('lock.a', '2026-11-20T04:00:00Z', 6, 6, 1));
  assert.deepEqual(ids(a.report().findings, 'unusual-hour-access').map((f) => f.count), [2]);
});
