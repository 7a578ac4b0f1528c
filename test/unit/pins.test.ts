// A PIN goes to exactly one place. Codes planted in every text the house provides never reach any output:
// the text report, --json, the CSV and JSON export, error messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit, Auditor } from '../../src/engine.js';
import { auditTrail, trailToCsv } from '../../src/report/trail.js';
import { Masker, MASK } from '../../src/privacy/mask.js';
import { writeOutput } from '../../src/io/files.js';
import { house, st, stateChanged, zwave } from './helpers/house.js';
import { cli, isCleanFailure, tempDir } from './helpers/cli.js';

const PIN = '482913';
const PIN2 = '7305';
const FRONT = { id: 'lock.front', platform: 'zwave_js', name: `Front ${PIN}` };
const BACK = { id: 'lock.back', platform: 'mqtt', name: 'Back Door' };

function hostile() {
  const snap = house({
    locks: [FRONT, BACK],
    persons: { 'person.ana': 'not_home' },
    usercodes: { 'lock.front': { '1': { usercode: PIN, in_use: true }, '2': { usercode: PIN2, in_use: true } } },
    registry: [{ lock: 'lock.front', slot: 1, name: `Ana (old code ${PIN})`, role: 'family', added: null, expires: null }],
    events: [
      // changed_by equal to an in-use code: printed as the holder before.
      stateChanged('lock.front', '2026-11-20T03:00:00Z', 'locked', 'unlocked', { changed_by: PIN, friendly_name: FRONT.name }),
      stateChanged('lock.back', '2026-11-20T03:10:00Z', 'locked', 'unlocked', { changed_by: `User ${PIN2}` }),
      // a Z-Wave event label that carries the code
      { ...zwave('lock.front', '2026-11-20T02:30:00Z', 6, 6, 1), data: { ...zwave('lock.front', '2026-11-20T02:30:00Z', 6, 6, 1).data, event_label: `Keypad unlock (code ${PIN})` } },
      ...Array.from({ length: 5 }, (_, i) => ({ ...zwave('lock.front', `2026-11-20T04:0${i}:00Z`, 6, 50), data: { ...zwave('lock.front', '2026-11-20T04:00:00Z', 6, 50).data, event_label: `bad ${PIN}` } })),
      stateChanged('person.ana', '2026-11-19T20:00:00Z', 'home', `Office ${PIN}`),
    ],
    extraStates: [st('sensor.keypad_last', `Last code: ${PIN}`)],
  });
  snap.config.location_name = `Villa ${PIN}`;
  snap.users = [{ id: 'u1', name: `Admin ${PIN}`, is_owner: true, is_active: true, system_generated: false, group_ids: ['system-admin'] },
    { id: 'u2', name: 'B', is_owner: false, is_active: true, system_generated: false, group_ids: ['system-admin'] },
    { id: 'u3', name: 'C', is_owner: false, is_active: true, system_generated: false, group_ids: ['system-admin'] }];
  snap.current_user = { id: 'u1', name: `Admin ${PIN}`, is_owner: true, is_admin: true, mfa_modules: [] };
  return snap;
}

const assertNoPin = (text: string, where: string) => {
  for (const p of [PIN, PIN2]) assert.ok(!text.includes(p), `${where} contains the PIN ${p}:\n${text.slice(Math.max(0, text.indexOf(p) - 200), text.indexOf(p) + 50)}`);
};

test('Masker: a code alone or inside text is masked with its whole digit run; short codes only when alone', () => {
  const m = new Masker(['482913', '123']);
  assert.equal(m.text('482913'), MASK);
  assert.equal(m.text('Last code: 482913.'), `Last code: ${MASK}.`);
  assert.equal(m.text('slot 14829130'), `slot ${MASK}`);
  assert.equal(m.text('x123y'), `x${MASK}y`);
  assert.equal(m.text('41234'), '41234');
  assert.equal(m.text('nothing here'), 'nothing here');
  assert.equal(new Masker([]).text('482913'), '482913');
});

test('every output of the engine masks codes found in names, changed_by, event labels, holders, users and persons', () => {
  const snap = hostile();
  const r = audit(snap);
  assertNoPin(JSON.stringify(r), 'report');
  assert.ok(r.findings.some((f) => f.id === 'pin-exposed'), 'the exposure itself is reported');
  assert.ok(r.locks.some((l) => l.name.includes(MASK)));
  const a = new Auditor(snap);
  for (const e of snap.events!) a.addEvent(e);
  assertNoPin(JSON.stringify(a.timeline()), 'timeline');
  assertNoPin(JSON.stringify(a.raisedFindings()), 'raised findings');
  const rows = auditTrail(a);
  assertNoPin(JSON.stringify(rows) + trailToCsv(rows), 'trail');
  assert.ok(rows.some((row) => row.holder?.includes(MASK)));
});

test('the CLI: text, --json, CSV and JSON export never show a code planted in the house text', () => {
  const dir = tempDir();
  const file = join(dir, 'hostile.json');
  writeFileSync(file, JSON.stringify(hostile()));
  const runs = [
    cli(['audit', '--snapshot', file]), cli(['audit', '--snapshot', file, '--json']),
    cli(['export', '--snapshot', file]), cli(['export', '--snapshot', file, '--format', 'json']),
    cli(['export', '--snapshot', file, '--out', join(dir, 'out.csv')]),
  ];
  for (const r of runs) {
    assert.equal(r.status, 0, r.stderr);
    assertNoPin(r.stdout + r.stderr, 'CLI output');
  }
  assert.match(runs[0].stdout, /pin-exposed/);
});

test('a JSON syntax error names where, never the input around it', () => {
  const dir = tempDir();
  for (const [name, text] of [['a.json', `{"version": 1, "captured_at": ${PIN}x}`], ['b.jsonl', `{"version": 1, "x": "${PIN}`], ['c.json', `{"version":1,"events":[{"event_type":"x","data":${PIN}z}]}`]]) {
    writeFileSync(join(dir, name), text);
    const r = cli(['audit', '--snapshot', join(dir, name)]);
    assert.equal(isCleanFailure(r), null, r.stderr);
    assertNoPin(r.stderr + r.stdout, name);
  }
});

test('writeOutput with mode 0600 leaves a snapshot readable by its owner only, also over an existing file', () => {
  const dir = tempDir();
  const p = join(dir, 'snap.json');
  writeFileSync(p, 'old');
  chmodSync(p, 0o644);
  writeOutput(p, '{}', 0o600);
  assert.equal(statSync(p).mode & 0o777, 0o600);
});
