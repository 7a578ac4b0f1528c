// The live feed outlives a Home Assistant restart: home-assistant-js-websocket reconnects and re-subscribes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { subscribeLockEvents } from '../../src/ha/feed.js';
import type { HassEvent } from '../../src/model/ha.js';
import { connect, fireEvent, lab, movePerson, restartLab, waitFor } from './support.js';

test('after a restart of the lab the same feed delivers state changes and Z-Wave events again', async () => {
  const before = lab();
  const conn = await connect();
  const got: HassEvent[] = [];
  const feed = await subscribeLockEvents(conn, (e) => got.push(e));
  let disconnects = 0;
  let reconnects = 0;
  conn.addEventListener('disconnected', () => { disconnects++; });
  conn.addEventListener('ready', () => { reconnects++; });
  try {
    restartLab();
    assert.equal(lab().url, before.url, 'the restarted lab keeps its URL');
    await waitFor(() => reconnects > 0, 60000, 'the connection to come back');
    assert.ok(disconnects > 0);
    const since = Date.now();

    await movePerson('alice_phone', 'not_home');
    await waitFor(() => got.some((e) => e.event_type === 'state_changed' && Date.parse(e.time_fired) >= since
      && (e.data as { entity_id: string }).entity_id === 'device_tracker.alice_phone'), 15000, 'a state change after the restart');
    await movePerson('alice_phone', 'home');

    // The event as zwave_js fires it, for the lab's Z-Wave lock where it has one (the feed's re-subscription is
    // what is tested: HA delivers a fired event whatever device it names).
    const zw = lab().zwave?.locks[0];
    await fireEvent(conn, 'zwave_js_notification', {
      domain: 'zwave_js', node_id: zw?.node_id ?? 2, home_id: 1, endpoint: 0, device_id: zw?.device_id ?? 'lab-without-z-wave', command_class: 113,
      command_class_name: 'Notification', label: 'Access Control', type: 6, event: 2, event_label: 'Manual unlock operation', parameters: {},
    });
    const fired = () => got.filter((e) => e.event_type === 'zwave_js_notification' && Date.parse(e.time_fired) >= since);
    await waitFor(() => fired().length > 0, 15000, 'a zwave_js_notification after the restart');
    // The re-subscription replaced the old one: the event fired once arrives once (none lost, none doubled).
    await fireEvent(conn, 'lock_sentinel_lab_probe', {});
    assert.equal(fired().length, 1);
  } finally {
    await feed.close();
    conn.close();
  }
});
