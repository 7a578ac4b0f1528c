// Recorder history rows → state_changed events, and which entities a snapshot reads history for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { historyEntities, rowsToEvents } from '../../src/ha/history.js';
import type { SnapshotHeader } from '../../src/model/ha.js';

const start = new Date('2026-11-20T00:00:00Z');
const t = (iso: string) => Date.parse(iso) / 1000;

test('rows become state_changed events with old and new states; the start-of-window row is only the old state', () => {
  const rows = [
    { s: 'locked', a: { friendly_name: 'Front' }, lu: t('2026-11-19T08:00:00Z') },
    { s: 'unlocked', a: { friendly_name: 'Front' }, lu: t('2026-11-20T03:15:00.250Z') },
    { s: 'locked', lu: t('2026-11-20T03:20:00Z'), lc: t('2026-11-20T03:20:00Z') },
  ];
  const events = rowsToEvents('lock.front', rows, start);
  assert.equal(events.length, 2);
  const [first, second] = events;
  assert.equal(first.event_type, 'state_changed');
  assert.equal(first.time_fired, '2026-11-20T03:15:00.250Z');
  const d = first.data as { entity_id: string; old_state: { state: string }; new_state: { state: string; last_changed: string } };
  assert.equal(d.entity_id, 'lock.front');
  assert.equal(d.old_state.state, 'locked');
  assert.equal(d.new_state.state, 'unlocked');
  assert.equal(d.new_state.last_changed, '2026-11-20T03:15:00.250Z');
  // A row without attributes keeps the previous ones (HA leaves them out when unchanged).
  const d2 = second.data as { new_state: { attributes: Record<string, unknown> } };
  assert.deepEqual(d2.new_state.attributes, { friendly_name: 'Front' });
});

test('an entity whose first row lies inside the window gets an event with no old state', () => {
  const events = rowsToEvents('event.back_door_action', [{ s: '2026-11-20T10:00:00.000+00:00', a: { event_type: 'unlock' }, lu: t('2026-11-20T10:00:00Z') }], start);
  assert.equal(events.length, 1);
  assert.equal((events[0].data as { old_state: unknown }).old_state, null);
});

const st = (entity_id: string, attributes: Record<string, unknown> = {}) => ({ entity_id, state: 'x', attributes });

test('history covers locks, everything on their devices, persons and their trackers', () => {
  const header: SnapshotHeader = {
    version: 1, captured_at: '2026-11-20T12:00:00Z', config: { time_zone: 'UTC' },
    states: [
      st('lock.back'), st('sensor.back_battery'), st('event.back_action'), st('lock.demo'), st('light.kitchen'),
      st('person.ann', { device_trackers: ['device_tracker.ann_phone'] }), st('device_tracker.ann_phone'), st('device_tracker.other'),
      st('sensor.disabled_on_lock'),
    ],
    entity_registry: [
      { entity_id: 'lock.back', platform: 'mqtt', device_id: 'd1' },
      { entity_id: 'sensor.back_battery', platform: 'mqtt', device_id: 'd1' },
      { entity_id: 'event.back_action', platform: 'mqtt', device_id: 'd1' },
      { entity_id: 'sensor.disabled_on_lock', platform: 'mqtt', device_id: 'd1', disabled_by: 'user' },
      { entity_id: 'light.kitchen', platform: 'hue', device_id: 'd2' },
    ],
  };
  assert.deepEqual(historyEntities(header), [
    'device_tracker.ann_phone', 'event.back_action', 'lock.back', 'lock.demo', 'person.ann', 'sensor.back_battery',
  ]);
});

test('without a registry, entities named after a lock are taken as its own', () => {
  const header: SnapshotHeader = {
    version: 1, captured_at: '2026-11-20T12:00:00Z', config: { time_zone: 'UTC' },
    states: [st('lock.back'), st('sensor.back_battery'), st('sensor.backyard_temp'), st('update.back_firmware')],
  };
  assert.deepEqual(historyEntities(header), ['lock.back', 'sensor.back_battery', 'update.back_firmware']);
});

test('a history time in microseconds is the millisecond the live event\'s ISO time parses to (truncated, not rounded)', () => {
  // HA fires the live state_changed with time_fired "…39.136789+00:00" and keeps lu = …39.136789 in the recorder.
  const cases = ['2026-12-02T00:45:39.136789+00:00', '2026-12-02T00:45:39.136000+00:00', '2026-12-02T00:45:39.999999+00:00', '2026-12-02T00:45:39.000001+00:00'];
  for (const live of cases) {
    const [whole, micro] = live.slice(0, -6).split('.');
    const lu = Date.parse(`${whole}Z`) / 1000 + Number(`0.${micro}`);
    const event = rowsToEvents('event.back_door_action', [{ s: 'a', lu: lu - 60 }, { s: 'b', lu }], start).at(-1);
    assert.equal(Date.parse(event!.time_fired), Date.parse(live), live);
  }
});
