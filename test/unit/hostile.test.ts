// Defects an outside review found with inputs the team had not tried (session 21): each test plants the input and
// checks the promise (no pass without data, PINs never in any output, one clear error for bad input).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { audit } from '../../src/engine.js';
import type { AuditReport } from '../../src/engine.js';
import { SnapshotError } from '../../src/model/validate.js';
import type { Snapshot } from '../../src/model/ha.js';
import { house } from './helpers/house.js';

const RUNS = 40;
const status = (r: AuditReport, id: string) => r.checks.find((c) => c.id === id)!.status;

/** A ZHA lock (codes write-only) whose one registered slot claims to be set through the strength gate. */
function gated(setStrong: unknown): Snapshot {
  const snap = house({
    locks: [{ id: 'lock.back', platform: 'zha', name: 'Back' }],
    registry: [{ lock: 'lock.back', slot: 1, name: 'Ana', role: 'family', added: '2026-11-01T00:00:00Z', expires: null }],
  });
  (snap.code_registry![0] as unknown as Record<string, unknown>).set_strong = setStrong;
  return snap;
}

test('set_strong: only a real date-time makes a slot "set strong"; "1", 5, "yesterday" are refused, never a pass', () => {
  assert.equal(status(audit(gated('2026-11-02T10:00:00Z')), 'strong-codes'), 'pass');
  assert.equal(status(audit(gated(null)), 'strong-codes'), 'unknown');
  const notATime = fc.oneof(
    fc.integer(), fc.double(), fc.boolean(), fc.constantFrom('1', '12', '5', 'yesterday', '', ' ', '2026', '2026-13-01', '2026-02-30T00:00:00Z'),
    fc.string({ maxLength: 8 }).filter((s) => !/^\d{4}-\d{2}-\d{2}/.test(s)), fc.array(fc.nat(), { maxLength: 2 }),
  );
  fc.assert(fc.property(notATime, (v) => {
    let r: AuditReport;
    try { r = audit(gated(v)); } catch (e) {
      assert.ok(e instanceof SnapshotError && /code_registry\[0\]"\.set_strong/.test(e.message), String(e));
      return;
    }
    assert.notEqual(status(r, 'strong-codes'), 'pass', `set_strong ${JSON.stringify(v)} passed`);
  }), { numRuns: RUNS });
});

test('set_strong without a zone is read in Home Assistant\'s zone, not the machine\'s', () => {
  const snap = gated('2026-11-02T10:00:00');
  snap.config.time_zone = 'Asia/Tokyo';
  const r = audit(snap);
  assert.equal(status(r, 'strong-codes'), 'pass');
  assert.equal(snap.code_registry![0].set_strong, '2026-11-02T01:00:00.000Z');
});

/** A code as a person may write it: any script's digits, separators of any kind between them, text around it. */
const SCRIPTS = [0x30, 0xff10, 0x660, 0x6f0, 0x966, 0x1d7ce, 0x1d7ec];
const rendered = (code: string) => fc.tuple(
  fc.array(fc.constantFrom(...SCRIPTS), { minLength: code.length, maxLength: code.length }),
  fc.array(fc.array(fc.constantFrom('', ' ', '\u00a0', '\u2009', '\u3000', '-', '\u2010', '\u2013', '\u2212', '.', '/', ',', "'", '\u2019', '_', '\u200b', '\u200d', '\u00ad', '\u2060', '\x00', '\x1b', '\u202e', '\t', '\n'), { maxLength: 2 }).map((a) => a.join('')),
    { minLength: code.length, maxLength: code.length }),
  fc.constantFrom('', 'Front ', 'code: ', 'x', '1'), fc.constantFrom('', ' Door', '!', 'y', '9'),
).map(([scripts, gaps, before, after]) =>
  before + [...code].map((d, i) => (i ? gaps[i] : '') + String.fromCodePoint(scripts[i] + Number(d))).join('') + after);

test('Masker: an in-use code is masked however it is written (spacing, separators, full-width and other digits)', async () => {
  const { Masker } = await import('../../src/privacy/mask.js');
  const code = '573194';
  const m = new Masker([code, '123']);
  fc.assert(fc.property(rendered(code), (s) => {
    const out = m.text(s);
    assert.ok(!out.includes(s.trim()) || s.trim() === '', `${JSON.stringify(s)} shown as ${JSON.stringify(out)}`);
    assert.ok(out.includes('••••'), JSON.stringify(s));
  }), { numRuns: 200 });
  // What is not a code stays as written: other numbers, text, a short code inside a longer number.
  for (const s of ['573 and 194', 'Version 5.7.3', '41234', 'Front Door', '2026-11-20 10:00']) assert.equal(m.text(s), s);
});

test('the engine: a code written with spaces, dashes or full-width digits in a house name is masked in every output', async () => {
  const { Auditor } = await import('../../src/engine.js');
  const { auditTrail, trailToCsv } = await import('../../src/report/trail.js');
  const { stateChanged } = await import('./helpers/house.js');
  for (const written of ['573 194', '5-7-3-1-9-4', '５７３１９４', '573\u200b194', '٥٧٣١٩٤']) {
    const snap = house({
      locks: [{ id: 'lock.front', platform: 'zwave_js', name: `Front ${written}` }],
      usercodes: { 'lock.front': { '1': { usercode: '573194', in_use: true } } },
      registry: [{ lock: 'lock.front', slot: 1, name: `Ana ${written}`, role: 'family', added: null, expires: null }],
      events: [stateChanged('lock.front', '2026-11-20T03:00:00Z', 'locked', 'unlocked', { changed_by: `by ${written}` })],
    });
    const a = new Auditor(snap, { snapshot: true });
    for (const e of snap.events!) a.addEvent(e);
    const out = JSON.stringify(a.report()) + JSON.stringify(a.timeline()) + trailToCsv(auditTrail(a));
    assert.ok(!out.includes(written), `${JSON.stringify(written)} in the output`);
  }
});

test('generate: lock and holder names carrying a code or control characters reach the YAML masked and escaped', async () => {
  const { generateFor } = await import('../../src/cli/commands/generate.js');
  const { toYaml } = await import('../../src/generate/yaml.js');
  const { demoSnapshot } = await import('../../src/demo/house.js');
  const snap = demoSnapshot();
  const code = snap.usercodes!['lock.front_door']['1'].usercode;
  snap.states.find((s) => s.entity_id === 'lock.front_door')!.attributes.friendly_name = `Front ${code}\u009b31m\u202e\ufffe`;
  snap.code_registry![1].name = `Sam (old code ${code})\u0085`;
  const gen = generateFor(snap, ['notify.phone'], {});
  const text = toYaml(gen.automations) + toYaml(gen.scripts);
  assert.ok(!text.includes(code), 'the PIN is in the generated YAML');
  // YAML 1.1 (HA's loader) refuses C1 characters and reads U+2028/2029/0085 as line breaks: none may stand raw.
  assert.doesNotMatch(text, /[\u007f-\u009f\u2028\u2029\u202a-\u202e\ufffe\uffff]/);
  assert.match(text, /Front ••••m\\\\u202e\\\\ufffe/);
});

test('the card: lock names carrying a code are masked in the lock list the views and alerts read', async () => {
  const { AuditSession } = await import('../../cards/lock-sentinel-card/data/session.js');
  const { validateConfig } = await import('../../cards/lock-sentinel-card/config.js');
  const { harness } = await import('../browser/fixtures.js');
  const h = harness();
  const front = h.hass.states['lock.front_door'];
  h.update({ 'lock.front_door': { ...front, attributes: { ...front.attributes, friendly_name: 'Front 583 920' } } });
  const config = validateConfig({ type: 'custom:lock-sentinel-card' });
  const session = new AuditSession(() => h.hass, () => config, () => undefined);
  await session.start();
  try {
    assert.ok(session.usercodeLocks.has('lock.front_door'), 'the admin card read the codes');
    assert.deepEqual(session.locks.filter((l) => l.entity_id === 'lock.front_door').map((l) => l.name), ['Front ••••']);
    assert.ok(!JSON.stringify(session.allLocks).includes('583 920'));
  } finally {
    session.stop();
  }
});

test('away access: an unlock while nobody was home but someone was unknown/unavailable is judged neither way', async () => {
  const { stateChanged } = await import('./helpers/house.js');
  const WHERE = ['home', 'not_home', 'Office', 'unknown', 'unavailable'] as const;
  const hour = (h: number) => new Date(Date.parse('2026-11-19T00:00:00Z') + h * 3_600_000).toISOString();
  const unlocks = (hours: number[]) => hours.flatMap((h) => [stateChanged('lock.gate', hour(h), 'locked', 'unlocked'), stateChanged('lock.gate', hour(h + 0.1), 'unlocked', 'locked')]);
  const away = (persons: Record<string, string>, events: ReturnType<typeof unlocks>) =>
    audit(house({ locks: [{ id: 'lock.gate', platform: 'template', name: 'Gate' }], persons, events })).checks.find((c) => c.id === 'no-away-access')!;
  fc.assert(fc.property(fc.constantFrom(...WHERE), fc.constantFrom(...WHERE), fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 5 }), (a, b, hours) => {
    const check = away({ 'person.a': a, 'person.b': b }, unlocks(hours));
    const states = [a, b] as string[];
    const expected = states.includes('home') ? 'pass' : states.some((s) => s === 'unknown' || s === 'unavailable') ? 'unknown' : 'fail';
    assert.equal(check.status, expected, `${a}, ${b}: ${check.evidence}`);
  }), { numRuns: RUNS });
  // Unknown at one unlock, home at the other: a partial verdict that says which.
  const partial = away({ 'person.a': 'home' }, [...unlocks([1]), stateChanged('person.a', hour(0), 'home', 'unavailable'), stateChanged('person.a', hour(5), 'unavailable', 'home'), ...unlocks([6])]);
  assert.equal(partial.status, 'warn');
  assert.match(partial.evidence, /Gate: whereabouts unknown at 1 of 2 unlock\(s\) \(person\.a: unknown or unavailable\)/);
  assert.match(partial.fix, /says nothing about an empty house/);
});

test('reader: a top-level key given twice is refused with one line (events twice were read on top of each other)', async () => {
  const { readJson } = await import('../../src/io/snapshot-reader.js');
  const { demoSnapshot } = await import('../../src/demo/house.js');
  const json = JSON.stringify(demoSnapshot());
  async function* one(text: string) { yield Buffer.from(text); }
  for (const [text, named] of [
    [`${json.slice(0, -1)},"events":[]}`, 'the key "events"'], [`{"version":2,${json.slice(1)}`, 'the key "version"'],
    [`${json.slice(0, -1)},"states":[]}`, 'the key "states"'], [`{"x1":1,"x1":2,${json.slice(1)}`, 'a key'],
  ]) {
    await assert.rejects(readJson(one(text), () => {}), (e: unknown) => e instanceof SnapshotError && e.message === `not a valid snapshot: ${named} appears twice`);
  }
  await readJson(one(json), () => {});
});

test('battery: only a percentage 0-100 is a level; "", "0x10", "-5", "1e20" are no reading (unknown), never a pass or a warning', () => {
  const reading = fc.oneof(
    fc.constantFrom('', ' ', '0x10', '-5', '1e20', '1e400', 'NaN', 'Infinity', '101', '99999999999999999999', 'unknown', 'unavailable', '50%', '0b11', '5e1'),
    fc.string({ maxLength: 6 }), fc.integer({ min: -200, max: 300 }).map(String), fc.double().map(String),
  );
  fc.assert(fc.property(reading, (state) => {
    const snap = house({ locks: [{ id: 'lock.front', platform: 'zwave_js', name: 'Front', battery: 50 }] });
    snap.states.find((s) => s.entity_id === 'sensor.front_battery')!.state = state;
    const r = audit(snap);
    const level = r.locks[0].battery;
    const valid = /^\s*\d+(\.\d+)?\s*$/.test(state) && Number(state) <= 100;
    assert.equal(level, valid ? Number(state) : null, `${JSON.stringify(state)} read as ${level}`);
    if (!valid) assert.equal(status(r, 'battery-ok'), 'unknown');
  }), { numRuns: 100 });
});

test('dedup: one event delivered with its time written two ways (µs +00:00, ms Z, another offset) counts once', async () => {
  const { Auditor } = await import('../../src/engine.js');
  const { stateChanged, zwave } = await import('./helpers/house.js');
  /** The same instant in another notation. */
  const rewrite = (iso: string, how: number) => {
    const ms = Date.parse(iso);
    const d = new Date(ms);
    if (how === 0) return d.toISOString();
    if (how === 1) return d.toISOString().replace('Z', '000+00:00');
    const off = how === 2 ? 60 : -330;
    const local = new Date(ms + off * 60_000).toISOString().slice(0, 23);
    const sign = off < 0 ? '-' : '+', a = Math.abs(off);
    return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
  };
  const ms = fc.integer({ min: Date.parse('2026-11-19T00:00:00Z'), max: Date.parse('2026-11-19T23:00:00Z') });
  fc.assert(fc.property(ms, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.boolean(), (t, h1, h2, isState) => {
    const at = new Date(t).toISOString();
    const one = isState ? stateChanged('lock.front', at, 'locked', 'unlocked') : zwave('lock.front', at, 6, 6, 1);
    one.context = { id: '01JDUP', parent_id: null, user_id: null };
    const first = { ...structuredClone(one), time_fired: rewrite(at, h1) };
    const again = { ...structuredClone(one), time_fired: rewrite(at, h2) };
    const snap = house({ locks: [{ id: 'lock.front', platform: 'zwave_js', name: 'Front' }], persons: { 'person.a': 'not_home' } });
    const a = new Auditor(snap, { snapshot: true });
    a.addEvent(first);
    a.addEvent(again);
    assert.equal(a.timeline().filter((e) => e.kind === 'unlock').length, 1, `${first.time_fired} / ${again.time_fired}`);
  }), { numRuns: RUNS });
});

test('the CLI: no command, and an option given twice, are bad input: exit 2 with one line on stderr', async () => {
  const { cli, isCleanFailure } = await import('./helpers/cli.js');
  const bare = cli([]);
  assert.equal(isCleanFailure(bare), null, `no command: ${bare.status} ${bare.stderr}`);
  assert.match(bare.stdout, /Usage: lock-sentinel <command>/);
  for (const args of [['audit', '--fail-under', '10', '--fail-under', '90'], ['audit', '--snapshot', 'a.json', '--snapshot=b.json'],
    ['export', '--format', 'csv', '--format', 'json'], ['generate', '--out', 'a', '--out', 'b']]) {
    const r = cli(args);
    assert.equal(isCleanFailure(r), null, `${args.join(' ')}: ${r.status} ${r.stderr}`);
    assert.match(r.stderr, /is given more than once/);
  }
  // --notify is a list: given twice, both count.
  const dir = (await import('./helpers/cli.js')).tempDir();
  const r = cli(['generate', '--out', dir, '--notify', 'notify.a', '--notify', 'notify.b']);
  assert.equal(r.status, 0, r.stderr);
});

test('times: any number or string is a time in Date\'s range or refused; years 0-99 stay themselves; offsets past ±14:00 are no zone', async () => {
  const { parseHaTime, TimeZone } = await import('../../src/time/zone.js');
  const tz = new TimeZone('Europe/Berlin');
  fc.assert(fc.property(fc.oneof(fc.double(), fc.integer(), fc.string({ maxLength: 30 }), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), (v) => {
    const ms = parseHaTime(v, tz);
    if (Number.isNaN(ms)) return;
    // Whatever is accepted can be shown in local time without a RangeError.
    tz.format(ms);
    tz.iso(ms);
  }), { numRuns: 300 });
  assert.equal(new Date(parseHaTime('0099-01-01T00:00:00Z')).getUTCFullYear(), 99);
  assert.ok(Number.isNaN(parseHaTime(-8640000000000001)));
  assert.ok(Number.isNaN(parseHaTime('2026-11-20T10:00:00+99:99')));
  assert.equal(parseHaTime('2026-11-20T10:00+05:30'), Date.parse('2026-11-20T04:30:00Z'));
  // An event whose time_fired is out of range is refused at the boundary with one line, not an internal error.
  const { Auditor } = await import('../../src/engine.js');
  const { zwave } = await import('./helpers/house.js');
  const a = new Auditor(house({ locks: [{ id: 'lock.front', platform: 'zwave_js', name: 'Front' }] }), { snapshot: true });
  assert.throws(() => a.addEvent({ ...zwave('lock.front', '2026-11-20T03:00:00Z', 6, 6, 1), time_fired: -8640000000000001 as unknown as string }), SnapshotError);
});

test('codes of a lock the house does not have raise no finding (they stay masked)', () => {
  const snap = house({
    locks: [{ id: 'lock.front', platform: 'zwave_js', name: 'Front Door' }],
    usercodes: { 'lock.front': { '1': { usercode: '573194', in_use: true } }, 'lock.gone': { '1': { usercode: '573194', in_use: true }, '2': { usercode: '12', in_use: true } } },
    registry: [{ lock: 'lock.front', slot: 1, name: 'Ana', role: 'family', added: '2026-11-01T00:00:00Z', expires: null }],
    extraStates: [{ entity_id: 'sensor.note', state: 'gone 573194', attributes: {} }],
  });
  const r = audit(snap);
  assert.deepEqual(r.findings.filter((f) => JSON.stringify(f).includes('lock.gone')), []);
  assert.equal(status(r, 'codes-differ-between-locks'), 'pass'); // one lock: no code opens two
  assert.ok(!JSON.stringify(r).includes('573194'));
});

test('values nested thousands of levels deep (JSON.parse reads them) are refused with one line, never a stack overflow', async () => {
  const { Auditor } = await import('../../src/engine.js');
  const { demoSnapshot } = await import('../../src/demo/house.js');
  const { generateFor } = await import('../../src/cli/commands/generate.js');
  const deep = (n: number) => JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown;
  const places: [string, (s: Snapshot, v: unknown) => void][] = [
    ['a lock attribute', (s, v) => { s.states[0].attributes.deep = v; }],
    ['an automation', (s, v) => { (s.automations![0] as Record<string, unknown>).deep = v; }],
    ['config', (s, v) => { (s.config as Record<string, unknown>).deep = v; }],
    ['a device', (s, v) => { (s.device_registry![0] as unknown as Record<string, unknown>).identifiers = v; }],
    ['a Z-Wave event', (s, v) => { s.events!.find((e) => e.event_type === 'zwave_js_notification')!.data.parameters = { deep: v }; }],
    ['a ZHA event', (s, v) => { s.events!.find((e) => e.event_type === 'zha_event')!.data.params = v; }],
  ];
  for (const [where, plant] of places) {
    for (const depth of [20_000, 101]) {
      const snap = demoSnapshot();
      plant(snap, deep(depth));
      assert.throws(() => {
        const a = new Auditor(snap, { snapshot: true });
        for (const e of snap.events!) a.addEvent(e);
        a.report();
        generateFor(snap, [], {});
      }, (e: unknown) => e instanceof SnapshotError && /nested more than 100 levels deep/.test(e.message), `${where} at depth ${depth}`);
    }
    const ok = demoSnapshot();
    plant(ok, deep(20));
    const a = new Auditor(ok, { snapshot: true });
    for (const e of ok.events!) a.addEvent(e);
    a.report();
  }
});

test('a URL holding a password is refused before any request and never quoted; HA unreachable says so without fetch\'s text', async () => {
  const { cli, isCleanFailure } = await import('./helpers/cli.js');
  for (const cmd of [['audit'], ['uninstall'], ['install'], ['snapshot'], ['generate', '--out', '/tmp/x']]) {
    for (const url of ['http://ana:s3cret@127.0.0.1:1', 'http://ana:s3cret@[::1']) {
      const r = cli([...cmd, '--url', url, '--token', 'tok3n']);
      assert.equal(isCleanFailure(r), null, `${cmd[0]} ${url}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr + r.stdout, /s3cret|tok3n/, `${cmd[0]}: ${r.stderr}`);
    }
  }
  const r = cli(['uninstall', '--url', 'http://127.0.0.1:1', '--token', 'tok3n']);
  assert.equal(isCleanFailure(r), null, r.stderr);
  assert.equal(r.stderr, 'lock-sentinel uninstall: cannot reach Home Assistant at http://127.0.0.1:1\n');
});

test('device ids that are no HA device id are refused at the boundary, without quoting them (one carried a spaced PIN into an error)', async () => {
  const { demoSnapshot } = await import('../../src/demo/house.js');
  const { generateFor } = await import('../../src/cli/commands/generate.js');
  const { audit: run } = await import('../../src/engine.js');
  const ids = fc.oneof(fc.constantFrom('Code 573 194', '', ' ', '{{ x }}', 'a"b', '../x', 'x'.repeat(65)), fc.string({ maxLength: 12 }).filter((s) => !/^[A-Za-z0-9_-]{1,64}$/.test(s)));
  fc.assert(fc.property(ids, fc.boolean(), (id, inRegistry) => {
    const snap = demoSnapshot();
    if (inRegistry) snap.entity_registry!.find((e) => e.entity_id === 'lock.front_door')!.device_id = id;
    else snap.device_registry![0].id = id;
    for (const f of [() => run(structuredClone(snap)), () => generateFor(structuredClone(snap), [], {})]) {
      assert.throws(f, (e: unknown) => e instanceof SnapshotError && /device/.test(e.message) && !e.message.includes(JSON.stringify(id)) && !/573/.test(e.message), JSON.stringify(id));
    }
  }), { numRuns: RUNS });
});
