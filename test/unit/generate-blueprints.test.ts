import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BLUEPRINT_DIR, blueprints, importLink } from '../../src/generate/blueprints.js';

const dir = join(import.meta.dirname, '..', '..', 'automations');
const files = blueprints();

test('committed blueprints in automations/ are exactly what the generator writes (run `npm run blueprints`)', () => {
  const committed = readdirSync(join(dir, BLUEPRINT_DIR)).map((f) => `${BLUEPRINT_DIR}/${f}`).sort();
  assert.deepEqual(committed, files.map((f) => f.path).sort(), 'same set of files');
  for (const f of files) assert.equal(readFileSync(join(dir, f.path), 'utf8'), f.yaml, `${f.path} is up to date`);
});

test('each blueprint declares every input it uses, with lock and notify-target selectors', () => {
  const customTags = [{ tag: '!input', resolve: (s: string) => ({ input: s }) }];
  for (const f of files) {
    const doc = parse(f.yaml, { customTags, version: '1.1' }) as { blueprint: { domain: string; input: Record<string, unknown> } };
    assert.equal(doc.blueprint.domain, 'automation');
    const used = [...f.yaml.matchAll(/!input (\w+)/g)].map((m) => m[1]);
    for (const name of used) assert.ok(name in doc.blueprint.input, `${f.path}: input ${name} declared`);
    assert.ok('notify_targets' in doc.blueprint.input, `${f.path}: notify targets`);
    assert.ok('lock' in doc.blueprint.input || 'locks' in doc.blueprint.input, `${f.path}: lock selector`);
  }
});

test('import links point HA\'s blueprint importer at the file', () => {
  assert.equal(importLink('lock_sentinel/jam.yaml'),
    'https://my.home-assistant.io/redirect/blueprint_import/?blueprint_url=https%3A%2F%2Fgithub.com%2Flock-sentinel%2Flock-sentinel%2Fblob%2Fmain%2Fautomations%2Flock_sentinel%2Fjam.yaml');
});

test('time-based blueprints also run on HA start and on reload (a time missed while HA was down acts once, late)', () => {
  const timed = files.filter((f) => /- trigger: time\n/.test(f.yaml)).map((f) => f.path).sort();
  assert.deepEqual(timed, ['lock_sentinel/low_battery.yaml', 'lock_sentinel/monthly_audit.yaml', 'lock_sentinel/weekly_review.yaml']);
  for (const path of timed) {
    const y = files.find((f) => f.path === path)!.yaml;
    assert.match(y, /- trigger: homeassistant\n\s+event: start/, path);
    assert.match(y, /- trigger: event\n\s+event_type: automation_reloaded/, path);
    assert.match(y, /today_at\('\d\d:00:00'\)/, `${path}: not before its time`);
  }
});
