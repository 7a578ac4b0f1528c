#!/usr/bin/env node
// `npm run release`: builds the folder a GitHub release ships and HACS downloads (every file of it lands in
// <config>/www/community/<repository>/): the card entry named by hacs.json's `filename` and every chunk it loads.
//   --out DIR        the folder (default release/; emptied first)
//   --tag vX.Y.Z     CI: fail unless the tag is `v` + package.json's version
//   --version X.Y.Z  build another version string (the lab's upgrade test); default package.json's
// The same sources and config give the same bytes (content-hashed chunk names): it equals dist/ of `npm run build`.
// Ends with one line per file and `release <dir>: N files, N bytes (N gzip)`; bad input or a broken folder: one line
// on stderr, exit 2.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(2);
}

function options(argv) {
  const out = { out: 'release', tag: null, version: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (!['--out', '--tag', '--version'].includes(key) || value === undefined) fail(`unknown or incomplete option ${key}`);
    out[key.slice(2)] = value;
  }
  return out;
}

/** Relative imports of a built chunk (static and dynamic), as `./name.js`. */
export const chunkImports = (code) => [...code.matchAll(/(?:from|import)\s*\(?\s*"(\.\/[^"]+)"/g)].map((m) => m[1].slice(2));

/** The entry and everything it can load, or the first file it needs that is missing. */
export function closure(dir, entry) {
  const seen = new Set();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop();
    if (seen.has(f)) continue;
    if (!existsSync(join(dir, f))) return { files: [...seen], missing: f };
    seen.add(f);
    todo.push(...chunkImports(readFileSync(join(dir, f), 'utf8')));
  }
  return { files: [...seen].sort(), missing: null };
}

export const versionLine = (version) => `LOCK-SENTINEL-CARD v${version}`;

function main() {
  const opts = options(process.argv.slice(2));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const { filename } = JSON.parse(readFileSync(join(root, 'hacs.json'), 'utf8'));
  const version = opts.version ?? pkg.version;
  if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) fail(`version ${JSON.stringify(version)} is not X.Y.Z`);
  if (opts.tag !== null && opts.tag !== `v${pkg.version}`) fail(`tag ${opts.tag} does not match package.json's version ${pkg.version} (expected v${pkg.version})`);
  if (opts.tag !== null && opts.version !== null) fail('--tag releases package.json\'s version: no --version with it');

  const dir = resolve(root, opts.out);
  // It is emptied: only a folder inside the repository or the system's temporary folder, never either itself.
  const inside = (base) => dir.startsWith(resolve(base) + sep);
  if (!inside(root) && !inside(tmpdir())) fail(`--out must be a folder inside the repository or ${tmpdir()}, not ${opts.out}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const build = spawnSync(process.execPath, [join(root, 'node_modules/rollup/dist/bin/rollup'), '-c', 'rollup.config.mjs', '--silent'], {
    cwd: root, encoding: 'utf8', env: { ...process.env, LS_BUILD: 'card', LS_CARD_DIR: dir, LS_VERSION: version },
  });
  if (build.status !== 0) fail(`the card build failed: ${(build.stderr || build.stdout).trim().split('\n')[0]}`);

  const files = readdirSync(dir).sort();
  const { files: needed, missing } = closure(dir, filename);
  if (missing) fail(`${filename} needs ${missing}, which the build did not write`);
  const extra = files.filter((f) => !needed.includes(f));
  if (extra.length) fail(`files the card never loads: ${extra.join(', ')}`);
  const line = versionLine(version);
  const carriers = files.filter((f) => readFileSync(join(dir, f), 'utf8').includes(line));
  if (carriers.length !== 1) fail(`"${line}" is in ${carriers.length} files, expected 1`);

  let bytes = 0;
  let gz = 0;
  for (const f of files) {
    const data = readFileSync(join(dir, f));
    bytes += data.length;
    gz += gzipSync(data, { level: 9 }).length;
    console.log(`${String(data.length).padStart(8)}  ${f}`);
  }
  console.log(`release ${opts.out}: ${files.length} files, ${bytes} bytes (${gz} gzip), ${line}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
