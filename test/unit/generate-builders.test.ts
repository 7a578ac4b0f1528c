import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generate, ID_PREFIX, MARKER } from '../../src/generate/generate.js';
import { jinjaString, literal, literalData } from '../../src/generate/jinja.js';
import { notifyTargets } from '../../src/generate/alert.js';
import { toYaml } from '../../src/generate/yaml.js';
import { THRESHOLDS } from '../../src/thresholds.js';
import type { CodeRegistryEntry } from '../../src/model/ha.js';
import type { Lock, Protocol } from '../../src/model/lock.js';
import type { AutomationConfig } from '../../src/generate/types.js';

const lock = (id: string, protocol: Protocol, extra: Partial<Lock> = {}): Lock => ({
  entity_id: `lock.${id}`, name: id, protocol, device_id: `dev_${id}`, state: 'locked', last_changed: null,
  battery: null, battery_entity: null, firmware: null, door_entity: null, sensors: { tamper: [], jam: [], keypad_disabled: [] }, protocol_entities: {}, ...extra,
});

const HOSTILE = `{{ states('x') }} It's "Front" {% endraw %}\\`;
const LOCKS = [
  lock('front', 'zwave_js', { name: HOSTILE, battery_entity: 'sensor.front_battery', sensors: { tamper: ['binary_sensor.front_tamper'], jam: [], keypad_disabled: [] },
    firmware: { entity_id: 'update.front', installed: '1', latest: '2', update_available: true } }),
  lock('gate', 'zha'),
  lock('back', 'zigbee2mqtt', { protocol_entities: { action: ['event.back_action'] } }),
  lock('shed', 'generic', { device_id: null }),
];
const future = new Date(Date.now() + 86400000).toISOString();
const REGISTRY: CodeRegistryEntry[] = [
  { lock: 'lock.front', slot: 3, name: 'Anna {{ 7*7 }}', role: 'family', added: null, expires: null },
  { lock: 'lock.front', slot: 5, name: 'Eve', role: 'guest', added: null, expires: future },
  { lock: 'lock.gate', slot: 2, name: 'Old guest', role: 'guest', added: null, expires: '2020-01-01T00:00:00Z' },
  { lock: 'lock.shed', slot: 1, name: 'Shed guest', role: 'guest', added: null, expires: future },
];
const gen = generate({ locks: LOCKS, registry: REGISTRY, notify: ['notify.mobile_app_phone'] });
const byId = new Map(gen.automations.map((a) => [a.id, a]));
const get = (id: string): AutomationConfig => {
  const a = byId.get(ID_PREFIX + id);
  assert.ok(a, `automation ${id} generated`);
  return a;
};
const text = (v: unknown) => JSON.stringify(v);

describe('jinja literals', () => {
  test('plain names stay plain; anything with braces, % or # becomes a string literal', () => {
    assert.equal(literal('Front Door'), 'Front Door');
    assert.equal(literal(`It's "Front"`), `It's "Front"`);
    assert.equal(literal(HOSTILE), `{{ ${jinjaString(HOSTILE)} }}`);
    assert.equal(literal('100%'), '{{ "100%" }}');
  });

  test('the string literal reads back as exactly the name (JSON escapes are Jinja escapes)', () => {
    for (const s of [HOSTILE, 'tab\there', 'ünïcode ✓', '"}}"']) assert.equal(JSON.parse(jinjaString(s)), s);
  });

  test('service data strings are rendered literally only when they hold a block opener', () => {
    assert.deepEqual(literalData({ topic: 'zigbee2mqtt/{{x}}/set', payload: '{"a":{"b":1}}', n: 2 }),
      { topic: '{{ "zigbee2mqtt/{{x}}/set" }}', payload: '{"a":{"b":1}}', n: 2 });
  });
});

describe('generate', () => {
  test('every automation carries the id prefix and the description marker, ids are unique', () => {
    assert.equal(new Set(gen.automations.map((a) => a.id)).size, gen.automations.length);
    for (const a of gen.automations) {
      assert.ok(a.id.startsWith(ID_PREFIX), a.id);
      assert.ok(a.description.startsWith(MARKER), a.id);
      assert.ok(a.triggers.length > 0, `${a.id} has triggers`);
    }
  });

  test('kinds follow what each protocol reports', () => {
    const kinds = (l: string) => gen.automations.filter((a) => a.id.endsWith(`_${l}`)).map((a) => a.id.slice(ID_PREFIX.length, -l.length - 1)).sort();
    assert.deepEqual(kinds('front'), ['away_access', 'failed_attempts', 'firmware', 'jam', 'lockout', 'low_battery', 'tamper', 'unavailable', 'unusual_hour']);
    assert.deepEqual(kinds('gate'), ['away_access', 'failed_attempts', 'jam', 'unavailable', 'unusual_hour']);
    assert.deepEqual(kinds('back'), ['away_access', 'failed_attempts', 'jam', 'unavailable', 'unusual_hour']);
    assert.deepEqual(kinds('shed'), ['away_access', 'jam', 'unavailable', 'unusual_hour']);
    assert.ok(byId.has(`${ID_PREFIX}weekly_review`) && byId.has(`${ID_PREFIX}monthly_audit`));
  });

  test('triggers: Z-Wave and ZHA events filtered by device, Zigbee2MQTT action entities, lock state for generic locks', () => {
    assert.deepEqual(get('failed_attempts_front').triggers, [
      { trigger: 'event', event_type: 'zwave_js_notification', event_data: { device_id: 'dev_front', command_class: 113 } },
    ]);
    assert.deepEqual(get('failed_attempts_gate').triggers, [
      { trigger: 'event', event_type: 'zha_event', event_data: { device_id: 'dev_gate', command: 'operation_event_notification' } },
    ]);
    assert.deepEqual(get('failed_attempts_back').triggers, [{ trigger: 'state', entity_id: ['event.back_action'] }]);
    assert.deepEqual(get('unusual_hour_shed').triggers, [{ trigger: 'state', entity_id: 'lock.shed', to: ['unlocked', 'open'] }]);
    assert.deepEqual(get('tamper_front').triggers.at(-1), { trigger: 'state', entity_id: ['binary_sensor.front_tamper'], to: 'on' });
  });

  test('the failed-attempt test names Z-Wave wrong-code events and not unlocks', () => {
    const cond = text(get('failed_attempts_front').conditions);
    assert.match(cond, /\[6, 20\], \[6, 21\], \[6, 50\], \[7, 4\]/);
    assert.doesNotMatch(cond, /\[6, 6\]/);
  });

  test('thresholds come from THRESHOLDS and can be overridden', () => {
    assert.match(text(get('failed_attempts_front').actions), new RegExp(`count == ${THRESHOLDS.failedAttempts} `));
    const custom = generate({ locks: [LOCKS[0]], registry: [], notify: [],
      thresholds: { ...THRESHOLDS, failedAttempts: 3, failedWindowMinutes: 4, unusualHourStart: 1, unusualHourEnd: 5, lowBattery: 20, unavailableMinutes: 30 } });
    const c = new Map(custom.automations.map((a) => [a.id, a]));
    assert.match(text(c.get(`${ID_PREFIX}failed_attempts_front`)), /count == 3 /);
    assert.deepEqual(c.get(`${ID_PREFIX}failed_attempts_front`)!.actions.at(-1), { delay: { seconds: 240 } });
    assert.deepEqual(c.get(`${ID_PREFIX}unusual_hour_front`)!.conditions[1], { condition: 'time', after: '01:00:00', before: '05:00:00' });
    assert.equal(c.get(`${ID_PREFIX}low_battery_front`)!.triggers[0].below, 20);
    assert.deepEqual(c.get(`${ID_PREFIX}unavailable_front`)!.triggers[0].for, { minutes: 30 });
  });

  test('house names appear in messages only as Jinja string literals, plainly in aliases', () => {
    const away = get('away_access_front');
    assert.equal(away.alias, `Lock Sentinel: Unlock while nobody is home – ${HOSTILE}`);
    const message = text(away.actions);
    assert.ok(message.includes(JSON.stringify(jinjaString(HOSTILE)).slice(1, -1)), 'lock name as a string literal');
    assert.ok(message.includes(JSON.stringify(JSON.stringify({ 3: 'Anna {{ 7*7 }}', 5: 'Eve' })).slice(1, -1)), 'holders as a dict literal');
    const leaves = (v: unknown): string[] => typeof v === 'string' ? [v]
      : Array.isArray(v) ? v.flatMap(leaves) : v && typeof v === 'object' ? Object.values(v).flatMap(leaves) : [];
    for (const leaf of leaves(gen.automations.map((a) => [a.variables, a.triggers, a.conditions, a.actions]))) {
      assert.ok(!leaf.split(jinjaString(HOSTILE)).join('').includes("states('x')"), `bare template code in ${leaf}`);
    }
  });

  test('failed attempts: every failure is its own run, alive for the window; one alert per burst, updated with the count', () => {
    const f = get('failed_attempts_front');
    assert.equal(f.mode, 'parallel');
    assert.ok((f.max ?? 10) >= 100, 'HA would drop failures beyond 10 runs');
    assert.deepEqual((f.actions[0].variables as Record<string, string>).count, '{{ (this.attributes.current | int(0)) + 1 }}');
    const [, start, more, wait] = f.actions;
    assert.match(text(start), new RegExp(`count == ${THRESHOLDS.failedAttempts} .*persistent_notification\\.dismiss.*persistent_notification\\.create.*repeat\\.item`));
    assert.match(text(more), new RegExp(`count > ${THRESHOLDS.failedAttempts} `));
    assert.doesNotMatch(text(more), /repeat/, 'a later failure of the burst pushes nothing');
    const ids = [start, more].map((a) => text(a).match(/"notification_id":"([^"]+)"/g));
    assert.ok(ids.flat().every((x) => x === '"notification_id":"lock_sentinel_failed_attempts_{{ lock }}"'), 'one notification per lock');
    assert.deepEqual(wait, { delay: { seconds: THRESHOLDS.failedWindowMinutes * 60 } });
  });

  test('pushes skip notify.persistent_notification (every alert makes its persistent notification already)', () => {
    for (const a of gen.automations) {
      for (const m of text(a.actions).matchAll(/"for_each":"([^"]*)"/g)) assert.match(m[1], /reject\('eq', 'notify\.persistent_notification'\)/, a.id);
    }
  });

  test('a lock\'s changed_by is read with .get: locks without it log no template warning', () => {
    assert.match(text(get('away_access_shed').actions), /to_state\.attributes\.get\('changed_by'\)/);
    assert.doesNotMatch(text(gen.automations), /attributes\.changed_by/);
  });

  test('away-access is critical and needs every person away', () => {
    const away = get('away_access_front');
    assert.match(text(away.conditions), /selectattr\('state', 'eq', 'home'\) \| list \| count == 0/);
    const [persistent, targets] = away.actions.slice(1);
    assert.match(text(persistent), /CRITICAL/);
    assert.match(text(targets), /"critical":1/);
    assert.deepEqual(away.variables.notify_targets, ['notify.mobile_app_phone']);
  });

  test('guest expiry: future codes get a clearing automation through the lock\'s service; past and unclearable ones a note', () => {
    const g = get('guest_expiry_front_5');
    assert.deepEqual(g.triggers[0], { trigger: 'template', value_template: `{{ now() >= as_datetime('${future}') }}` });
    assert.deepEqual(g.actions[0], { action: 'zwave_js.clear_lock_usercode', target: { entity_id: 'lock.front' }, data: { code_slot: 5 } });
    assert.ok(!byId.has(`${ID_PREFIX}guest_expiry_gate_2`));
    assert.ok(gen.notes.some((n) => n.includes('lock.gate slot 2 expired already')));
    assert.ok(gen.notes.some((n) => n.startsWith('guest code lock.shed slot 1: Clearing a code is not supported')));
  });

  test('guest expiry loaded after its time (HA down, a late install or reload) acts once, late; before it, never', () => {
    const g = get('guest_expiry_front_5');
    assert.deepEqual(g.triggers.slice(1), [
      { trigger: 'homeassistant', event: 'start', id: 'catch_up' },
      { trigger: 'event', event_type: 'automation_reloaded', id: 'catch_up' },
    ]);
    const due = `as_datetime('${future}')`;
    assert.deepEqual(g.conditions, [{ condition: 'template',
      value_template: `{{ now() >= ${due} and (this.attributes.last_triggered is none or this.attributes.last_triggered < ${due}) }}` }]);
    assert.equal(g.max_exceeded, 'silent', 'reload events while it runs are no warnings');
    const y = toYaml(g);
    assert.match(y, /- trigger: homeassistant\n\s+event: start/);
    assert.match(y, /- trigger: event\n\s+event_type: automation_reloaded/);
  });

  test('every time-based automation also runs on HA start and on reload, guarded by its due time', () => {
    const timed = (a: AutomationConfig) => a.triggers.some((t) => t.trigger === 'time' || /now\(\)/.test(String(t.value_template ?? '')));
    const found = gen.automations.filter(timed).map((a) => a.id.slice(ID_PREFIX.length)).sort();
    assert.deepEqual(found, ['guest_expiry_front_5', 'low_battery_front', 'monthly_audit', 'weekly_review']);
    for (const id of found) {
      const a = get(id);
      assert.ok(a.triggers.some((t) => t.trigger === 'homeassistant' && t.event === 'start'), `${id}: on HA start`);
      assert.ok(a.triggers.some((t) => t.trigger === 'event' && t.event_type === 'automation_reloaded'), `${id}: on reload`);
    }
    assert.match(text(get('weekly_review').conditions), /now\(\) >= today_at\('19:00:00'\) and \(this\.attributes\.last_triggered is none or this\.attributes\.last_triggered < today_at\('19:00:00'\)\)/);
    assert.match(text(get('monthly_audit').conditions), /now\(\) >= today_at\('10:00:00'\) and /);
    assert.match(text(get('low_battery_front').conditions), /trigger\.id != 'catch_up' or now\(\) >= today_at\('09:00:00'\)/);
  });

  test('the breach script locks every lock, clears clearable guest codes and notifies', () => {
    const script = gen.scripts.lock_sentinel_suspected_breach;
    assert.deepEqual(script.sequence[1], { action: 'lock.lock', target: { entity_id: ['lock.front', 'lock.gate', 'lock.back', 'lock.shed'] }, continue_on_error: true });
    const clears = script.sequence.filter((s) => String(s.action).includes('clear'));
    assert.deepEqual(clears.map((c) => c.action), ['zwave_js.clear_lock_usercode', 'zha.clear_lock_user_code']);
    assert.ok(script.description.startsWith(MARKER));
  });

  test('no PIN from the snapshot can reach the output: the generator never reads codes', () => {
    const out = toYaml(gen.automations) + toYaml(gen.scripts);
    assert.doesNotMatch(out, /usercode"?:\s*"?\d/);
    assert.doesNotMatch(out, /in_use/);
  });

  test('--notify accepts notify services only', () => {
    assert.deepEqual(notifyTargets(['notify.mobile_app_a', 'notify.mobile_app_a', 'notify.b']), ['notify.mobile_app_a', 'notify.b']);
    assert.throws(() => notifyTargets(['light.kitchen']), /notify service/);
    assert.throws(() => notifyTargets(['notify.x{{ 1 }}']), /notify service/);
  });

  test('YAML quotes what YAML 1.1 would misread (on/off, times)', () => {
    const y = toYaml(get('firmware_front'));
    assert.match(y, /from: "off"/);
    assert.match(y, /to: "on"/);
    assert.match(toYaml(get('low_battery_front')), /at: "09:00:00"/);
  });

  test('bad entity ids are refused, not written into templates', () => {
    assert.throws(() => generate({ locks: [lock("x') }}{{ 1", 'generic', { device_id: 'd1' })], registry: [], notify: [] }), /Not a valid entity id/);
  });
});

describe('jam sensors', () => {
  test('the jam problem sensor discovered on the lock\'s device becomes a jam trigger; other devices\' sensors do not', async () => {
    const { discoverLocks } = await import('../../src/adapters/discovery.js');
    const header = {
      version: 1 as const, captured_at: '2026-01-01T00:00:00Z', config: { time_zone: 'UTC' },
      states: [
        { entity_id: 'lock.front', state: 'locked', attributes: { friendly_name: 'Front' } },
        { entity_id: 'binary_sensor.front_lock_jammed', state: 'off', attributes: { device_class: 'problem' } },
        { entity_id: 'binary_sensor.front_tamper', state: 'off', attributes: { device_class: 'tamper' } },
        { entity_id: 'binary_sensor.other_lock_jammed', state: 'off', attributes: {} },
      ],
      entity_registry: [
        { entity_id: 'lock.front', platform: 'zwave_js', device_id: 'dev_front' },
        { entity_id: 'binary_sensor.front_lock_jammed', platform: 'zwave_js', device_id: 'dev_front' },
        { entity_id: 'binary_sensor.front_tamper', platform: 'zwave_js', device_id: 'dev_front' },
        { entity_id: 'binary_sensor.other_lock_jammed', platform: 'zwave_js', device_id: 'dev_other' },
      ],
    };
    const [front] = discoverLocks(header);
    assert.deepEqual(front.sensors.jam, ['binary_sensor.front_lock_jammed']);
    const g = generate({ locks: [front], registry: [], notify: [] });
    const a = g.automations.find((x) => x.id === `${ID_PREFIX}jam_front`)!;
    assert.deepEqual(a.triggers.at(-1), { trigger: 'state', entity_id: ['binary_sensor.front_lock_jammed'], to: 'on' });
    assert.match(text(a.conditions), /trigger.entity_id in jam_entities/);
  });
});
