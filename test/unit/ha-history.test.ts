// Recorder history rows → state_changed events, and which entities the CLI's capture and the card read history for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discoverLocks } from '../../src/adapters/discovery.js';
import { historyEntities, rowsToEvents } from '../../src/ha/history.js';
import type { SnapshotHeader } from '../../src/model/ha.js';
import type { Connection } from 'home-assistant-js-websocket';
import { captureSnapshot } from '../../src/ha/capture.js';
import { AuditSession } from '../../cards/lock-sentinel-card/data/session.js';
import { validateConfig } from '../../cards/lock-sentinel-card/config.js';
import { harness, iso, type Harness } from '../browser/fixtures.js';

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
const entities = (header: SnapshotHeader) => historyEntities(discoverLocks(header), header.states);

test('history covers each lock and the entities of its device the engine reads, and persons', () => {
  const header: SnapshotHeader = {
    version: 1, captured_at: '2026-11-20T12:00:00Z', config: { time_zone: 'UTC' },
    states: [
      st('lock.back'), { ...st('sensor.back_battery', { device_class: 'battery' }), state: '80' }, st('event.back_action'), st('lock.demo'), st('light.kitchen'),
      st('person.ann', { device_trackers: ['device_tracker.ann_phone'] }), st('device_tracker.ann_phone'), st('device_tracker.other'),
      st('sensor.back_linkquality'), st('update.back_firmware'),
    ],
    entity_registry: [
      { entity_id: 'lock.back', platform: 'mqtt', device_id: 'd1' },
      { entity_id: 'sensor.back_battery', platform: 'mqtt', device_id: 'd1' },
      { entity_id: 'event.back_action', platform: 'mqtt', device_id: 'd1' },
      { entity_id: 'sensor.back_linkquality', platform: 'mqtt', device_id: 'd1' },
      { entity_id: 'update.back_firmware', platform: 'mqtt', device_id: 'd1' },
      { entity_id: 'light.kitchen', platform: 'hue', device_id: 'd2' },
    ],
  };
  // Device trackers and entities the engine does not read (link quality) have no history worth loading.
  assert.deepEqual(entities(header), ['event.back_action', 'lock.back', 'lock.demo', 'person.ann', 'sensor.back_battery', 'update.back_firmware']);
});

test('without a registry, entities named after a lock are taken as its own', () => {
  const header: SnapshotHeader = {
    version: 1, captured_at: '2026-11-20T12:00:00Z', config: { time_zone: 'UTC' },
    states: [st('lock.back'), { ...st('sensor.back_battery', { device_class: 'battery' }), state: '80' }, { ...st('sensor.backyard_temp', { device_class: 'battery' }), state: '70' }, st('update.back_firmware')],
  };
  assert.deepEqual(entities(header), ['lock.back', 'sensor.back_battery', 'update.back_firmware']);
});

test('only entities the house has are asked for', () => {
  const header: SnapshotHeader = { version: 1, captured_at: '2026-11-20T12:00:00Z', config: { time_zone: 'UTC' }, states: [st('lock.back')] };
  const [lock] = discoverLocks(header);
  assert.deepEqual(historyEntities([{ ...lock, battery_entity: 'sensor.gone' }], header.states), ['lock.back']);
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

/** The CLI's connection over the same fake HA the card's hass talks to (the house as HA's websocket commands return it). */
function cliConnection(h: Harness): Connection {
  const answer = async (msg: { type: string; [k: string]: unknown }): Promise<unknown> => {
    switch (msg.type) {
      case 'get_config': return h.hass.config;
      case 'get_states': return Object.values(h.hass.states);
      case 'config/entity_registry/list': return Object.values(h.hass.entities ?? {}).map((e) => ({ ...e, device_id: e.device_id ?? null }));
      case 'config/device_registry/list': return Object.values(h.hass.devices ?? {});
      case 'auth/current_user': return h.hass.user;
      default: return h.hass.callWS(msg);
    }
  };
  return { sendMessagePromise: answer, subscribeMessage: async () => async () => undefined } as unknown as Connection;
}

/** A house with more on the locks' devices than the engine reads: a signal sensor, a problem sensor, an action entity, a tracker. */
function houseHarness(): Harness {
  const h = harness();
  const s = (entity_id: string, state: string, attributes: Record<string, unknown> = {}) =>
    ({ entity_id, state, attributes, last_changed: iso(3_600_000), last_updated: iso(3_600_000) });
  const more = [
    [s('sensor.front_door_signal', '-70'), 'zwave_js', 'dev-front'],
    [s('binary_sensor.front_door_lock_jammed', 'off', { device_class: 'problem' }), 'zwave_js', 'dev-front'],
    [s('event.garage_lock_action', 'unknown', { event_types: ['unlock'] }), 'mqtt', 'dev-garage'],
    [s('sensor.garage_lock_linkquality', '120'), 'mqtt', 'dev-garage'],
    [s('device_tracker.anna_phone', 'home'), 'mobile_app', null],
  ] as const;
  h.update(Object.fromEntries(more.map(([st]) => [st.entity_id, st])), {
    entities: { ...h.hass.entities, ...Object.fromEntries(more.map(([st, platform, device_id]) => [st.entity_id, { entity_id: st.entity_id, platform, device_id }])) },
  });
  return h;
}

const historyAsked = (h: Harness) => h.calls.filter((c) => c.type === 'history/history_during_period')
  .flatMap((c) => c.entity_ids as string[]).sort();

test('the CLI capture and the card ask HA for the history of the same entities on the same house', async () => {
  const cli = houseHarness();
  await captureSnapshot(cliConnection(cli), { days: 7 });
  const card = houseHarness();
  const session = new AuditSession(() => card.hass, () => validateConfig({ type: 'custom:lock-sentinel-card' }), () => undefined);
  await session.start();
  session.stop();
  const asked = historyAsked(card);
  assert.deepEqual(historyAsked(cli), asked);
  assert.deepEqual(asked, [
    'binary_sensor.front_door_lock_jammed', 'event.garage_lock_action', 'lock.back_door', 'lock.front_door', 'lock.garage',
    'person.anna', 'person.ben', 'sensor.back_door_battery', 'sensor.front_door_battery', 'update.front_door_firmware',
  ]);
});
