// The service data Lock Sentinel sends to set and clear codes, validated against the schemas of the Home Assistant
// the lab installed (read from HA's own source by a small Python check in the lab's venv). This covers the protocols
// the lab has no device for (ZHA needs a radio, Matter a Matter server) and the ones it has alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { lab, root } from './support.js';
import { labPython } from '../../lab/runtime.mjs';
import { setCodeServiceCall } from '../../src/services/set-code.js';
import { clearCodeServiceCall } from '../../src/services/clear-code.js';
import { matterActions as matter } from '../../src/adapters/matter.actions.js';
import type { ServiceCall, WsCall } from '../../src/adapters/protocol.js';
import type { Lock, Protocol } from '../../src/model/lock.js';

const PIN = '048271';
const lock = (protocol: Protocol): Lock => ({
  entity_id: 'lock.front_door', name: 'Front Door', protocol, device_id: 'd1', state: 'locked', last_changed: null,
  battery: null, battery_entity: null, firmware: null, door_entity: null, sensors: { tamper: [], jam: [], keypad_disabled: [] }, protocol_entities: {},
});

/** Matter's lock user and credential services (set_lock_credential, get_lock_users) arrived in HA 2026.3: the floor lacks them. */
const hasMatterCredentials = (ha: string) => { const [y, m] = ha.split('.').map(Number); return y > 2026 || (y === 2026 && m >= 3); };

/** The service calls the product's reads send (websocket `call_service` messages), as the service data HA validates. */
async function readCalls(read: (call: WsCall) => Promise<unknown>, answer: (msg: Record<string, unknown>) => unknown): Promise<ServiceCall[]> {
  const sent: ServiceCall[] = [];
  await read((async (msg: Record<string, unknown>) => {
    const { domain, service, service_data, target } = msg as unknown as ServiceCall;
    if (msg.type === 'call_service') sent.push({ domain, service, service_data, ...(target ? { target } : {}) });
    return answer(msg);
  }) as WsCall);
  return sent;
}

test('set and clear calls for Z-Wave JS, ZHA, Zigbee2MQTT and Matter, and Matter\'s read, pass Home Assistant\'s own service schemas', async () => {
  const [python, args] = labPython(root, lab().ha_key, join(root, 'test/lab/service-schemas.py'));
  assert.ok(existsSync(python), `the lab's Python (${python}) is made by \`npm run lab\``);
  const calls = [
    ...(['zwave_js', 'zha', 'zigbee2mqtt', 'matter'] as Protocol[]).map((p) => setCodeServiceCall(lock(p), 3, PIN)),
    ...(['zwave_js', 'zha', 'zigbee2mqtt'] as Protocol[]).map((p) => clearCodeServiceCall(lock(p), 3)),
    // Matter: a PIN credential that is occupied is modified through the user holding it.
    setCodeServiceCall(lock('matter'), 3, PIN, { credentialUsers: { 3: 2 } }),
    // Matter's read of the occupied slots (HA 2026.3+).
    ...await readCalls((call) => matter.codes.read!(call, lock('matter')), () => ({ response: { 'lock.front_door': { max_users: 10, users: [] } } })),
  ];
  // A wrong key must fail, or the check proves nothing.
  const wrong = { domain: 'zwave_js', service: 'set_lock_usercode', service_data: { code_slot: 3, user_code: PIN }, target: { entity_id: 'lock.front_door' } };
  const r = spawnSync(python, args, { input: JSON.stringify([...calls, wrong]), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr.split('\n').slice(-3).join(' '));
  assert.ok(!r.stdout.includes(PIN) && !r.stderr.includes(PIN), 'the check printed a PIN');
  const [head, ...lines] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ha?: string; call?: string; result?: string });
  const ha = head.ha!;
  const results = lines.map((l) => `${l.call} ${l.result}`);
  assert.deepEqual(results, [
    'zwave_js.set_lock_usercode valid',
    'zha.set_lock_user_code valid',
    'mqtt.publish valid',
    `matter.set_lock_credential ${hasMatterCredentials(ha) ? 'valid' : 'absent'}`,
    'zwave_js.clear_lock_usercode valid',
    'zha.clear_lock_user_code valid',
    'mqtt.publish valid',
    `matter.set_lock_credential ${hasMatterCredentials(ha) ? 'valid' : 'absent'}`,
    `matter.get_lock_users ${hasMatterCredentials(ha) ? 'valid' : 'absent'}`,
    'zwave_js.set_lock_usercode invalid',
  ], `Home Assistant ${ha}`);
});
