// The access findings for each protocol's own way of reporting: positive and negative cases side by side.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit } from '../../src/engine.js';
import type { HassEvent } from '../../src/model/ha.js';
import { house, minutes, stateChanged, z2m, zha, zwave } from './helpers/house.js';

interface Protocol {
  platform: string;
  unlock: (lock: string, t: string) => HassEvent;
  lock: (lock: string, t: string) => HassEvent;
  /** One wrong code, where the protocol reports it. */
  failed?: (lock: string, t: string) => HassEvent;
}

const PROTOCOLS: Protocol[] = [
  { platform: 'zwave_js', unlock: (l, t) => zwave(l, t, 6, 6, 2), lock: (l, t) => zwave(l, t, 6, 5, 2), failed: (l, t) => zwave(l, t, 6, 50) },
  { platform: 'zha', unlock: (l, t) => zha(l, t, 'Unlock', 'Keypad', 2), lock: (l, t) => zha(l, t, 'Lock', 'Keypad', 2), failed: (l, t) => zha(l, t, 'UnlockFailureInvalidPINorID', 'Keypad', 2) },
  { platform: 'mqtt', unlock: (l, t) => z2m(l, t, 'unlock', 1), lock: (l, t) => z2m(l, t, 'lock', 1), failed: (l, t) => z2m(l, t, 'unlock_failure_invalid_pin_or_id', 1) },
  { platform: 'matter', unlock: (l, t) => stateChanged(l, t, 'locked', 'unlocked', { changed_by: 'Keypad' }), lock: (l, t) => stateChanged(l, t, 'unlocked', 'locked') },
  { platform: 'demo', unlock: (l, t) => stateChanged(l, t, 'locked', 'unlocked'), lock: (l, t) => stateChanged(l, t, 'unlocked', 'locked') },
];

const NIGHT = '2026-11-19T03:10:00Z';
const DAY = '2026-11-19T13:10:00Z';
const ids = (events: HassEvent[], platform: string, persons: Record<string, string>) =>
  audit(house({ locks: [{ id: 'lock.door', platform }], persons, events })).findings.map((f) => f.id).sort();

for (const p of PROTOCOLS) {
  test(`${p.platform}: an unlock at night with everyone away is unusual-hour and away access; by day with someone home, neither`, () => {
    assert.deepEqual(ids([p.unlock('lock.door', NIGHT)], p.platform, { 'person.a': 'not_home' }), ['away-access', 'unusual-hour-access']);
    assert.deepEqual(ids([p.unlock('lock.door', DAY)], p.platform, { 'person.a': 'home' }), []);
  });

  test(`${p.platform}: locking is not access: no finding at night, nobody home`, () => {
    assert.deepEqual(ids([p.lock('lock.door', NIGHT)], p.platform, { 'person.a': 'not_home' }), []);
  });

  if (p.failed) {
    const failed = p.failed;
    test(`${p.platform}: 5 wrong codes in 10 minutes are one failed-attempts finding; 4 are none`, () => {
      const burst = (n: number) => [...Array(n).keys()].map((i) => failed('lock.door', minutes(DAY, i)));
      assert.deepEqual(ids(burst(5), p.platform, { 'person.a': 'home' }), ['failed-attempts']);
      assert.deepEqual(ids(burst(4), p.platform, { 'person.a': 'home' }), []);
    });
  }
}
