import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clearCodeServiceCall } from '../../src/services/clear-code.js';
import type { Lock, Protocol } from '../../src/model/lock.js';

const lock = (protocol: Protocol, name = 'Front Door'): Lock => ({
  entity_id: 'lock.front_door', name, protocol, device_id: 'd1', state: 'locked', last_changed: null,
  battery: null, battery_entity: null, firmware: null, door_entity: null, sensors: { tamper: [], jam: [], keypad_disabled: [] }, protocol_entities: {},
});

test('zwave_js clears the 1-based slot on the entity', () => {
  assert.deepEqual(clearCodeServiceCall(lock('zwave_js'), 3), {
    domain: 'zwave_js', service: 'clear_lock_usercode', service_data: { code_slot: 3 },
    target: { entity_id: 'lock.front_door' },
  });
});

test('zha clears the 1-based slot on the entity', () => {
  assert.deepEqual(clearCodeServiceCall(lock('zha'), 1), {
    domain: 'zha', service: 'clear_lock_user_code', service_data: { code_slot: 1 },
    target: { entity_id: 'lock.front_door' },
  });
});

test('zigbee2mqtt publishes the 0-based user with a null pin to the set topic', () => {
  const call = clearCodeServiceCall(lock('zigbee2mqtt'), 2, { deviceName: 'Back Door Lock' });
  assert.equal(call.domain, 'mqtt');
  assert.equal(call.service, 'publish');
  assert.equal(call.target, undefined);
  assert.equal(call.service_data.topic, 'zigbee2mqtt/Back Door Lock/set');
  assert.deepEqual(JSON.parse(String(call.service_data.payload)), { pin_code: { user: 1, pin_code: null } });
});

test('zigbee2mqtt falls back to the lock name and rejects wildcard names', () => {
  assert.equal(clearCodeServiceCall(lock('zigbee2mqtt', 'garage'), 1).service_data.topic, 'zigbee2mqtt/garage/set');
  assert.throws(() => clearCodeServiceCall(lock('zigbee2mqtt', 'a/#'), 1), /no usable Zigbee2MQTT name/);
});

test('matter clears the PIN credential index on HA 2026.3+ and throws where HA lacks the service; generic locks throw', () => {
  assert.deepEqual(clearCodeServiceCall(lock('matter'), 1, { haVersion: '2026.3.0' }), {
    domain: 'matter', service: 'clear_lock_credential', service_data: { credential_type: 'pin', credential_index: 1 },
    target: { entity_id: 'lock.front_door' },
  });
  assert.throws(() => clearCodeServiceCall(lock('matter'), 1, { haVersion: '2025.4.4' }), /Home Assistant 2025\.4 has no matter\.clear_lock_credential/);
  assert.throws(() => clearCodeServiceCall(lock('generic'), 1, { haVersion: '2026.11.0' }), /not supported for generic/);
});

test('protocols whose clear every supported HA has need no version', () => {
  for (const p of ['zwave_js', 'zha', 'zigbee2mqtt'] as Protocol[]) assert.ok(clearCodeServiceCall(lock(p), 1, { deviceName: 'Lock' }));
});

test('bad slots throw', () => {
  for (const bad of [0, -1, 1.5, 255, Number.NaN]) {
    assert.throws(() => clearCodeServiceCall(lock('zwave_js'), bad), /Code slot must be a whole number/);
  }
});
