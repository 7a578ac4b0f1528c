// Guards of the lab and e2e tests' one support module (test/lab/support.ts): one loader of the lab's facts, one
// polling helper, one type per lab fact. A second copy of any of them cannot come back unnoticed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const SUPPORT = 'test/lab/support.ts';

function files(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith('.ts'))
    .map((f) => relative(root, join(f.parentPath, f.name)));
}
/** Code without comments. */
const code = (path: string) => readFileSync(join(root, path), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const labFiles = () => [...files('test/lab'), ...files('test/e2e')];

/** What only the support module may define: a polling loop or helper, a reader of lab.json, the lab's types. */
const ONLY_IN_SUPPORT: [RegExp, string][] = [
  [/for\s*\(\s*;\s*;\s*\)|while\s*\(\s*true\s*\)/, 'a polling loop'],
  [/\b(function|const|let)\s+(until|waitFor|poll\w*|eventually|retry\w*)\b/, 'a polling helper'],
  [/LAB_JSON|readFileSync\([^)]*lab\.json/, 'a lab.json loader'],
  [/\binterface\s+(ZwaveLock|ZwaveLab|LabInfo|ZwaveInfo)\b|\btype\s+(ZwaveLock|ZwaveLab|LabInfo|ZwaveInfo)\s*=/, 'a lab type'],
];

test('the scan sees the support module\'s own helpers (it would see a second copy)', () => {
  const text = code(SUPPORT);
  for (const [re, what] of ONLY_IN_SUPPORT) assert.ok(re.test(text), `the support module has ${what}`);
});

test('lab and e2e tests poll, load the lab and type its facts only through test/lab/support.ts', () => {
  const scanned = labFiles().filter((f) => f !== SUPPORT);
  assert.ok(scanned.length > 15);
  const copies = scanned.flatMap((f) => {
    const text = code(f);
    return ONLY_IN_SUPPORT.flatMap(([re, what]) => (re.test(text) ? [`${f}: ${what} (${text.match(re)![0]})`] : []));
  });
  assert.deepEqual(copies, []);
});

test('lab helpers come from the one support module (no second helper module to import them from)', () => {
  const imported = new Set(labFiles().flatMap((f) => [...code(f).matchAll(/from\s+'(\.{1,2}\/(?:\.\.\/)?lab\/[^']+|\.\/[^']+)'/g)].map((m) => m[1])));
  const helpers = [...imported].filter((p) => /(^\.\/|\/lab\/)[\w-]+\.js$/.test(p) && !/support\.js$|generate-support\.js$|browser\.js$/.test(p));
  assert.deepEqual(helpers, []);
});
