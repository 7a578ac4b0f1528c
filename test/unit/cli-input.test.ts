// Bad input, bad flags and unusable paths: one line on stderr, exit 2, never a stack or a JS error text, never a hang.
// Input that can be meant (a BOM, a whole snapshot on one JSON Lines line) is read correctly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoSnapshot } from '../../src/demo/house.js';
import type { Snapshot } from '../../src/model/ha.js';
import { bin, cli, isCleanFailure, tempDir } from './helpers/cli.js';
import { house, stateChanged, zwave } from './helpers/house.js';

const dir = tempDir('ls-input-');
const save = (name: string, snap: unknown) => { const p = join(dir, name); writeFileSync(p, typeof snap === 'string' ? snap : JSON.stringify(snap)); return p; };
const mutate = (f: (s: Snapshot & Record<string, unknown>) => void) => { const s = demoSnapshot() as Snapshot & Record<string, unknown>; f(s); return s; };
const clean = (args: string[], input?: string) => { const r = cli(args, input); assert.equal(isCleanFailure(r), null, `${args.join(' ')}: ${isCleanFailure(r)}`); return r; };

test('hostile snapshots: null entries, wrong types, invalid lock ids and slots, unreadable times', () => {
  const cases: Record<string, (s: Snapshot & Record<string, unknown>) => void> = {
    'null-entity-registry-entry': (s) => { (s.entity_registry as unknown[]).push(null); },
    'null-user': (s) => { s.users = [null as never]; },
    'null-review': (s) => { s.reviews = [null as never]; },
    'mfa-not-a-list': (s) => { s.current_user = { id: 'u', name: 'x', is_owner: true, is_admin: true, mfa_modules: 'yes' as never }; },
    'lock-id-with-slash': (s) => { s.usercodes = { 'lock/../x': { '1': { usercode: '482913', in_use: true } } }; },
    'registry-lock-not-a-lock': (s) => { s.code_registry = [{ lock: 'front', slot: 1, name: 'A', role: 'family', added: null, expires: null }]; },
    'slot-abc': (s) => { s.usercodes = { 'lock.front_door': { abc: { usercode: '482913', in_use: true } } }; },
    'slot-negative': (s) => { s.usercodes = { 'lock.front_door': { '-3': { usercode: '482913', in_use: true } } }; },
    'slot-huge': (s) => { s.code_registry = [{ lock: 'lock.front_door', slot: 1e20, name: 'A', role: 'family', added: null, expires: null }]; },
    'captured-at-1': (s) => { s.captured_at = '1'; },
    'captured-at-a-number': (s) => { s.captured_at = 1e20 as never; },
    'added-beyond-dates': (s) => { s.code_registry = [{ lock: 'lock.front_door', slot: 1, name: 'A', role: 'family', added: '+999999-01-01T00:00:00Z', expires: null }]; },
    'time-zone-unknown': (s) => { s.config = { time_zone: 'Mars/Olympus' }; },
    'event-time-without-zone': (s) => { s.events![0] = { ...s.events![0], time_fired: '2026-11-20T10:00:00' }; },
    'event-null': (s) => { s.events![3] = null as never; },
    'state-null': (s) => { s.states.push(null as never); },
  };
  for (const [name, f] of Object.entries(cases)) {
    for (const form of ['json', 'jsonl']) {
      const s = mutate(f);
      const { events, ...header } = s;
      const p = form === 'json' ? save(`${name}.json`, s) : save(`${name}.jsonl`, [JSON.stringify(header), ...(events ?? []).map((e) => JSON.stringify(e))].join('\n'));
      clean(['audit', '--snapshot', p]);
    }
  }
});

test('slot numbers an event reports as "abc", -3 or 1e20 are no slot: no "slot NaN" finding', () => {
  const lock = { id: 'lock.front', platform: 'zwave_js', name: 'Front' };
  const events = ['abc', -3, 1e20].map((userId, i) => {
    const e = zwave('lock.front', `2026-11-20T03:0${i}:00Z`, 6, 6, 1);
    (e.data.parameters as Record<string, unknown>).userId = userId;
    return e;
  });
  const r = cli(['audit', '--json', '--snapshot', save('slots.json', house({ locks: [lock], events }))]);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /slot (NaN|-3|1e\+?20|100000000000000000000)/);
  assert.equal(JSON.parse(r.stdout).findings.filter((f: { id: string }) => f.id === 'unusual-hour-access').length > 0, true);
});

test('bad flags and arguments: unknown options, options the source does not read, --since that is not a date', () => {
  for (const args of [['audit', '--days', 'x'], ['audit', '--days', '3'], ['audit', '--token', 't'], ['audit', 'extra'],
    ['export', '--since', '12'], ['export', '--since', '2026-13-45'], ['export', '--bogus'], ['generate'], ['code-check', '--x'],
    ['snapshot'], ['install'], ['uninstall'], ['audit', '--fail-under', '-1']]) clean(args);
});

test('export --since without a zone is read in HA\'s time zone, never the machine\'s', () => {
  const p = save('since.json', demoSnapshot());
  const rows = (tz: string) => {
    const r = spawnSync(process.execPath, [bin, 'export', '--snapshot', p, '--format', 'json', '--since', '2026-11-17T00:00:00'], { encoding: 'utf8', env: { ...process.env, TZ: tz } });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout).length;
  };
  assert.equal(rows('Pacific/Kiritimati'), rows('America/Adak'));
});

test('unusable output paths: missing directory, a directory, a full disk, a file as --out DIR, under /proc', () => {
  const file = join(dir, 'plain-file');
  writeFileSync(file, 'x');
  mkdirSync(join(dir, 'adir'), { recursive: true });
  for (const args of [
    ['export', '--out', join(dir, 'missing', 'x.csv')], ['export', '--out', join(dir, 'adir')], ['export', '--out', '/dev/full'],
    ['generate', '--out', file], ['generate', '--out', join(file, 'sub')], ['generate', '--out', '/proc/lock-sentinel/x'],
    ['blueprints', '--out', '/proc/lock-sentinel'], ['audit', '--snapshot', dir], ['audit', '--snapshot', join(dir, 'nope.json')],
  ]) clean(args);
});

test('stdout on a full disk: one line, exit 2', () => {
  const fd = openSync('/dev/full', 'w');
  const r = spawnSync(process.execPath, [bin, 'export', '--demo'], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 60_000 });
  closeSync(fd);
  assert.equal(isCleanFailure({ status: r.status, stdout: '', stderr: r.stderr }), null, r.stderr);
});

test('uninstall and install with Home Assistant unreachable: one line, exit 2', () => {
  for (const cmd of ['uninstall', 'install']) clean([cmd, '--url', 'http://127.0.0.1:9', '--token', 'x']);
});

test('a UTF-8 BOM is accepted, in both forms', () => {
  const snap = demoSnapshot();
  const { events, ...header } = snap;
  const want = JSON.parse(cli(['audit', '--demo', '--json']).stdout);
  const a = cli(['audit', '--json', '--snapshot', save('bom.json', '\ufeff' + JSON.stringify(snap))]);
  const b = cli(['audit', '--json', '--snapshot', save('bom.jsonl', '\ufeff' + [JSON.stringify(header), ...events!.map((e) => JSON.stringify(e))].join('\n'))]);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(b.status, 0, b.stderr);
  assert.deepEqual(JSON.parse(a.stdout), want);
  assert.deepEqual(JSON.parse(b.stdout), want);
});

test('a whole JSON snapshot on one line of a .jsonl file is read with its events, never dropped', () => {
  const want = JSON.parse(cli(['audit', '--demo', '--json']).stdout);
  const r = cli(['audit', '--json', '--snapshot', save('one-line.jsonl', JSON.stringify(demoSnapshot()) + '\n')]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), want);
});

test('code-check: no PIN on stdin (empty, or blank lines only) is one line on stderr and exit 2, not an empty verdict', () => {
  for (const input of ['', '\n \n\t\n']) {
    for (const args of [['code-check'], ['code-check', '--json']]) {
      const r = cli(args, input);
      assert.equal(r.status, 2, JSON.stringify(input));
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trim().split('\n').length, 1);
      assert.match(r.stderr, /no PIN on standard input/);
    }
  }
});

test('code-check: one enormous line is "invalid", said at once; no stack overflow', () => {
  const r = cli(['code-check', '--json'], '7'.repeat(30_000_000) + '\n573194\n');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.map((x: { verdict: string }) => x.verdict), ['invalid', 'strong']);
  assert.match(out[0].reasons[0], /not a keypad code: 30000000 bytes/);
});

test('code-check: letters, mixed, spaces and non-ASCII digits are not keypad codes, and say what they are', () => {
  const inputs = ['abcdef', '12a456', '123 456', '١٢٣٤٥٦', '１２３４５６', '12345678901', '#1234*'];
  const r = cli(['code-check', '--json'], inputs.join('\n'));
  assert.equal(r.status, 0, r.stderr);
  const out: { verdict: string; reasons: string[] }[] = JSON.parse(r.stdout);
  assert.deepEqual(out.map((x) => x.verdict), inputs.map(() => 'invalid'));
  assert.match(out[0].reasons[0], /letters/);
  assert.match(out[1].reasons[0], /digits and letters/);
  assert.match(out[2].reasons[0], /spaces/);
  assert.match(out[3].reasons[0], /digits other than 0-9/);
  assert.match(out[4].reasons[0], /digits other than 0-9/);
  assert.match(out[5].reasons[0], /11 digits/);
  assert.match(out[6].reasons[0], /symbols/);
  for (const i of inputs) assert.ok(!r.stdout.includes(i) && !r.stderr.includes(i));
});

test('names from the house cannot forge report lines or drive the terminal; CSV cells are never formulas', () => {
  const evil = 'Front\n  CRITICAL  forged-finding\x1b[2J\x1b]0;pwned\x07\u009b31m\u202e';
  const snap = house({
    locks: [{ id: 'lock.front', platform: 'zwave_js', name: evil }],
    registry: [{ lock: 'lock.front', slot: 1, name: '＝HYPERLINK("http://x")', role: 'family', added: null, expires: null },
      { lock: 'lock.front', slot: 2, name: ' =1+1', role: 'family', added: null, expires: null }],
    events: [zwave('lock.front', '2026-11-20T03:00:00Z', 6, 6, 1), zwave('lock.front', '2026-11-20T03:05:00Z', 6, 6, 2),
      stateChanged('lock.front', '2026-11-20T03:30:00Z', 'locked', 'unlocked', { changed_by: '@SUM(1)\r\nx' })],
  });
  const p = save('evil.json', snap);
  const raw = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202e]/;
  const text = cli(['audit', '--snapshot', p]);
  assert.equal(text.status, 0, text.stderr);
  assert.doesNotMatch(text.stdout, raw);
  assert.doesNotMatch(text.stdout, /^\s+CRITICAL\s+forged-finding/m);
  const json = cli(['audit', '--snapshot', p, '--json']);
  assert.doesNotMatch(json.stdout, raw);
  assert.equal(JSON.parse(json.stdout).locks[0].name, evil);
  const csv = cli(['export', '--snapshot', p]);
  assert.doesNotMatch(csv.stdout, raw);
  const lines = csv.stdout.trim().split('\r\n');
  assert.equal(lines.length, 4, 'one line per event: no newline from a name splits a row');
  for (const cell of lines.slice(1).flatMap((l) => l.split(','))) assert.doesNotMatch(cell.replace(/^"/, ''), /^\s*[=+\-@＝＋－＠]/);
});
