// `npm run release` (scripts/release.mjs): the folder the release workflow uploads and HACS downloads whole.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chunkImports, closure, versionLine } from '../../scripts/release.mjs';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const { filename } = JSON.parse(readFileSync(join(root, 'hacs.json'), 'utf8')) as { filename: string };
const release = (...args: string[]) => spawnSync(process.execPath, [join(root, 'scripts', 'release.mjs'), ...args], { cwd: root, encoding: 'utf8' });

let dir: string;
let out: ReturnType<typeof release>;
const files = () => readdirSync(dir).sort();

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ls-release-'));
  out = release('--out', dir, '--tag', `v${pkg.version}`);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('the release script builds the folder and says what is in it', () => {
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, new RegExp(`: ${files().length} files, \\d+ bytes \\(\\d+ gzip\\), ${versionLine(pkg.version)}\\n$`));
});

test('hacs.json\'s filename is the entry of the release folder: nothing imports it, it reaches every file', () => {
  assert.ok(files().includes(filename));
  for (const f of files()) assert.ok(!chunkImports(readFileSync(join(dir, f), 'utf8')).includes(filename), `${f} imports the entry`);
  const reach = closure(dir, filename);
  assert.equal(reach.missing, null);
  assert.deepEqual(reach.files, files(), 'every file is the entry or a chunk it can load, and every chunk it can load is there');
  assert.ok(files().length > 2, 'the entry and its chunks');
});

test('the release folder is dist/ byte for byte: the same build, deterministic (run npm run build after changing sources)', () => {
  const dist = join(root, 'dist');
  assert.deepEqual(files(), readdirSync(dist).sort());
  for (const f of files()) assert.ok(readFileSync(join(dir, f)).equals(readFileSync(join(dist, f))), f);
});

test('the card\'s console version line is package.json\'s version, in exactly one file', () => {
  const carriers = files().filter((f) => readFileSync(join(dir, f), 'utf8').includes(`"${versionLine(pkg.version)}"`));
  assert.equal(carriers.length, 1);
});

test('a tag that is not v + package.json\'s version stops the release: one line, exit 2', () => {
  for (const tag of [`${pkg.version}`, 'v0.0.0-nope', `v${pkg.version}.1`]) {
    const r = release('--out', join(dir, 'never'), '--tag', tag);
    assert.equal(r.status, 2, tag);
    assert.match(r.stderr, /^release: tag .* does not match package\.json's version/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  }
});

test('the release script refuses to empty a folder outside the repository and the temporary folder', () => {
  const r = release('--out', '/usr/lib');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^release: --out must be a folder inside the repository/);
});
