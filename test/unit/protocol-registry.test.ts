// The registry of protocols (src/adapters/index.ts) as the card uses it: only what a house's locks speak is loaded.
// This file imports neither the engine nor the CLI (which register every protocol, src/adapters/all.ts): it starts,
// as the card does, with the lock-state protocol alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadProtocols, lockEventTypes, protocol, protocolOfPlatform, PROTOCOLS } from '../../src/adapters/index.js';
import { Auditor } from '../../src/auditor.js';
import { ADMIN_RULES } from '../../src/rules/admin.js';
import { WORDS } from '../../src/words.js';
import { demoSnapshot } from '../../src/demo/house.js';

const ids = () => PROTOCOLS.map((p) => p.id);

test('nothing but the lock-state protocol until a house asks; platforms name their protocol before it loads', () => {
  assert.deepEqual(ids(), ['generic']);
  assert.equal(protocolOfPlatform('mqtt'), 'zigbee2mqtt');
  assert.equal(protocolOfPlatform('template'), 'generic');
  assert.equal(protocolOfPlatform(undefined), 'generic');
  assert.equal(protocol('zha').id, 'generic', 'an unregistered protocol is read as a generic lock, never guessed');
  assert.equal(loadProtocols(['template', undefined]), null, 'generic locks need no module');
  assert.deepEqual(lockEventTypes(), []);
});

test('an audit with only the house\'s protocols loaded is the audit with every protocol (the CLI\'s)', async () => {
  const house = demoSnapshot();
  await loadProtocols((house.entity_registry ?? []).filter((e) => e.entity_id.startsWith('lock.')).map((e) => e.platform));
  assert.deepEqual(ids(), ['zwave_js', 'zha', 'zigbee2mqtt', 'generic'], 'the demo house\'s protocols, not Matter');
  const auditor = new Auditor(structuredClone(house), { snapshot: true, adminRules: ADMIN_RULES, words: WORDS });
  for (const e of house.events ?? []) auditor.addEvent(e);
  const mine = JSON.parse(JSON.stringify(auditor.report()));
  const root = join(import.meta.dirname, '..', '..');
  const cli = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'audit', '--json'], { cwd: root, encoding: 'utf8' }));
  assert.ok(mine.findings.length > 5 && mine.checks.length > 15);
  assert.deepEqual(mine, cli);
});

test('loaded in any order, protocols are read in the one reading order (Matter\'s lock states before every lock\'s)', async () => {
  await loadProtocols(['matter', 'zha', 'matter']);
  assert.deepEqual(ids(), ['zwave_js', 'zha', 'zigbee2mqtt', 'matter', 'generic']);
  assert.equal(protocol('matter').id, 'matter');
  assert.equal(loadProtocols(['zha', 'matter', 'template']), null, 'nothing left to load');
  assert.deepEqual(lockEventTypes().sort(), ['zha_event', 'zwave_js_notification']);
});
