// The built CLI's generator commands, as a user runs them (npm test builds first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { demoSnapshot } from '../../src/demo/house.js';
import { blueprints } from '../../src/generate/blueprints.js';

const bin = join(import.meta.dirname, '../../bin/lock-sentinel.js');
const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LOCK_SENTINEL_URL: '', LOCK_SENTINEL_TOKEN: '' } });
const PINS = Object.values(demoSnapshot().usercodes!).flatMap((s) => Object.values(s).map((v) => v.usercode)).filter(Boolean);

test('generate --demo --out writes automations and the script as YAML HA can include, without a PIN', () => {
  const out = mkdtempSync(join(tmpdir(), 'ls-gen-'));
  const r = cli(['generate', '--demo', '--out', out, '--notify', 'notify.mobile_app_phone']);
  assert.equal(r.status, 0, r.stderr);
  const m = /^(\d+) automations and 1 script written to /.exec(r.stdout);
  assert.ok(m, r.stdout);
  const autos = parse(readFileSync(join(out, 'lock_sentinel_automations.yaml'), 'utf8'), { version: '1.1' }) as { id: string; variables: { notify_targets: string[] }; triggers: unknown[] }[];
  assert.equal(autos.length, Number(m[1]));
  for (const a of autos) {
    assert.match(a.id, /^lock_sentinel_/);
    assert.deepEqual(a.variables.notify_targets, ['notify.mobile_app_phone']);
  }
  const scripts = parse(readFileSync(join(out, 'lock_sentinel_scripts.yaml'), 'utf8'), { version: '1.1' }) as Record<string, unknown>;
  assert.deepEqual(Object.keys(scripts), ['lock_sentinel_suspected_breach']);
  const all = readFileSync(join(out, 'lock_sentinel_automations.yaml'), 'utf8') + readFileSync(join(out, 'lock_sentinel_scripts.yaml'), 'utf8');
  for (const pin of PINS) assert.doesNotMatch(all, new RegExp(`\\b${pin}\\b`), 'PIN in output');
});

test('generate refuses bad input with one line and exit 2', () => {
  const noOut = cli(['generate', '--demo']);
  assert.equal(noOut.status, 2);
  assert.equal(noOut.stderr, 'lock-sentinel generate: generate needs --out DIR\n');
  const bad = cli(['generate', '--demo', '--out', mkdtempSync(join(tmpdir(), 'ls-gen-')), '--notify', 'light.kitchen']);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr, 'lock-sentinel generate: --notify takes a notify service such as notify.mobile_app_phone, got "light.kitchen"\n');
});

test('install and uninstall need a live Home Assistant', () => {
  for (const cmd of ['install', 'uninstall']) {
    const r = cli([cmd]);
    assert.equal(r.status, 2);
    assert.equal(r.stderr.split('\n').filter(Boolean).length, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`^lock-sentinel ${cmd}: ${cmd} needs --url URL --token TOKEN\\n$`));
  }
});

test('blueprints --out writes one file per alert kind, as committed', () => {
  const out = mkdtempSync(join(tmpdir(), 'ls-bp-'));
  const r = cli(['blueprints', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  const files = readdirSync(join(out, 'lock_sentinel')).sort();
  assert.deepEqual(files, blueprints().map((f) => f.path.split('/')[1]).sort());
  for (const f of blueprints()) assert.equal(readFileSync(join(out, f.path), 'utf8'), f.yaml);
});
