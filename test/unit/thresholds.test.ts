// One set of thresholds, seen in every face: engine findings, scorecard text, generated automations, the card's
// timeline marks and the CLI (flags on audit, generate, export; bad values exit 2 with one line).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit } from '../../src/engine.js';
import { discoverLocks } from '../../src/adapters/discovery.js';
import { generate } from '../../src/generate/generate.js';
import { THRESHOLDS, type Thresholds } from '../../src/thresholds.js';
import { isUnusualHour } from '../../cards/lock-sentinel-card/timeline.js';
import { house, minutes, zwave } from './helpers/house.js';

const CHANGED: Partial<Thresholds> = { failedAttempts: 3, unusualHourStart: 1, unusualHourEnd: 5, lowBattery: 25, staleDays: 60 };
const FLAGS = ['--failed-attempts', '3', '--unusual-hours', '01-05', '--low-battery', '25', '--stale-days', '60'];

const T0 = '2026-11-19T01:30:00Z';
const snap = () => house({
  locks: [{ id: 'lock.front', platform: 'zwave_js', battery: 27 }],
  persons: { 'person.a': 'home' },
  usercodes: { 'lock.front': { 1: { usercode: '749215', in_use: true } } },
  events: [
    zwave('lock.front', '2026-08-01T10:00:00Z', 6, 6, 1), // slot 1's last use: 110 days before capture
    zwave('lock.front', T0, 6, 6, 2), // unlock at 01:30
    ...[1, 2, 3].map((m) => zwave('lock.front', minutes('2026-11-19T13:00:00Z', m), 6, 50)), // three wrong codes
  ],
});
const ids = (th?: Partial<Thresholds>) => audit(snap(), { thresholds: th }).findings.map((f) => f.id).sort();
const titles = (th?: Partial<Thresholds>) => audit(snap(), { thresholds: th }).checks.map((c) => `${c.title} | ${c.evidence}`).join('\n');

test('engine: each threshold changes the findings', () => {
  const base = ids();
  assert.ok(!base.includes('failed-attempts') && !base.includes('unusual-hour-access'));
  assert.ok(base.includes('low-battery'));
  const changed = ids(CHANGED);
  assert.ok(changed.includes('failed-attempts'), '3 wrong codes are a burst at --failed-attempts 3');
  assert.ok(changed.includes('unusual-hour-access'), '01:30 is unusual at 01-05');
  assert.ok(!changed.includes('low-battery'), '27 % is not low below 25 %');
  assert.equal(ids({ staleDays: 100 }).includes('stale-code'), true, 'a code unused 110 days is stale at 100');
  assert.equal(ids({ staleDays: 120 }).includes('stale-code'), false);
});

test('scorecard: titles and evidence name the thresholds in force', () => {
  const base = titles();
  assert.match(base, /Unused codes deleted \(90\+ days\)/);
  assert.match(base, /No access at unusual hours \(02:00-06:00\)/);
  assert.match(base, /Batteries above 30%/);
  const changed = titles(CHANGED);
  assert.match(changed, /Unused codes deleted \(60\+ days\)/);
  assert.match(changed, /No access at unusual hours \(01:00-05:00\)/);
  assert.match(changed, /Batteries above 25%/);
  assert.match(changed, /in the unusual hours 01:00-05:00/);
  assert.doesNotMatch(changed, /02:00|90\+|30%/);
});

test('generator: the automations use the thresholds given', () => {
  const gen = generate({ locks: discoverLocks(snap()), registry: [], notify: [], thresholds: CHANGED });
  const text = JSON.stringify(gen.automations);
  const byKind = (k: string) => gen.automations.find((a) => a.id.startsWith(`lock_sentinel_${k}`))!;
  assert.match(byKind('failed_attempts').description, /^\[lock-sentinel\] 3 or more failed codes/);
  assert.deepEqual(byKind('unusual_hour').conditions[1], { condition: 'time', after: '01:00:00', before: '05:00:00' });
  assert.equal((byKind('low_battery').triggers[0] as { below: number }).below, 25);
  assert.doesNotMatch(text, /02:00:00|06:00:00/);
});

test('card: the timeline marks an unusual hour by the thresholds given', () => {
  const unlock = { seq: 0, lock: 'lock.front', time: Date.parse(T0), kind: 'unlock', method: 'keypad', slot: 2, success: true, actor: null, label: '', via: 'protocol' } as const;
  const hour = (ms: number) => new Date(ms).getUTCHours();
  assert.equal(isUnusualHour(unlock, hour, THRESHOLDS), false);
  assert.equal(isUnusualHour(unlock, hour, { ...THRESHOLDS, ...CHANGED }), true);
  assert.equal(isUnusualHour(unlock, hour, { ...THRESHOLDS, unusualHourStart: 22, unusualHourEnd: 2 }), true, 'a window over midnight wraps');
});

const bin = join(import.meta.dirname, '../../bin/lock-sentinel.js');
const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LOCK_SENTINEL_URL: '', LOCK_SENTINEL_TOKEN: '' } });

test('CLI: audit, export and generate take the thresholds as flags', () => {
  const base = JSON.parse(cli(['audit', '--demo', '--json']).stdout);
  const r = cli(['audit', '--demo', '--json', ...FLAGS]);
  assert.equal(r.status, 0, r.stderr);
  const changed = JSON.parse(r.stdout);
  const title = (rep: { checks: { id: string; title: string }[] }, id: string) => rep.checks.find((c) => c.id === id)?.title;
  assert.equal(title(base, 'no-unusual-hour-access'), 'No access at unusual hours (02:00-06:00)');
  assert.equal(title(changed, 'no-unusual-hour-access'), 'No access at unusual hours (01:00-05:00)');
  assert.equal(title(changed, 'battery-ok'), 'Batteries above 25%');
  assert.equal(title(changed, 'unused-codes-deleted'), 'Unused codes deleted (60+ days)');

  const csv = (args: string[]) => cli(['export', '--demo', '--format', 'json', ...args]);
  const flagged = (rows: { findings: string }[]) => rows.filter((x) => String(x.findings).includes('unusual-hour-access')).length;
  const e1 = csv([]), e2 = csv(['--unusual-hours', '00-23']);
  assert.equal(e2.status, 0, e2.stderr);
  assert.ok(flagged(JSON.parse(e2.stdout)) > flagged(JSON.parse(e1.stdout)), 'a wider window flags more rows of the trail');

  const out = mkdtempSync(join(tmpdir(), 'ls-th-'));
  const g = cli(['generate', '--demo', '--out', out, ...FLAGS]);
  assert.equal(g.status, 0, g.stderr);
  const yaml = readFileSync(join(out, 'lock_sentinel_automations.yaml'), 'utf8');
  assert.match(yaml, /after: "01:00:00"\n\s+before: "05:00:00"/);
  assert.match(yaml, /3 or more failed codes/);
  assert.match(yaml, /below: 25/);
});

test('CLI: a bad threshold is one line on stderr and exit 2', () => {
  for (const [cmd, flag, v] of [
    ['audit', '--failed-attempts', '1'], ['audit', '--failed-attempts', 'x'], ['export', '--low-battery', '96'],
    ['generate', '--stale-days', '3'], ['audit', '--unusual-hours', '5-5'], ['audit', '--unusual-hours', '01-24'], ['audit', '--unusual-hours', '1to5'],
  ]) {
    const r = cli([cmd, '--demo', ...(cmd === 'generate' ? ['--out', mkdtempSync(join(tmpdir(), 'ls-th-'))] : []), flag, v]);
    assert.equal(r.status, 2, `${cmd} ${flag} ${v}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`^lock-sentinel ${cmd}: ${flag} must be`));
  }
});
