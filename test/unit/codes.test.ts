// Code findings: weak, duplicate, reused across locks, stale, expired, unregistered, exposed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit } from '../../src/engine.js';
import type { Finding } from '../../src/model/finding.js';
import type { CodeRegistryEntry } from '../../src/model/ha.js';
import { house, st, zwave, zha } from './helpers/house.js';

const ids = (fs: Finding[], id: string) => fs.filter((f) => f.id === id);
const FRONT = { id: 'lock.front', platform: 'zwave_js', name: 'Front Door' };
const BACK = { id: 'lock.back', platform: 'zha', name: 'Back Door' };
const entry = (lock: string, slot: number, name: string, extra: Partial<CodeRegistryEntry> = {}): CodeRegistryEntry =>
  ({ lock, slot, name, role: 'family', added: '2025-01-01T00:00:00Z', expires: null, ...extra });
const codes = (...list: [number, string, boolean?][]) =>
  Object.fromEntries(list.map(([slot, usercode, in_use = true]) => [String(slot), { usercode, in_use }]));
const noPin = (r: unknown, pins: string[]) => {
  const text = JSON.stringify(r);
  for (const p of pins) assert.ok(!text.includes(p), `report contains PIN ${p}`);
};

test('weak-code: one finding per weak in-use slot, never the code; unused slots are ignored', () => {
  const r = audit(house({ locks: [FRONT], usercodes: { 'lock.front': codes([1, '1234'], [2, '573194'], [3, '0000', false], [4, '19851204']) } }));
  const f = ids(r.findings, 'weak-code');
  assert.deepEqual(f.map((x) => x.evidence.match(/slot (\d+)/)?.[1]), ['1', '4']);
  assert.equal(f[0].entity_id, 'lock.front');
  noPin(r, ['1234', '19851204']);
});

test('duplicate-code: the same code in two in-use slots of one lock', () => {
  const r = audit(house({ locks: [FRONT], usercodes: { 'lock.front': codes([1, '573194'], [2, '573194'], [3, '842637']) } }));
  const f = ids(r.findings, 'duplicate-code');
  assert.equal(f.length, 1);
  assert.match(f[0].evidence, /slots 1, 2/);
  noPin(r, ['573194']);
  const none = audit(house({ locks: [FRONT], usercodes: { 'lock.front': codes([1, '573194'], [2, '573194', false]) } }));
  assert.equal(ids(none.findings, 'duplicate-code').length, 0);
});

test('code-reused-across-locks: warning for different people, info for the same registered person', () => {
  const usercodes = { 'lock.front': codes([1, '573194']), 'lock.back': codes([2, '573194']) };
  const diff = audit(house({ locks: [FRONT, BACK], usercodes, registry: [entry('lock.front', 1, 'Ana'), entry('lock.back', 2, 'Ben')] }));
  assert.equal(ids(diff.findings, 'code-reused-across-locks')[0].severity, 'warning');
  const same = audit(house({ locks: [FRONT, BACK], usercodes, registry: [entry('lock.front', 1, 'Ana'), entry('lock.back', 2, 'Ana')] }));
  const f = ids(same.findings, 'code-reused-across-locks');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'info');
  const unknownHolder = audit(house({ locks: [FRONT, BACK], usercodes }));
  assert.equal(ids(unknownHolder.findings, 'code-reused-across-locks')[0].severity, 'warning');
  const distinct = audit(house({ locks: [FRONT, BACK], usercodes: { 'lock.front': codes([1, '573194']), 'lock.back': codes([2, '842637']) } }));
  assert.equal(ids(distinct.findings, 'code-reused-across-locks').length, 0);
});

test('stale-code: no successful use for 90+ days, only when history reaches back 90 days', () => {
  const usercodes = { 'lock.front': codes([1, '573194'], [2, '842637'], [3, '196428']) };
  const events = [
    zwave('lock.front', '2026-06-01T10:00:00Z', 6, 6, 1), // 172 days before: stale
    zwave('lock.front', '2026-11-01T10:00:00Z', 6, 6, 2), // recent
    zwave('lock.front', '2026-11-02T10:00:00Z', 6, 21), // failed entries are no use
  ];
  const r = audit(house({ locks: [FRONT], usercodes, events }));
  const slots = ids(r.findings, 'stale-code').map((f) => f.evidence.match(/slot (\d+)/)?.[1]).sort();
  assert.deepEqual(slots, ['1', '3']);
  const short = audit(house({ locks: [FRONT], usercodes, events: [zwave('lock.front', '2026-11-01T10:00:00Z', 6, 6, 2)] }));
  assert.equal(ids(short.findings, 'stale-code').length, 0);
  assert.equal(short.checks.find((c) => c.id === 'unused-codes-deleted')?.status, 'unknown');
});

test('stale-code: a code added less than 90 days ago is not stale', () => {
  const r = audit(house({
    locks: [FRONT], usercodes: { 'lock.front': codes([1, '573194']) },
    events: [zwave('lock.front', '2026-06-01T10:00:00Z', 6, 1)],
    registry: [entry('lock.front', 1, 'New', { added: '2026-10-01T00:00:00Z' })],
  }));
  assert.equal(ids(r.findings, 'stale-code').length, 0);
});

test('expired-code: past expiry and still in use; cleared slots and future expiry are fine', () => {
  const registry = [
    entry('lock.front', 1, 'Guest A', { role: 'guest', expires: '2026-11-10T00:00:00Z' }),
    entry('lock.front', 2, 'Guest B', { role: 'guest', expires: '2026-11-10T00:00:00Z' }),
    entry('lock.front', 3, 'Guest C', { role: 'guest', expires: '2026-12-10T00:00:00Z' }),
  ];
  const r = audit(house({ locks: [FRONT], registry, usercodes: { 'lock.front': codes([1, '573194'], [2, '', false], [3, '842637']) } }));
  const f = ids(r.findings, 'expired-code');
  assert.equal(f.length, 1);
  assert.match(f[0].evidence, /Guest A/);
  assert.equal(f[0].severity, 'critical');
});

test('expired-code on a lock whose codes cannot be read (ZHA): known in use when it opened the door after expiry', () => {
  const registry = [entry('lock.back', 2, 'Guest', { role: 'guest', expires: '2026-11-10T00:00:00Z' })];
  const used = audit(house({ locks: [BACK], registry, events: [zha('lock.back', '2026-11-15T10:00:00Z', 'Unlock', 'Keypad', 2)] }));
  assert.equal(ids(used.findings, 'expired-code').length, 1);
  const notUsed = audit(house({ locks: [BACK], registry, events: [zha('lock.back', '2026-11-05T10:00:00Z', 'Unlock', 'Keypad', 2)] }));
  assert.equal(ids(notUsed.findings, 'expired-code').length, 0);
});

test('unregistered-code: an in-use slot without a registry entry; unknown without a registry', () => {
  const usercodes = { 'lock.front': codes([1, '573194'], [2, '842637']) };
  const r = audit(house({ locks: [FRONT], usercodes, registry: [entry('lock.front', 1, 'Ana')] }));
  const f = ids(r.findings, 'unregistered-code');
  assert.equal(f.length, 1);
  assert.match(f[0].evidence, /slot 2/);
  const noReg = audit(house({ locks: [FRONT], usercodes }));
  assert.equal(ids(noReg.findings, 'unregistered-code').length, 0);
  assert.equal(noReg.checks.find((c) => c.id === 'codes-documented')?.status, 'unknown');
});

test('pin-exposed: an in-use code as an entity\'s state or attribute, naming the entity and never the code', () => {
  const r = audit(house({
    locks: [FRONT], usercodes: { 'lock.front': codes([3, '573194'], [4, '842637']) },
    extraStates: [
      st('text.front_door_code_slot_3', '573194', { mode: 'password' }),
      st('sensor.lock_manager', 'ok', { slots: { '4': { pin: '842637' } } }),
      st('sensor.power', '573194', { unit_of_measurement: 'W' }),
    ],
  }));
  const f = ids(r.findings, 'pin-exposed');
  assert.equal(f.length, 3);
  assert.ok(f.some((x) => x.evidence.includes('sensor.power')), 'the state of an entity with a unit equal to the code');
  assert.ok(f.some((x) => x.evidence.includes('text.front_door_code_slot_3')));
  assert.ok(f.some((x) => x.evidence.includes('sensor.lock_manager')));
  noPin(r, ['573194', '842637']);
});

test('without usercodes every code check is unknown, never a pass', () => {
  const r = audit(house({ locks: [FRONT] }));
  for (const id of ['strong-codes', 'unique-codes', 'codes-differ-between-locks', 'codes-documented', 'unused-codes-deleted', 'codes-not-exposed']) {
    assert.equal(r.checks.find((c) => c.id === id)?.status, 'unknown', id);
  }
});
