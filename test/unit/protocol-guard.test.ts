// Guards of the one-module-per-protocol rule: every signal the audit recognises is one the generated automations
// trigger on (per protocol), and each protocol's facts appear only in its own module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { actionsOf } from '../../src/adapters/actions.js';
import { PROTOCOLS } from '../../src/adapters/index.js';
import { signalOf, type ProtocolId, type Signal } from '../../src/adapters/protocol.js';
import { discoverLocks } from '../../src/adapters/discovery.js';
import { Auditor } from '../../src/engine.js';
import { generate } from '../../src/generate/generate.js';
import type { AlertKind, AutomationConfig, ConfigMap } from '../../src/generate/types.js';
import type { HassEvent } from '../../src/model/ha.js';
import { deviceOf, house, st, stateChanged, z2m, zha, zwave } from './helpers/house.js';

const LOCK = 'lock.door';
const T = '2026-11-19T03:10:00Z';

/** A report as HA sends it, and the literal the generated Jinja test must name to let it through. */
interface Sample { event: HassEvent; key: string }

const LOCK_STATES = ['locked', 'unlocked', 'open', 'jammed', 'locking', 'unlocking', 'opening'];
const stateSamples = (attrs: Record<string, unknown> = {}): Sample[] => LOCK_STATES.flatMap((from) => LOCK_STATES
  .filter((to) => to !== from).map((to) => ({ event: stateChanged(LOCK, T, from, to, attrs), key: JSON.stringify(to) })));
const SENSORS = { 'binary_sensor.door_tamper': 'tamper_entities', 'binary_sensor.door_lock_jammed': 'jam_entities', 'binary_sensor.door_keypad_temporary_disabled': 'lockout_entities' };
const sensorSamples = (): Sample[] => Object.entries(SENSORS).map(([id, variable]) => ({ event: stateChanged(id, T, 'off', 'on'), key: variable }));

// Every value HA can send (shared/ha-reference.md), not only those the protocol module lists.
const ZHA_OPERATIONS = ['UnknownOrMfgSpecific', 'Lock', 'Unlock', 'LockFailureInvalidPINorID', 'LockFailureInvalidSchedule', 'UnlockFailureInvalidPINorID',
  'UnlockFailureInvalidSchedule', 'OnTouchLock', 'KeyLock', 'KeyUnlock', 'AutoLock', 'ScheduleLock', 'ScheduleUnlock', 'Manual_Lock', 'Manual_Unlock',
  'Non_Access_User_Operational_Event'];
const Z2M_ACTIONS = ['unknown', 'lock', 'unlock', 'lock_failure_invalid_pin_or_id', 'lock_failure_invalid_schedule', 'unlock_failure_invalid_pin_or_id',
  'unlock_failure_invalid_schedule', 'one_touch_lock', 'key_lock', 'key_unlock', 'auto_lock', 'schedule_lock', 'schedule_unlock', 'manual_lock',
  'manual_unlock', 'non_access_user_operational_event', 'master_code_changed', 'pin_code_added', 'pin_code_deleted', 'pin_code_changed'];
const MATTER_SOURCES = ['Unspecified', 'Manual', 'Proprietary Remote', 'Keypad', 'Auto', 'Button', 'Schedule', 'Remote', 'RFID', 'Biometric', 'Aliro', 'Unknown'];

/** Per protocol: the registry platform of a lock that speaks it, and every report HA may send for it. */
const SAMPLES: Record<ProtocolId, { platform: string; samples: () => Sample[] }> = {
  zwave_js: {
    platform: 'zwave_js',
    samples: () => [6, 7].flatMap((type) => Array.from({ length: 64 }, (_, event) => ({ event: zwave(LOCK, T, type, event, 1), key: `[${type}, ${event}]` }))),
  },
  zha: { platform: 'zha', samples: () => ZHA_OPERATIONS.map((op) => ({ event: zha(LOCK, T, op, 'Keypad', 2), key: JSON.stringify(op) })) },
  zigbee2mqtt: { platform: 'mqtt', samples: () => Z2M_ACTIONS.map((a) => ({ event: z2m(LOCK, T, a, 1), key: JSON.stringify(a) })) },
  matter: { platform: 'matter', samples: () => MATTER_SOURCES.flatMap((changed_by) => stateSamples({ changed_by })) },
  generic: { platform: 'demo', samples: () => [...stateSamples(), ...sensorSamples()] },
};

/** The generated alert kinds that react to each signal. */
const KINDS: Record<Signal, AlertKind[]> = {
  unlock: ['unusual_hour', 'away_access'], failed: ['failed_attempts'], lockout: ['lockout'], tamper: ['tamper'], jam: ['jam'],
};

function houseFor(platform: string, events: HassEvent[]) {
  const snap = house({ locks: [{ id: LOCK, platform }], persons: { 'person.a': 'not_home' }, events });
  for (const [id, variable] of Object.entries(SENSORS)) {
    snap.states.push(st(id, 'off', { device_class: variable === 'tamper_entities' ? 'tamper' : 'problem' }));
    snap.entity_registry!.push({ entity_id: id, platform, device_id: deviceOf(LOCK) });
  }
  return snap;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** Whether an HA trigger fires for the event (event and state triggers, as the generator writes them). */
function fires(trigger: ConfigMap, e: HassEvent): boolean {
  if (trigger.trigger === 'event') {
    return trigger.event_type === e.event_type
      && Object.entries((trigger.event_data ?? {}) as ConfigMap).every(([k, v]) => e.data[k] === v);
  }
  if (trigger.trigger === 'state' && e.event_type === 'state_changed') {
    const d = e.data as { entity_id: string; new_state: { state: string } | null };
    return list(trigger.entity_id).includes(d.entity_id) && (trigger.to === undefined || list(trigger.to).includes(d.new_state?.state));
  }
  return false;
}

test('a sample list for every protocol in PROTOCOLS (a new protocol needs one here)', () => {
  for (const p of PROTOCOLS) assert.ok(SAMPLES[p.id], `no samples for protocol ${p.id}`);
});

for (const p of PROTOCOLS) {
  test(`${p.id}: every signal the audit recognises is one the generated automations trigger on and let through`, () => {
    const { platform, samples } = SAMPLES[p.id];
    const gen = generate({ locks: discoverLocks(houseFor(platform, [])), registry: [], notify: [] });
    const lockProtocol = discoverLocks(houseFor(platform, []))[0].protocol;
    assert.equal(lockProtocol, p.id);
    const recognised = new Set<Signal>();
    for (const { event, key } of samples()) {
      const auditor = new Auditor(houseFor(platform, [event]));
      auditor.addEvent(event);
      for (const signal of new Set(auditor.timeline().map(signalOf).filter((s): s is Signal => s !== null))) {
        recognised.add(signal);
        const automations = gen.automations.filter((a: AutomationConfig) => KINDS[signal].some((k) => a.id.startsWith(`lock_sentinel_${k}_`)));
        const what = `${signal} from ${JSON.stringify(event.data).slice(0, 160)}`;
        assert.ok(automations.length, `no automation for ${what}`);
        for (const a of automations) {
          assert.ok(a.triggers.some((tr) => fires(tr, event)), `${a.id} has no trigger for ${what}`);
          const cond = String(a.conditions[0]?.value_template ?? '');
          assert.ok(cond.includes(key), `${a.id}'s test does not let through ${key} (${what})`);
        }
      }
    }
    assert.ok(recognised.size > 0, `the audit recognised nothing of ${p.id}`);
  });
}

test('protocols with their own signals report each of them (their tables are read by the audit)', () => {
  for (const p of PROTOCOLS) {
    const { platform, samples } = SAMPLES[p.id];
    const seen = new Set<Signal>();
    for (const { event } of samples()) {
      const a = new Auditor(houseFor(platform, [event]));
      a.addEvent(event);
      for (const e of a.timeline()) if (e.via === 'protocol' && signalOf(e)) seen.add(signalOf(e)!);
    }
    // The lock-state module's signals come from states and sensors (via 'state'), proven by its test above.
    const own = (p.id === 'generic' ? [] : Object.keys(actionsOf(p.id).signals)) as Signal[];
    for (const s of own) assert.ok(seen.has(s), `${p.id} declares ${s} but the audit never reads one from its reports`);
  }
});

test("a protocol's capabilities say what its code services do (the card reads them before the services load)", () => {
  for (const p of PROTOCOLS) {
    const codes = actionsOf(p.id).codes;
    assert.equal(typeof codes.set === 'function', p.capabilities.codes !== 'none', `${p.id}: set`);
    // 'read': the PINs come back; a write-only protocol may still list its occupied slots (Matter), never the PINs.
    if (p.capabilities.codes === 'read') assert.equal(typeof codes.read, 'function', `${p.id}: read`);
    if (p.capabilities.codes === 'none') assert.equal(codes.read, undefined, `${p.id}: read`);
  }
  assert.equal(actionsOf(undefined), actionsOf('generic'));
});

// ---- source scan (lock_code_manager style): a protocol's facts live in its module only ----

const root = join(import.meta.dirname, '..', '..');
function files(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith('.ts'))
    .map((f) => relative(root, join(f.parentPath, f.name)));
}
/** Code without comments (comments may explain a protocol in prose). */
const code = (path: string) => readFileSync(join(root, path), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** Facts of one protocol: event types, services, topics, event numbers, entity names, its registry platform, its title. */
const FACTS: [RegExp, string][] = [
  [/zwave_js_notification|_lock_usercode|invoke_cc_api|command_class|\[\s*[67],\s*\d+\s*\]|'zwave_js'|integration_entities\('zwave_js'\)|'Z-Wave JS'/, 'src/adapters/zwave-js.ts'],
  [/zha_event|operation_event_notification|_lock_user_code|'zha'|'ZHA'/, 'src/adapters/zha.ts'],
  [/zigbee2mqtt\/|_failure_invalid_pin_or_id|'mqtt'|'zigbee2mqtt'|'Zigbee2MQTT'|_action(_user|_source_name)?['"`]/, 'src/adapters/zigbee2mqtt.ts'],
  [/set_lock_credential|clear_lock_credential|'matter'|'Matter'/, 'src/adapters/matter.ts'],
  [/keypad_temporar|_jam(med)?\b|'generic'|device_class === 'tamper'/, 'src/adapters/lock-state.ts'],
];
/** Where HA payloads are written on purpose: the demo house is data in HA's shapes; the model names the protocol ids. */
const DATA = new Set(['src/demo/house.ts', 'src/model/lock.ts']);

/**
 * The one list of protocols (src/adapters/index.ts) names each one's id and registry platforms in its manifest line,
 * which is found (and its module loaded) by them: those lines and nothing else there.
 */
const MANIFEST_LINE = /^ {2}\{ id: '[a-z0-9_]+', platforms: \[(?:'[a-z0-9_]+'(?:, )?)+\], load: \(\) => import\('\.\/[a-z0-9-]+\.js'\)\.then\(\(m\) => m\.\w+\) \},$/gm;
const withoutManifest = (f: string, text: string) => (f === 'src/adapters/index.ts' ? text.replace(MANIFEST_LINE, '') : text);

test('the manifest of src/adapters/index.ts has one line per protocol module, and nothing else there names a protocol', () => {
  const text = code('src/adapters/index.ts');
  const lines = text.match(MANIFEST_LINE) ?? [];
  const modules = files('src/adapters').filter((f) => !/\/(index|all|actions|protocol|discovery|lock-state)\.ts$|\.actions\.ts$/.test(f));
  assert.equal(lines.length, modules.length, `${lines.length} manifest lines for ${modules.length} protocol modules`);
  for (const m of modules) assert.ok(lines.some((l) => l.includes(`import('./${m.split('/').pop()!.replace(/\.ts$/, '.js')}')`)), `${m} has a manifest line`);
  // Every protocol module is registered for the Node faces.
  const all = code('src/adapters/all.ts');
  for (const m of modules) assert.ok(all.includes(`from './${m.split('/').pop()!.replace(/\.ts$/, '.js')}'`), `all.ts registers ${m}`);
});

test('protocol facts (event types, event numbers, services, topics, platforms) appear only in their protocol module', () => {
  const scanned = [...files('src'), ...files('cards')].filter((f) => !DATA.has(f));
  assert.ok(scanned.length > 50);
  const leaks: string[] = [];
  for (const f of scanned) {
    const text = withoutManifest(f, code(f));
    for (const [fact, home] of FACTS) {
      const m = text.match(fact);
      if (m && f !== home && f !== home.replace(/\.ts$/, '.actions.ts')) leaks.push(`${f}: ${m[0]} (belongs in ${home})`);
    }
  }
  assert.deepEqual(leaks, []);
});

// ---- the model and the card's views name no protocol: what differs between protocols comes from PROTOCOLS ----

/** Any protocol's name or id, as code would spell it (`Formatter` is no Matter). */
const PROTOCOL_NAME = /zwave|z-wave|zigbee|\bz2m\b|\bzha\b|\bmatter\b|\bmqtt\b/i;
/** The one place the model names protocols: the union of their ids (src/model/lock.ts). */
const PROTOCOL_IDS = /^export type Protocol = .*$/m;

test('the model, the card\'s views, its shared atoms and its presentation name no protocol (outside comments)', () => {
  const scanned = [...files('src/model'), ...files('cards/lock-sentinel-card/views'), ...files('cards/shared'), 'cards/lock-sentinel-card/present.ts'];
  assert.ok(scanned.length > 20);
  assert.ok(PROTOCOL_IDS.test(code('src/model/lock.ts')), 'the scan finds the ids it leaves out');
  const leaks = scanned.flatMap((f) => {
    const m = code(f).replace(PROTOCOL_IDS, '').match(PROTOCOL_NAME);
    return m ? [`${f}: ${m[0]}`] : [];
  });
  assert.deepEqual(leaks, []);
  // The scan would see a leak.
  assert.ok(PROTOCOL_NAME.test("if (lock.protocol === 'zwave_js')") && PROTOCOL_NAME.test('zigbee2mqttTopic') && !PROTOCOL_NAME.test('formatter'));
});

test('a discovered lock carries only the model\'s fields: a protocol\'s own entities sit in protocol_entities, by its names', () => {
  const snap = houseFor('mqtt', []);
  assert.ok(snap.states.some((s) => s.entity_id === 'event.door_action'), 'the house gives a Zigbee2MQTT lock its action entity');
  snap.states.push(st('sensor.door_action_user', '1'));
  snap.entity_registry!.push({ entity_id: 'sensor.door_action_user', platform: 'mqtt', device_id: deviceOf(LOCK) });
  const [lock] = discoverLocks(snap);
  assert.deepEqual(Object.keys(lock).sort(), ['battery', 'battery_entity', 'device_id', 'door_entity', 'entity_id', 'firmware', 'last_changed',
    'name', 'protocol', 'protocol_entities', 'sensors', 'state']);
  assert.deepEqual(Object.keys(lock.sensors).sort(), ['jam', 'keypad_disabled', 'tamper']);
  assert.deepEqual(Object.values(lock.protocol_entities).flat().sort(), ['event.door_action', 'sensor.door_action_user']);
  assert.deepEqual(lock.sensors.tamper, ['binary_sensor.door_tamper']);
});
