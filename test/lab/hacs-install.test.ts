// The HACS install and upgrade path on the lab's real Home Assistant and its real frontend in Chromium.
// What HACS does for a dashboard plugin whose latest release carries the card (hacs/integration,
// repositories/plugin.py and base.py): every release asset is written to <config>/www/community/<repository>/, each
// .js with a gzip copy beside it (base.py async_save_file), old files are left in place, and the one dashboard
// resource under the repository's namespace gets the URL `<namespace>/<filename>?hacstag=<repository id><version
// digits>` (created once, updated on upgrade). HACS serves that folder at /hacsfiles/<repository>/; the lab has no
// HACS, so the same folder is reached through HA's own /local/community/<repository>/ (the same static file handler).
// Both builds come from scripts/release.mjs, the script that makes the folder the release workflow uploads.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Connection } from 'home-assistant-js-websocket';
import { send } from '../../src/ha/command.js';
import { REPO_NAME } from '../../src/repo.js';
import { connect, lab, root, waitFor } from './support.js';
import { cardReady, ConsoleWatch, contextOptions, installCard, launch, login, type FrontendLab } from '../e2e/browser.js';

const started = Date.now();
const { filename } = JSON.parse(readFileSync(join(root, 'hacs.json'), 'utf8')) as { filename: string };
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
/** The next patch version: the "upgrade" is the same card built with another version string. */
const NEXT = pkg.version.replace(/\d+$/, (d) => String(Number(d) + 1));
/** A GitHub repository id as HACS would know it (the real one does not exist yet). */
const REPOSITORY_ID = '734561290';
const NAMESPACE = `/local/community/${REPO_NAME}/`;
const hacstag = (version: string) => `${REPOSITORY_ID}${version.replace(/\D+/g, '')}`;
const resourceUrl = (version: string) => `${NAMESPACE}${filename}?hacstag=${hacstag(version)}`;
const versionLine = (version: string) => `LOCK-SENTINEL-CARD v${version}`;

interface Build { version: string; dir: string; files: string[] }
interface Resource { id: string; url: string; type: string }

let work: string;
let builds: { old: Build; next: Build };
let info: FrontendLab;
let conn: Connection;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const watch = new ConsoleWatch();
/** Every console line of the card's version log and every response from the plugin folder, in order. */
const versions: string[] = [];
const served: { path: string; status: number }[] = [];

function release(version: string): Promise<Build> {
  const dir = join(work, version);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'release.mjs'), '--out', dir, '--version', version], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    child.on('close', (code) => (code === 0 ? resolve({ version, dir, files: readdirSync(dir).sort() }) : reject(new Error(`release ${version}: ${err.trim()}`))));
  });
}

/** HACS' download: every asset into the repository's folder, each .js with its .gz; nothing removed. */
function hacsDownload(build: Build): void {
  const folder = join(lab().config_dir, 'www', 'community', REPO_NAME);
  mkdirSync(folder, { recursive: true });
  for (const f of build.files) {
    const data = readFileSync(join(build.dir, f));
    writeFileSync(join(folder, f), data);
    writeFileSync(join(folder, `${f}.gz`), gzipSync(data));
  }
}

/** HACS' resource step: update the one resource under the namespace, or create it. */
async function hacsResource(version: string): Promise<void> {
  const mine = (await send<Resource[]>(conn, { type: 'lovelace/resources' })).filter((r) => r.url.startsWith(NAMESPACE));
  if (mine[0]) await send(conn, { type: 'lovelace/resources/update', resource_id: mine[0].id, res_type: 'module', url: resourceUrl(version) });
  else await send(conn, { type: 'lovelace/resources/create', res_type: 'module', url: resourceUrl(version) });
}

const resources = async () => (await send<Resource[]>(conn, { type: 'lovelace/resources' })).filter((r) => r.url.startsWith(NAMESPACE));
/** Plugin files a page asked for since `from` (names without query), and any that did not answer 200. */
const since = (from: number) => {
  const part = served.slice(from);
  return { names: [...new Set(part.map((s) => s.path.slice(NAMESPACE.length).split('?')[0]!))].sort(), failed: part.filter((s) => s.status !== 200) };
};

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'ls-hacs-'));
  // The two builds run while the lab's frontend hook sets up the dashboard and the users' passwords.
  const pending = Promise.all([release(pkg.version), release(NEXT)]);
  info = installCard();
  const [old, next] = await pending;
  builds = { old: old!, next: next! };
  conn = await connect();
  // A fresh HACS install: the plugin folder as HACS finds it for a repository it never downloaded (empty), and no
  // other copy of the card loaded (the lab's own install of dist/ is removed here when it lives elsewhere).
  rmSync(join(info.config_dir, 'www', 'community', REPO_NAME), { recursive: true, force: true });
  for (const r of await send<Resource[]>(conn, { type: 'lovelace/resources' })) {
    if (r.url.includes(filename) && !r.url.startsWith(NAMESPACE)) await send(conn, { type: 'lovelace/resources/delete', resource_id: r.id });
  }
  browser = await launch();
  context = await browser.newContext(contextOptions());
  context.on('console', (m) => { if (m.text().startsWith('LOCK-SENTINEL-CARD')) versions.push(m.text()); });
  context.on('response', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith(NAMESPACE)) served.push({ path: u.pathname + u.search, status: r.status() });
  });
});

after(async () => {
  await browser?.close();
  conn?.close();
  // Back to the lab's own install of dist/ (the other e2e tests expect it).
  installCard();
  if (work) rmSync(work, { recursive: true, force: true });
  console.log(`hacs install suite: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

test('two release builds of different versions: other chunk names, another entry', () => {
  const { old, next } = builds;
  assert.ok(old.files.includes(filename) && next.files.includes(filename));
  assert.notDeepEqual(old.files, next.files, 'another version string gives other chunk names');
  const changed = old.files.filter((f) => f !== filename && !next.files.includes(f));
  assert.ok(changed.length >= 1, 'at least the main chunk is renamed');
  assert.notEqual(readFileSync(join(old.dir, filename), 'utf8'), readFileSync(join(next.dir, filename), 'utf8'));
});

test('install as HACS does: the folder and the ?hacstag= resource; the dashboard runs that version', async () => {
  hacsDownload(builds.old);
  await hacsResource(builds.old.version);
  const all = await send<Resource[]>(conn, { type: 'lovelace/resources' });
  assert.deepEqual(all.filter((r) => r.url.includes(filename)).map((r) => [r.url, r.type]), [[resourceUrl(builds.old.version), 'module']],
    'one resource of the card: HACS\'s');

  page = await login(context, info, 'admin', watch);
  assert.deepEqual(versions, [versionLine(builds.old.version)], 'the card logged its version once');
  const { names, failed } = since(0);
  assert.deepEqual(failed, [], 'every plugin file answered 200');
  assert.ok(served.some((s) => s.path === resourceUrl(builds.old.version)), 'the entry loaded with its hacstag');
  for (const n of names) assert.ok(builds.old.files.includes(n), `${n} is a file of ${builds.old.version}`);
  assert.deepEqual(watch.errors, []);
});

test('upgrade as HACS does, reload: the browser runs the new version only, no stale chunk, no 404', async () => {
  const before = served.length;
  const linesBefore = versions.length;
  hacsDownload(builds.next);
  await hacsResource(builds.next.version);
  assert.deepEqual((await resources()).map((r) => r.url), [resourceUrl(builds.next.version)], 'one resource, updated in place');
  const folder = readdirSync(join(info.config_dir, 'www', 'community', REPO_NAME));
  for (const f of builds.old.files) assert.ok(folder.includes(f), `HACS leaves ${f} of the old release in place`);
  // A tab still running the old version (not reloaded) loads its lazy chunks (languages, the alert installer) from
  // the old names: HA still serves each one, unchanged.
  for (const f of builds.old.files.filter((n) => n !== filename)) {
    const r = await fetch(info.url + NAMESPACE + f);
    assert.equal(r.status, 200, f);
    assert.ok(Buffer.from(await r.arrayBuffer()).equals(readFileSync(join(builds.old.dir, f))), `${f} is the old release's`);
  }

  await page.reload();
  await cardReady(page);
  await waitFor(() => versions.length > linesBefore, 10000, 'the card\'s version line after the reload');
  assert.deepEqual(versions.slice(linesBefore), [versionLine(builds.next.version)], 'exactly one version line, the new one');

  const { names, failed } = since(before);
  assert.deepEqual(failed, [], 'every plugin file answered 200');
  assert.ok(served.slice(before).some((s) => s.path === resourceUrl(builds.next.version)), 'the entry under the new hacstag');
  for (const n of names) assert.ok(builds.next.files.includes(n), `${n} belongs to ${builds.next.version}`);
  const oldOnly = builds.old.files.filter((f) => !builds.next.files.includes(f));
  assert.deepEqual(names.filter((n) => oldOnly.includes(n)), [], 'no chunk of the old release was asked for');
  const mainChunk = builds.next.files.find((f) => readFileSync(join(builds.next.dir, f), 'utf8').includes(versionLine(builds.next.version)))!;
  assert.ok(names.includes(mainChunk), `the new main chunk ${mainChunk} was loaded`);
  assert.deepEqual(watch.errors, []);
});
