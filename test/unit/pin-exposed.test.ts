// pin-exposed, both sides of the rule documented in src/rules/pin-exposed.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit } from '../../src/engine.js';
import { exposes } from '../../src/rules/pin-exposed.js';
import type { HassState } from '../../src/model/ha.js';
import { house, st } from './helpers/house.js';

const CODE = '482913';
const flagged = (...extra: HassState[]) => {
  const r = audit(house({ locks: [{ id: 'lock.front', platform: 'zwave_js', name: 'Front' }], usercodes: { 'lock.front': { '3': { usercode: CODE, in_use: true } } }, extraStates: extra }));
  assert.ok(!JSON.stringify(r).includes(CODE), 'the report never shows the code');
  return r.findings.filter((f) => f.id === 'pin-exposed');
};

test('caught: string state, number attribute, nested attributes and lists, state of an entity with a unit, inside longer text', () => {
  const cases: [string, HassState][] = [
    ['string state', st('text.slot_3', CODE, { mode: 'password' })],
    ['number attribute', st('sensor.keypad', 'ok', { last_code: 482913 })],
    ['nested attributes', st('sensor.manager', 'ok', { slots: { '3': { settings: { pin: CODE } } } })],
    ['inside a list', st('sensor.manager2', 'ok', { history: [{ used: [1, 2, Number(CODE)] }] })],
    ['state with a unit', st('sensor.power', CODE, { unit_of_measurement: 'W', device_class: 'power' })],
    ['longer text', st('sensor.keypad_last', `Last code: ${CODE}`)],
    ['longer text, attribute', st('sensor.kp', 'ok', { message: `User 3 entered ${CODE}.` })],
  ];
  for (const [what, s] of cases) {
    const f = flagged(s);
    assert.equal(f.length, 1, what);
    assert.match(f[0].evidence, new RegExp(s.entity_id.replace('.', '\\.')), what);
  }
});

test('not caught: readings that merely contain the digits', () => {
  const cases: [string, HassState][] = [
    ['longer number as state', st('sensor.energy', '1482913', { unit_of_measurement: 'Wh' })],
    ['decimal reading', st('sensor.energy2', '4829.13', { unit_of_measurement: 'kWh' })],
    ['reading with the digits after the point', st('sensor.x', '0.482913')],
    ['bigger number attribute', st('sensor.y', 'ok', { counter: 4829130 })],
    ['digits inside a longer number in text', st('sensor.z', 'serial 9482913-1')],
    ['a version string', st('update.fw', 'off', { installed_version: '1.482913.2' })],
    ['a timestamp', st('sensor.t', '2026-11-20T04:82:91.3Z')],
  ];
  for (const [what, s] of cases) assert.equal(flagged(s).length, 0, what);
});

test('exposes(): dates never expose a 4-digit code unless equal; numbers only when equal', () => {
  assert.equal(exposes('2026-11-20', '2026'), false);
  assert.equal(exposes('updated 2026-11-20', '2026'), false);
  assert.equal(exposes('2026', '2026'), true);
  assert.equal(exposes(2026, '2026'), true);
  assert.equal(exposes(2026.5, '2026'), false);
  assert.equal(exposes('code is 2026!', '2026'), true);
});
