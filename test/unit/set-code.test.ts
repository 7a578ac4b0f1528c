// The strength gate and the one service call per protocol that carries a PIN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gateCode, proposeCode } from '../../src/services/code-gate.js';
import { setCodeServiceCall } from '../../src/services/set-code.js';
import { checkCode } from '../../src/rules/code-strength.js';
import type { Lock, Protocol } from '../../src/model/lock.js';

const lock = (protocol: Protocol, name = 'Front Door'): Lock => ({
  entity_id: 'lock.front_door', name, protocol, device_id: 'd1', state: 'locked', last_changed: null,
  battery: null, battery_entity: null, firmware: null, door_entity: null, sensors: { tamper: [], jam: [], keypad_disabled: [] }, protocol_entities: {},
});

test('Z-Wave JS: set_lock_usercode with the 1-based slot and the code as a string', () => {
  assert.deepEqual(setCodeServiceCall(lock('zwave_js'), 3, '048271'), {
    domain: 'zwave_js', service: 'set_lock_usercode', service_data: { code_slot: 3, usercode: '048271' }, target: { entity_id: 'lock.front_door' },
  });
});

test('ZHA: set_lock_user_code with the 1-based slot', () => {
  assert.deepEqual(setCodeServiceCall(lock('zha'), 2, '573194'), {
    domain: 'zha', service: 'set_lock_user_code', service_data: { code_slot: 2, user_code: '573194' }, target: { entity_id: 'lock.front_door' },
  });
});

test('Zigbee2MQTT: mqtt.publish of pin_code to the device set topic, 0-based user, PIN as a string, not retained', () => {
  const call = setCodeServiceCall(lock('zigbee2mqtt'), 1, '048271', { deviceName: 'Garage Lock' });
  assert.equal(call.domain, 'mqtt');
  assert.equal(call.service, 'publish');
  assert.equal(call.target, undefined);
  assert.equal(call.service_data.topic, 'zigbee2mqtt/Garage Lock/set');
  assert.ok(!call.service_data.retain, 'a retained PIN would stay on the broker');
  assert.deepEqual(JSON.parse(String(call.service_data.payload)), { pin_code: { user: 0, user_type: 'unrestricted', user_enabled: true, pin_code: '048271' } });
  assert.throws(() => setCodeServiceCall(lock('zigbee2mqtt', 'a/#'), 1, '573194'), /no usable Zigbee2MQTT name/);
});

test('Matter: set_lock_credential with a PIN credential on the lock entity, on HA 2026.3+ only', () => {
  const call = setCodeServiceCall(lock('matter'), 4, '573194', { haVersion: '2026.11.0' });
  assert.equal(call.domain, 'matter');
  assert.equal(call.service, 'set_lock_credential');
  assert.deepEqual(call.target, { entity_id: 'lock.front_door' });
  assert.equal(call.service_data.credential_type, 'pin');
  assert.equal(call.service_data.credential_data, '573194');
  // The slot is the PIN credential index (the one `clear_lock_credential` and `get_lock_users` name).
  assert.equal(call.service_data.credential_index, 4);
  // HA 2025.4 has no Matter lock services, and an HA of unknown release may not: refused before anything is sent.
  assert.throws(() => setCodeServiceCall(lock('matter'), 4, '573194', { haVersion: '2025.4.4' }),
    (e: Error) => e.message === 'Home Assistant 2025.4 has no matter.set_lock_credential (it needs 2026.3+)');
  for (const haVersion of [undefined, 'dev', 42]) {
    assert.throws(() => setCodeServiceCall(lock('matter'), 4, '573194', { haVersion }),
      (e: Error) => /matter\.set_lock_credential needs Home Assistant 2026\.3\+, and the version of this one is not known/.test(e.message) && !e.message.includes('573194'));
  }
  // Protocols whose services every supported release has need no version.
  assert.equal(setCodeServiceCall(lock('zwave_js'), 4, '573194').service, 'set_lock_usercode');
});

test('generic locks, bad slots and non-digit codes are refused, and the refusal never holds the code', () => {
  assert.throws(() => setCodeServiceCall(lock('generic'), 1, '573194'), (e: Error) => /not supported/.test(e.message) && !e.message.includes('573194'));
  assert.throws(() => setCodeServiceCall(lock('zwave_js'), 0, '573194'), /1 to 254/);
  assert.throws(() => setCodeServiceCall(lock('zwave_js'), 1, '57a194'), (e: Error) => !e.message.includes('57a194'));
});

test('the gate refuses weak codes, wrong lengths and a code equal to one already on a lock; reasons never hold the code', () => {
  for (const weak of ['123456', '111111', '121212', '19851204', '147258']) {
    const v = gateCode(weak, []);
    assert.equal(v.ok, false, weak);
    if (!v.ok) assert.ok(!v.reasons.join(' ').includes(weak));
  }
  const short = gateCode('5731', []);
  assert.equal(short.ok, false);
  assert.deepEqual(!short.ok && short.reasons, ['6-8 digits (got 4)']);
  assert.equal(gateCode('573194a', []).ok, false);
  assert.equal(gateCode('573194', []).ok, true);
  const taken = gateCode('573194', ['842637', ' 573194 ']);
  assert.deepEqual(!taken.ok && taken.reasons, ['the same as a code already set on a lock']);
});

test('proposed codes: 6-8 random digits, always strong, never one already set', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 300; i++) {
    const c = proposeCode(['573194']);
    assert.match(c, /^\d{6,8}$/);
    assert.equal(checkCode(c).verdict, 'strong', c);
    seen.add(c);
  }
  assert.ok(seen.size > 290, 'codes repeat');
  assert.deepEqual(new Set([...seen].map((c) => c.length)), new Set([6, 7, 8]));
  // A source that would give a taken or weak code first is skipped past.
  const words = [0, 5, 7, 3, 1, 9, 4, /* 573194, taken */ 0, 1, 1, 1, 1, 1, 1, /* 111111 weak */ 0, 8, 4, 2, 6, 3, 7];
  let i = 0;
  assert.equal(proposeCode(['573194'], () => words[i++]), '842637');
});

// The command as a user runs it (no Home Assistant needed for these: every refusal comes before anything is sent).
const cliRun = async (args: string[], input: string) => {
  const { spawnSync } = await import('node:child_process');
  const { join } = await import('node:path');
  const bin = join(import.meta.dirname, '../../bin/lock-sentinel.js');
  return spawnSync(process.execPath, [bin, 'set-code', ...args], { input, encoding: 'utf8', env: { ...process.env, LOCK_SENTINEL_URL: '', LOCK_SENTINEL_TOKEN: '' } });
};
const LIVE = ['--url', 'http://127.0.0.1:9', '--token', 't0ken', '--lock', 'lock.front_door', '--slot', '3'];
const oneLine = (s: string) => assert.equal(s.trim().split('\n').length, 1, s);

test('set-code: bad input is one line and exit 2, and no refusal ever holds the code', async () => {
  const cases: [string[], string, RegExp][] = [
    [['--lock', 'lock.front_door', '--slot', '3'], '', /needs --url URL --token TOKEN/],
    [[...LIVE.slice(0, 6), '--slot', 'x'], '', /--slot needs a slot number from 1 to 254/],
    [[...LIVE, '--role', 'boss'], '', /--role must be one of family, guest, service, admin/],
    [[...LIVE, '--expires', 'soon'], '', /--expires needs a date/],
    [[...LIVE, '573194'], '', /never from arguments/],
    [LIVE, '123456\n', /refused: the code is not strong enough \(one of the most common PINs, sequential digits/],
    [LIVE, '4711\n', /refused: .*6-8 digits \(got 4\)/],
    // No code piped and no terminal to show a proposed one on: nothing is proposed.
    [LIVE, '', /shown on a terminal only/],
    // A strong code, but Home Assistant cannot be reached: the code went nowhere.
    [LIVE, '573194\n', /cannot reach Home Assistant at http:\/\/127\.0\.0\.1:9/],
  ];
  for (const [args, input, expected] of cases) {
    const r = await cliRun(args, input);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, expected);
    oneLine(r.stderr);
    assert.equal(r.stdout, '');
    for (const pin of ['123456', '4711', '573194']) assert.ok(!r.stderr.includes(pin), `PIN in ${r.stderr}`);
  }
});
