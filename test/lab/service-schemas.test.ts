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
import { generate, ID_PREFIX } from '../../src/generate/generate.js';
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

/** A generated automation's service action as the service call HA validates. */
const asCall = (a: Record<string, unknown>): ServiceCall => {
  const [domain, service] = String(a.action).split('.');
  return { domain, service, service_data: a.data as Record<string, unknown>, ...(a.target ? { target: a.target as { entity_id: string } } : {}) };
};

test('set and clear calls for Z-Wave JS, ZHA, Zigbee2MQTT and Matter, Matter\'s read and the Matter guest-expiry action pass Home Assistant\'s own service schemas', async () => {
  const [python, args] = labPython(root, lab().ha_key, join(root, 'test/lab/service-schemas.py'));
  assert.ok(existsSync(python), `the lab's Python (${python}) is made by \`npm run lab\``);
  const version = lab().ha_version;
  const matterCalls = hasMatterCredentials(version);
  // The guest-expiry automations and the breach script for a Matter lock, generated for this lab's HA release.
  const guest = { lock: 'lock.front_door', slot: 3, name: 'Guest', role: 'guest' as const, added: null, expires: '2099-01-01T00:00:00Z' };
  const gen = generate({ locks: [lock('matter')], registry: [guest], notify: [], haVersion: version });
  const expiry = gen.automations.find((a) => a.id === `${ID_PREFIX}guest_expiry_front_door_3`);
  const breachClears = gen.scripts.lock_sentinel_suspected_breach.sequence.filter((s) => String(s.action).startsWith('matter.'));
  if (matterCalls) {
    assert.ok(expiry, `HA ${version}: the Matter guest code gets its expiry automation`);
    assert.equal(breachClears.length, 1);
  } else {
    // The floor has no Matter lock services: the generator emits no Matter clear and says why; the product's clear refuses.
    assert.equal(expiry, undefined);
    assert.deepEqual(breachClears, []);
    assert.deepEqual(gen.notes.filter((n) => n.startsWith('guest code')), [`guest code lock.front_door slot 3: Home Assistant ${version.split('.').slice(0, 2).join('.')} has no matter.clear_lock_credential (it needs 2026.3+)`]);
    assert.throws(() => clearCodeServiceCall(lock('matter'), 3, { haVersion: version }), /has no matter\.clear_lock_credential/);
    assert.throws(() => setCodeServiceCall(lock('matter'), 3, PIN, { haVersion: version }), /has no matter\.set_lock_credential/);
  }
  const calls = [
    ...(['zwave_js', 'zha', 'zigbee2mqtt'] as Protocol[]).map((p) => setCodeServiceCall(lock(p), 3, PIN)),
    // Matter's set as the adapter builds it (on the floor too, where HA has no such service: the product refuses it there).
    matter.codes.set!(lock('matter'), 3, PIN),
    ...(['zwave_js', 'zha', 'zigbee2mqtt'] as Protocol[]).map((p) => clearCodeServiceCall(lock(p), 3)),
    // Matter's clear as the adapter builds it (on the floor too, where HA has no such service).
    matter.codes.clear!(lock('matter'), 3),
    // Matter: a PIN credential that is occupied is modified through the user holding it.
    matter.codes.set!(lock('matter'), 3, PIN, { credentialUsers: { 3: 2 } }),
    // The product's own Matter set, given this lab's release (2026.3+ only: the floor's is refused above).
    ...(matterCalls ? [setCodeServiceCall(lock('matter'), 3, PIN, { haVersion: version })] : []),
    // Matter's read of the occupied slots (HA 2026.3+).
    ...await readCalls((call) => matter.codes.read!(call, lock('matter')), () => ({ response: { 'lock.front_door': { max_users: 10, users: [] } } })),
    // The generated guest-expiry action and the breach script's clear (current HA only: the floor gets neither).
    ...(expiry ? [asCall(expiry.actions[0] as Record<string, unknown>)] : []),
    ...breachClears.map((s) => asCall(s as Record<string, unknown>)),
  ];
  // A wrong key must fail, or the check proves nothing.
  const wrong = [
    { domain: 'zwave_js', service: 'set_lock_usercode', service_data: { code_slot: 3, user_code: PIN }, target: { entity_id: 'lock.front_door' } },
    { domain: 'matter', service: 'clear_lock_credential', service_data: { credential_type: 'pin', credential_slot: 3 }, target: { entity_id: 'lock.front_door' } },
    { domain: 'matter', service: 'clear_lock_credential', service_data: { credential_type: 'pin_code', credential_index: 3 }, target: { entity_id: 'lock.front_door' } },
  ];
  const r = spawnSync(python, args, { input: JSON.stringify([...calls, ...wrong]), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr.split('\n').slice(-3).join(' '));
  assert.ok(!r.stdout.includes(PIN) && !r.stderr.includes(PIN), 'the check printed a PIN');
  const [head, ...lines] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ha?: string; call?: string; result?: string });
  const ha = head.ha!;
  assert.equal(ha, version, 'the check reads the HA the lab runs');
  const results = lines.map((l) => `${l.call} ${l.result}`);
  const onMatter = (result: string) => (matterCalls ? result : 'absent');
  assert.deepEqual(results, [
    'zwave_js.set_lock_usercode valid',
    'zha.set_lock_user_code valid',
    'mqtt.publish valid',
    `matter.set_lock_credential ${onMatter('valid')}`,
    'zwave_js.clear_lock_usercode valid',
    'zha.clear_lock_user_code valid',
    'mqtt.publish valid',
    `matter.clear_lock_credential ${onMatter('valid')}`,
    `matter.set_lock_credential ${onMatter('valid')}`,
    ...(matterCalls ? ['matter.set_lock_credential valid'] : []),
    `matter.get_lock_users ${onMatter('valid')}`,
    ...(matterCalls ? ['matter.clear_lock_credential valid', 'matter.clear_lock_credential valid'] : []),
    'zwave_js.set_lock_usercode invalid',
    `matter.clear_lock_credential ${onMatter('invalid')}`,
    `matter.clear_lock_credential ${onMatter('invalid')}`,
  ], `Home Assistant ${ha}`);
});
