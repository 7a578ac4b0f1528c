// Zigbee2MQTT codes over MQTT: Z2M's `users` state parsed into slots, the read's message flow (against the lab's own
// Z2M lock model, lab/z2m.mjs, behind a hand-written websocket), the set/clear topics, and how the audit judges them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit } from '../../src/engine.js';
import { zigbee2mqttActions as zigbee2mqtt, parseUsers, pinUsersOf, readOverMqtt, usercodesOf, deviceTopic, SLOTS_READ, MAX_SLOTS } from '../../src/adapters/zigbee2mqtt.actions.js';
import type { Lock } from '../../src/model/lock.js';
import type { WsCall, WsSubscribe } from '../../src/adapters/protocol.js';
import { PRESET_CODES, STATE_TOPIC, z2mLock, INITIAL_STATE } from '../../lab/z2m.mjs';
import { house } from './helpers/house.js';

test('parseUsers reads Z2M\'s state `users` by 0-based user id; anything else is no answer', () => {
  const users = parseUsers(JSON.stringify({
    ...INITIAL_STATE,
    users: { 0: { status: 'enabled', pin_code: '739164' }, 1: { status: 'enabled' }, 2: { status: 'available' }, 7: { status: 'enabled', pin_code: 4821 }, x: { status: 'enabled' }, 3: 'enabled', 4: {} },
  }));
  assert.ok(users);
  assert.deepEqual([...users.entries()], [
    [0, { status: 'enabled', pin_code: '739164' }], [1, { status: 'enabled' }], [2, { status: 'available' }], [7, { status: 'enabled', pin_code: '4821' }],
  ]);
  for (const p of ['not json', 'null', '[]', JSON.stringify(INITIAL_STATE), JSON.stringify({ users: [] }), JSON.stringify({ users: 'x' })]) assert.equal(parseUsers(p), null, p);
});

test('usercodesOf: slot = user + 1; `available` is empty even with Z2M\'s stale cached pin; no pin shown is in use, code unknown', () => {
  const codes = usercodesOf(new Map([
    [0, { status: 'enabled', pin_code: ' 739164 ' }],
    [1, { status: 'enabled' }],
    [2, { status: 'available', pin_code: '55555' }],
    [3, { status: 'disabled', pin_code: '614982' }],
  ]), 5);
  assert.deepEqual(codes, {
    1: { usercode: '739164', in_use: true },
    2: { usercode: '', in_use: true },
    3: { usercode: '', in_use: false },
    4: { usercode: '614982', in_use: true },
    5: { usercode: '', in_use: false },
  });
});

/** HA's websocket as Zigbee2MQTT's lock sees it through the broker: debug info, `mqtt.publish`, `mqtt/subscribe`. */
function fakeHa(lock = z2mLock(), opts: { retainedFirst?: boolean; answer?: boolean; pinUsers?: { field: string; value: unknown } } = {}) {
  const published: { topic: string; payload: string }[] = [];
  let listener: ((m: { topic: string; payload: string; retain: boolean }) => void) | null = null;
  let unsubscribed = 0;
  const call: WsCall = async <T>(msg: { type: string; [k: string]: unknown }): Promise<T> => {
    if (msg.type === 'mqtt/device/debug_info') {
      return { entities: [{ entity_id: 'lock.back_door', discovery_data: { payload: { command_topic: `${STATE_TOPIC}/set`, state_topic: STATE_TOPIC } } }], triggers: [] } as T;
    }
    if (msg.type === 'call_service' && msg.domain === 'mqtt' && msg.service === 'publish') {
      const { topic, payload } = msg.service_data as { topic: string; payload: string };
      published.push({ topic, payload });
      const answers = opts.answer === false ? [] : lock.handle(topic, payload);
      // A lock definition that publishes its slot count does so in every state message (Z2M sends the whole state).
      const extra = opts.pinUsers ? { [opts.pinUsers.field]: opts.pinUsers.value } : {};
      setTimeout(() => { for (const a of answers) listener?.({ topic: a.topic, payload: JSON.stringify({ ...(a.payload as object), ...extra }), retain: false }); }, 1);
      return null as T;
    }
    throw { code: 'unknown_command', message: msg.type };
  };
  const subscribe: WsSubscribe = async <T>(msg: { type: string; [k: string]: unknown }, onEvent: (e: T) => void) => {
    assert.equal(msg.type, 'mqtt/subscribe');
    assert.equal(msg.topic, STATE_TOPIC);
    listener = onEvent as typeof listener;
    // A replay of old retained state (a stale pin in slot 3) must not count as an answer.
    if (opts.retainedFirst) onEvent({ topic: STATE_TOPIC, payload: JSON.stringify({ users: { 2: { status: 'enabled', pin_code: '111111' } } }), retain: true } as T);
    return async () => { unsubscribed++; listener = null; };
  };
  return { call, subscribe, published, unsubscribed: () => unsubscribed };
}

const backDoor = { entity_id: 'lock.back_door', device_id: 'dev-back_door' };

test('readOverMqtt asks each slot on `<topic>/get` and reads the lab lock\'s presets from its answers, ignoring retained replays', async () => {
  const ha = fakeHa(z2mLock(), { retainedFirst: true });
  const read = await readOverMqtt(ha.call, backDoor, { subscribe: ha.subscribe });
  assert.ok(read);
  const { codes } = read;
  assert.equal(Object.keys(codes).length, SLOTS_READ);
  // The lock does not say how many slots it has: the read says which it read.
  assert.deepEqual(read.range, { read: SLOTS_READ, total: null });
  const inUse = Object.fromEntries(Object.entries(codes).filter(([, v]) => v.in_use).map(([s, v]) => [s, v.usercode]));
  assert.deepEqual(inUse, Object.fromEntries(Object.entries(PRESET_CODES).map(([u, pin]) => [String(Number(u) + 1), pin])));
  assert.equal(ha.published.length, SLOTS_READ);
  assert.deepEqual(ha.published[0], { topic: `${STATE_TOPIC}/get`, payload: '{"pin_code":{"user":0}}' });
  assert.ok(ha.published.every((p) => p.topic.endsWith('/get') && !/pin_code":"|"pin_code":\d/.test(p.payload)), 'a get carries no code');
  assert.equal(ha.unsubscribed(), 1);
});

test('readOverMqtt: without expose_pin the slots are in use with no code; a lock that never answers, or no subscription, is not read', async () => {
  const hidden = fakeHa(z2mLock({ exposePin: false }));
  const codes = (await readOverMqtt(hidden.call, backDoor, { subscribe: hidden.subscribe }))?.codes;
  assert.deepEqual(Object.entries(codes!).filter(([, v]) => v.in_use), [['1', { usercode: '', in_use: true }], ['2', { usercode: '', in_use: true }], ['4', { usercode: '', in_use: true }]]);
  const silent = fakeHa(z2mLock(), { answer: false });
  const t0 = Date.now();
  assert.equal(await readOverMqtt(silent.call, backDoor, { subscribe: silent.subscribe, answerMs: 300 }), null);
  assert.ok(Date.now() - t0 >= 290, 'waited for the first answer');
  assert.equal(silent.unsubscribed(), 1);
  assert.equal(await readOverMqtt(silent.call, backDoor, {}), null);
  assert.equal(await readOverMqtt(silent.call, { ...backDoor, device_id: null }, { subscribe: silent.subscribe }), null);
});

test('the device topic comes from HA\'s discovery data (command topic less /set, `~` expanded); set and clear publish there', async () => {
  const withTopic = (payload: unknown): WsCall => async <T>() => ({ entities: [{ entity_id: 'lock.back_door', discovery_data: { payload } }] }) as T;
  assert.equal(await deviceTopic(withTopic({ command_topic: 'z2m/Back Door/set' }), backDoor), 'z2m/Back Door');
  assert.equal(await deviceTopic(withTopic({ '~': 'zigbee2mqtt/gate', cmd_t: '~/set' }), backDoor), 'zigbee2mqtt/gate');
  assert.equal(await deviceTopic(withTopic({ state_topic: 'zigbee2mqtt/shed' }), backDoor), 'zigbee2mqtt/shed');
  assert.equal(await deviceTopic(withTopic({ command_topic: 'zigbee2mqtt/#/set' }), backDoor), null);
  assert.equal(await deviceTopic(async () => { throw { code: 'unknown_command' }; }, backDoor), null);
  const lock = { entity_id: 'lock.back_door', name: 'Back Door' } as Lock;
  const options = await zigbee2mqtt.codes.options!(withTopic({ command_topic: `${STATE_TOPIC}/set` }), backDoor);
  const set = zigbee2mqtt.codes.set!(lock, 5, '493817', options);
  assert.deepEqual(set.service_data, { topic: `${STATE_TOPIC}/set`, payload: '{"pin_code":{"user":4,"user_type":"unrestricted","user_enabled":true,"pin_code":"493817"}}' });
  assert.deepEqual(zigbee2mqtt.codes.clear!(lock, 5, options).service_data, { topic: `${STATE_TOPIC}/set`, payload: '{"pin_code":{"user":4,"pin_code":null}}' });
  // The lab lock takes them as Z2M does.
  const sim = z2mLock();
  sim.handle(set.service_data.topic as string, set.service_data.payload as string);
  assert.equal(sim.codes().get(4), '493817');
  sim.handle(set.service_data.topic as string, zigbee2mqtt.codes.clear!(lock, 5, options).service_data.payload as string);
  assert.equal(sim.codes().has(4), false);
});

const z2mHouse = (codes: Record<string, { usercode: string; in_use: boolean }>) => house({
  locks: [{ id: 'lock.back_door', platform: 'mqtt', name: 'Back Door' }, { id: 'lock.front', platform: 'zwave_js', name: 'Front' }],
  usercodes: { 'lock.back_door': codes, 'lock.front': { 1: { usercode: '905172', in_use: true } } },
});
const check = (r: ReturnType<typeof audit>, id: string) => r.checks.find((c) => c.id === id)!;

test('codes read over MQTT feed the same audit: the weak preset is flagged, and the evidence says how they were read', () => {
  const r = audit(z2mHouse({ 1: { usercode: '739164', in_use: true }, 2: { usercode: '2580', in_use: true }, 3: { usercode: '', in_use: false } }));
  const weak = r.findings.filter((f) => f.id === 'weak-code');
  assert.deepEqual(weak.map((f) => f.entity_id), ['lock.back_door']);
  assert.match(weak[0].evidence, /slot 2\b/);
  const strong = check(r, 'strong-codes');
  assert.equal(strong.status, 'fail');
  assert.match(strong.evidence, /2 of 2 locks' codes read or set through the strength gate \(Back Door: Zigbee2MQTT: read over MQTT\)/);
  assert.ok(!JSON.stringify(r).includes('2580') && !JSON.stringify(r).includes('739164'), 'no PIN in the report');
});

test('slots whose PIN Z2M does not show are occupied, strength unknown: no full pass, and the fix says how to make them known', () => {
  const r = audit(z2mHouse({ 1: { usercode: '739164', in_use: true }, 2: { usercode: '', in_use: true } }));
  const strong = check(r, 'strong-codes');
  assert.equal(strong.status, 'warn');
  assert.match(strong.evidence, /Back Door: Zigbee2MQTT: the PIN is not shown \(Zigbee2MQTT's `expose_pin` option is off\) of slot 2; slot 2 holds a code of unknown strength: set a new code through Lock Sentinel \(`lock-sentinel set-code --lock lock.back_door --slot 2`\)/);
  assert.equal(check(r, 'unique-codes').status, 'warn');
  assert.match(check(r, 'unique-codes').evidence, /1 of 2 locks' codes read; 1 lock's codes unknown \(Back Door: Zigbee2MQTT: the PIN is not shown/);
  // Set through the strength gate, the hidden slot is known again.
  const gated = z2mHouse({ 1: { usercode: '739164', in_use: true }, 2: { usercode: '', in_use: true } });
  gated.code_registry = [{ lock: 'lock.back_door', slot: 2, name: 'Ana', role: 'family', added: '2026-11-01T00:00:00Z', expires: null, set_strong: '2026-11-02T10:00:00Z' }];
  assert.equal(check(audit(gated), 'strong-codes').status, 'pass');
});

test('pinUsersOf: the slot count a lock definition publishes in its state (max_pin_users, num_pin_users); nothing else is one', () => {
  assert.equal(pinUsersOf(JSON.stringify({ state: 'LOCK', max_pin_users: 50 })), 50);
  assert.equal(pinUsersOf(JSON.stringify({ num_pin_users: '12' })), 12);
  for (const p of ['nope', 'null', '{}', JSON.stringify({ max_pin_users: 0 }), JSON.stringify({ max_pin_users: -3 }), JSON.stringify({ max_pin_users: 2.5 }), JSON.stringify({ max_pin_users: 'many' })]) {
    assert.equal(pinUsersOf(p), null, p);
  }
});

test('readOverMqtt reads as many slots as the lock says it has (up to the product\'s slot range), and says so when that is not every slot', async () => {
  const few = fakeHa(z2mLock(), { pinUsers: { field: 'max_pin_users', value: 8 } });
  const eight = await readOverMqtt(few.call, backDoor, { subscribe: few.subscribe });
  assert.equal(Object.keys(eight!.codes).length, 8);
  assert.equal(few.published.length, 8);
  assert.equal(eight!.range, undefined, 'every slot of the lock was read');
  const many = fakeHa(z2mLock({ count: 40 }), { pinUsers: { field: 'num_pin_users', value: 40 } });
  const forty = await readOverMqtt(many.call, backDoor, { subscribe: many.subscribe });
  assert.equal(Object.keys(forty!.codes).length, 40);
  assert.equal(forty!.range, undefined);
  const huge = fakeHa(z2mLock({ count: 1000 }), { pinUsers: { field: 'max_pin_users', value: 1000 } });
  const capped = await readOverMqtt(huge.call, backDoor, { subscribe: huge.subscribe, answerMs: 200 });
  assert.equal(Object.keys(capped!.codes).length, MAX_SLOTS);
  assert.deepEqual(capped!.range, { read: MAX_SLOTS, total: 1000 });
});

test('the audit: a Zigbee2MQTT lock read in part is partial coverage, never a full pass, and the evidence says which slots were read', () => {
  const strong: Record<string, { usercode: string; in_use: boolean }> = {};
  for (let s = 1; s <= SLOTS_READ; s++) strong[s] = s <= 2 ? { usercode: ['573194', '842637'][s - 1], in_use: true } : { usercode: '', in_use: false };
  const registry = [1, 2].map((slot) => ({ lock: 'lock.garage', slot, name: `P${slot}`, role: 'family' as const, added: '2026-11-01T00:00:00Z', expires: null }));
  const snap = house({ locks: [{ id: 'lock.garage', platform: 'mqtt', name: 'Garage' }], usercodes: { 'lock.garage': strong }, registry });
  // Every slot read (the lock said it has 30): a full pass.
  const full = audit(snap).checks.find((c) => c.id === 'strong-codes')!;
  assert.equal(full.status, 'pass');
  // The lock did not say how many it has: slots above 30 were not read.
  snap.usercode_slots = { 'lock.garage': { read: SLOTS_READ, total: null } };
  const r = audit(snap);
  for (const id of ['strong-codes', 'unique-codes', 'codes-documented', 'codes-not-exposed']) {
    const c = r.checks.find((x) => x.id === id)!;
    assert.equal(c.status, 'warn', id);
    assert.match(c.evidence, /but not every slot could be read\. 1 of 1 lock's codes read(?: or set through the strength gate)? \(Garage: Zigbee2MQTT: read over MQTT; Garage: Zigbee2MQTT: slots 1-30 read; slots above 30 not read \(the lock does not say how many it has\)\)/, id);
    assert.match(c.fix, /Codes in slots that were not read are not checked/, id);
  }
  // A weak code among the slots read still fails.
  snap.usercodes!['lock.garage'][3] = { usercode: '1234', in_use: true };
  assert.equal(audit(snap).checks.find((c) => c.id === 'strong-codes')!.status, 'fail');
  // The lock says it has 250; the snapshot says so.
  delete snap.usercodes!['lock.garage'][3];
  snap.usercode_slots = { 'lock.garage': { read: SLOTS_READ, total: 250 } };
  assert.match(audit(snap).checks.find((c) => c.id === 'strong-codes')!.evidence, /slots 1-30 read; slots above 30 not read \(the lock has 250\)/);
});
