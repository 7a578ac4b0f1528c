// Installs dependencies when missing and builds when sources are newer than the build.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { execSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd) => execSync(cmd, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

function newest(dir) {
  let t = 0;
  if (!existsSync(join(root, dir))) return 0;
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) t = Math.max(t, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return t;
}

export function ensureInstalled() {
  const lock = join(root, 'package-lock.json');
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
    console.error('lock-sentinel: installing dependencies (npm ci)...');
    run('npm ci --no-audit --no-fund --loglevel=error');
  }
}

/** Debian packages the browser, e2e and lab suites use: [package, the executable that shows it is there]. */
const SYSTEM_PACKAGES = [['chromium', '/usr/bin/chromium'], ['mosquitto', '/usr/sbin/mosquitto'], ['debootstrap', '/usr/sbin/debootstrap']];

/** Installs the missing ones with apt-get (root on Debian, as on a fresh CI machine); else says what to install. */
export function ensureSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter(([, bin]) => !existsSync(bin)).map(([pkg]) => pkg);
  if (!missing.length) return;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    console.error(`lock-sentinel: the tests need Debian's ${missing.join(', ')}: install them (apt-get install -y ${missing.join(' ')}) and run again`);
    process.exit(2);
  }
  console.error(`lock-sentinel: installing ${missing.join(', ')} (apt-get)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (r.status !== 0) {
    console.error(`lock-sentinel: apt-get could not install ${missing.join(', ')}`);
    process.exit(2);
  }
}

export function ensureBuilt() {
  const outputs = [join(root, 'build', 'cli.js'), join(root, 'dist', 'lock-sentinel-card.js')];
  const sources = Math.max(newest('src'), newest('cards'), statSync(join(root, 'rollup.config.mjs')).mtimeMs);
  if (outputs.some((out) => !existsSync(out) || statSync(out).mtimeMs < sources)) {
    console.error('lock-sentinel: building...');
    run('npm run --silent build');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureInstalled();
  ensureBuilt();
}
