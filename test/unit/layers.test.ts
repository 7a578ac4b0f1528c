// Guards of the tree's layering: rules and the scorecard read the model (the protocols come in the RuleContext), never
// the adapters; the card's views import none of its data modules and its data modules no view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** Every relative import (static, re-export or dynamic) of the .ts files under `dir`, resolved to repository paths. */
function imports(dir: string): { from: string; to: string }[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith('.ts'))
    .flatMap((f) => {
      const path = join(f.parentPath, f.name);
      const text = readFileSync(path, 'utf8');
      return [...text.matchAll(/(?:from\s+|import\(\s*)'(\.{1,2}\/[^']+)'/g)]
        .map((m) => ({ from: relative(root, path), to: relative(root, resolve(dirname(path), m[1])) }));
    });
}

const crossing = (dir: string, forbidden: string) => imports(dir).filter((i) => i.to.startsWith(forbidden + '/')).map((i) => `${i.from} → ${i.to}`);

test('the scanner sees imports (it would see a crossing)', () => {
  assert.ok(imports('src/rules').some((i) => i.to.startsWith('src/model/')));
  assert.ok(crossing('src/store', 'src/adapters').length > 0, 'the store reads the protocols: the scan must find that import');
});

test('rules and the scorecard import no adapter module', () => {
  assert.deepEqual([...crossing('src/rules', 'src/adapters'), ...crossing('src/score', 'src/adapters')], []);
});

test('the model imports no adapter, rule, store or face', () => {
  const out = ['src/adapters', 'src/rules', 'src/store', 'src/score', 'src/generate', 'src/cli', 'src/ha', 'cards']
    .flatMap((d) => crossing('src/model', d));
  assert.deepEqual(out, []);
});

test("the card's views import no data module, and its data modules no view", () => {
  assert.deepEqual([
    ...crossing('cards/lock-sentinel-card/views', 'cards/lock-sentinel-card/data'),
    ...crossing('cards/lock-sentinel-card/data', 'cards/lock-sentinel-card/views'),
  ], []);
});

test('the score badge is one shared atom: only cards/shared/gauge.ts draws the ring, every view that shows the score calls it', () => {
  const ts = (dir: string) => readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith('.ts')).map((f) => relative(root, join(f.parentPath, f.name)));
  const all = ts('cards').filter((f) => !['cards/shared/gauge.ts', 'cards/shared/styles.ts'].includes(f));
  const drawn = all.filter((f) => /<circle|class="gauge/.test(readFileSync(join(root, f), 'utf8')));
  assert.deepEqual(drawn, []);
  const callers = all.filter((f) => /\bgauge\(/.test(readFileSync(join(root, f), 'utf8')) && imports('cards').some((i) => i.from === f && i.to === 'cards/shared/gauge.js'));
  assert.ok(callers.length >= 3, `the overview, the scorecard and the compact card use the shared gauge (${callers.join(', ')})`);
});
