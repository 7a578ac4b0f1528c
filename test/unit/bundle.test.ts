// The built card as HACS ships it (dist/): one entry file plus chunks loaded on demand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = join(import.meta.dirname, '../../dist');
const files = readdirSync(dist).filter((f) => f.endsWith('.js'));
const imports = (f: string) => [...readFileSync(join(dist, f), 'utf8').matchAll(/(?:from|import)\s*\(?\s*"(\.\/[^"]+)"/g)].map((m) => m[1]);

test('dist/ holds the card entry and only chunks of its own (no Node CLI, nothing else ships to HA)', () => {
  assert.ok(files.includes('lock-sentinel-card.js'));
  for (const f of files) assert.match(f, /^lock-sentinel-card(-[\w-]+)?\.js$/, f);
});

test('no chunk imports the entry: HA loads it with a query string, a second URL would run the card twice', () => {
  for (const f of files) assert.ok(!imports(f).includes('./lock-sentinel-card.js'), `${f} imports the entry`);
});

test('every relative import of every chunk exists in dist/', () => {
  for (const f of files) for (const i of imports(f)) assert.ok(files.includes(i.slice(2)), `${f} → ${i}`);
});

test('languages other than English and the alert installer are chunks of their own, not in what every dashboard loads', () => {
  const entry = imports('lock-sentinel-card.js');
  const eager = new Set(['lock-sentinel-card.js', ...entry.map((i) => i.slice(2))]);
  const lazy = files.filter((f) => !eager.has(f));
  for (const part of ['de', 'fr', 'es', 'nl', 'generate']) assert.ok(lazy.some((f) => f.startsWith(`lock-sentinel-card-${part}-`)), part);
});
