// The built CLI, as a user runs it: `node bin/lock-sentinel.js ...` (npm test builds first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSnapshot } from '../../src/demo/house.js';

const bin = join(import.meta.dirname, '../../bin/lock-sentinel.js');
const cli = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, LOCK_SENTINEL_URL: '', LOCK_SENTINEL_TOKEN: '' } });
const dir = mkdtempSync(join(tmpdir(), 'ls-cli-'));
const PINS = Object.values(demoSnapshot().usercodes!).flatMap((s) => Object.values(s).map((v) => v.usercode)).filter(Boolean);

test('audit --demo --json gives score, locks, checks and findings, and never a PIN', () => {
  const r = cli(['audit', '--demo', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(report), ['score', 'locks', 'checks', 'findings']);
  assert.deepEqual(Object.keys(report.score), ['total', 'grade', 'pillars']);
  assert.equal(report.locks.length, 3);
  for (const f of report.findings) assert.deepEqual(Object.keys(f).sort(), ['count', 'entity_id', 'evidence', 'first', 'fix', 'id', 'last', 'severity', 'time']);
  for (const pin of PINS) assert.ok(!r.stdout.includes(pin), `PIN in output`);
});

test('audit with no source audits the demo home, human-readable', () => {
  const r = cli(['audit']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Security score \d+\/100, grade [A-F]/);
  assert.match(r.stdout, /Front Door/);
  for (const pin of PINS) assert.ok(!r.stdout.includes(pin));
});

test('audit --fail-under: exit 1 below the limit, 0 at or above', () => {
  assert.equal(cli(['audit', '--demo', '--fail-under', '90']).status, 1);
  assert.equal(cli(['audit', '--demo', '--fail-under', '0']).status, 0);
  assert.equal(cli(['audit', '--demo', '--fail-under', 'lots']).status, 2);
});

test('a snapshot file in both forms gives the same report as the demo it was written from', () => {
  const snap = demoSnapshot();
  const { events, ...header } = snap;
  writeFileSync(join(dir, 's.json'), JSON.stringify(snap));
  writeFileSync(join(dir, 's.jsonl'), [JSON.stringify(header), ...events!.map((e) => JSON.stringify(e))].join('\n'));
  const demo = JSON.parse(cli(['audit', '--demo', '--json']).stdout);
  for (const f of ['s.json', 's.jsonl']) {
    const r = cli(['audit', '--snapshot', join(dir, f), '--json']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), demo, f);
  }
});

test('bad input ends with one line on stderr and exit 2, never a stack trace', () => {
  writeFileSync(join(dir, 'bad.json'), '{"version": 1, "captured_at": ');
  writeFileSync(join(dir, 'v2.json'), '{"version": 2}');
  writeFileSync(join(dir, 'types.json'), '{"version": 1, "captured_at": "2026-01-01T00:00:00Z", "config": {"time_zone": "UTC"}, "states": "lots"}');
  for (const args of [['audit', '--snapshot', join(dir, 'bad.json')], ['audit', '--snapshot', join(dir, 'v2.json')], ['audit', '--snapshot', join(dir, 'types.json')],
    ['audit', '--snapshot', join(dir, 'missing.json')], ['audit', '--bogus'], ['export', '--format', 'xml'], ['export', '--since', 'someday'], ['nope'],
    ['audit', '--demo', '--snapshot', join(dir, 'bad.json')]]) {
    const r = cli(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

test('code-check reads PINs from stdin and never echoes them', () => {
  const pins = ['1234', '573194', '', '19851204', '842637', '2580'];
  const r = cli(['code-check', '--json'], pins.join('\n') + '\n');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.map((x: { index: number; verdict: string }) => [x.index, x.verdict]), [[0, 'weak'], [1, 'strong'], [2, 'weak'], [3, 'strong'], [4, 'weak']]);
  for (const p of pins.filter(Boolean)) assert.ok(!r.stdout.includes(p) && !r.stderr.includes(p), p);
  const human = cli(['code-check'], '1234\n573194\n');
  assert.match(human.stdout, /#1: weak/);
  assert.match(human.stdout, /#2: strong/);
  assert.ok(!human.stdout.includes('1234') && !human.stdout.includes('573194'));
  assert.equal(cli(['code-check', '1234']).status, 2);
});

test('export: one CSV row per access event with holder and the findings each raised; --since and JSON', () => {
  const r = cli(['export', '--demo']);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\r\n');
  assert.equal(lines[0], 'local_time,lock,lock_name,event,method,slot,holder,result,findings');
  assert.ok(lines.length > 500);
  assert.ok(lines.some((l) => l.includes('Guest: Jordan') && l.includes('away-access')));
  assert.ok(lines.some((l) => l.includes('failure') && l.includes('failed-attempts')));
  for (const pin of PINS) assert.ok(!r.stdout.includes(`,${pin},`));
  const json = JSON.parse(cli(['export', '--demo', '--format', 'json', '--since', '2026-11-17T00:00:00Z']).stdout);
  assert.ok(json.length > 0);
  assert.ok(json.every((row: { time: string }) => row.time >= '2026-11-17T00:00:00'));
  assert.ok(json.some((row: { findings: string[] }) => row.findings.includes('expired-code') || row.findings.includes('away-access')));
});
