// A Debian `forky` chroot under .lab/ for Home Assistant releases that need a newer Python than the host has
// (HA 2026.3+ needs Python 3.14; forky's python3.14 needs a newer glibc than Debian 12). Built once with
// debootstrap from the host's own Debian mirror; shares the host's network, so HA on 127.0.0.1 inside is
// reachable from the tests. The lab's state directory is bind-mounted at /lab inside.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SUITE = 'forky';
/** Debian 12's debootstrap has no `forky` script; forky is bootstrapped like sid (the same script serves testing). */
const SCRIPT = '/usr/share/debootstrap/scripts/sid';
const PACKAGES = ['python3.14', 'python3.14-venv', 'python3.14-dev', 'gcc', 'g++', 'libturbojpeg0', 'libpcap0.8', 'ca-certificates'];
const HOST_CAS = '/usr/local/share/ca-certificates';
/** Where the lab's state directory appears inside the chroot. */
export const INSIDE_STATE = '/lab';
const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/** The host's Debian mirror: the first `URIs:` line of its apt sources (deb822), else deb.debian.org. */
export function hostMirror() {
  const file = '/etc/apt/sources.list.d/debian.sources';
  if (existsSync(file)) {
    const m = readFileSync(file, 'utf8').match(/^URIs:\s*(\S+)/m);
    if (m) return m[1];
  }
  return 'http://deb.debian.org/debian';
}

/** The run-time environment for commands in the chroot (everything else of the host's is dropped by env -i). */
export const CHROOT_ENV = [
  'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOME=/root', 'LANG=C.UTF-8',
  `SSL_CERT_FILE=${CA_BUNDLE}`, `REQUESTS_CA_BUNDLE=${CA_BUNDLE}`, 'UV_NATIVE_TLS=1',
];

/** [command, args] that run `argv` inside the chroot with a clean environment. */
export const inChroot = (rootfs, argv) => ['/usr/sbin/chroot', [rootfs, '/usr/bin/env', '-i', ...CHROOT_ENV, ...argv]];

function run(rootfs, argv, logFile) {
  const [cmd, args] = inChroot(rootfs, argv);
  const fd = openSync(logFile, 'a');
  try {
    execFileSync(cmd, args, { stdio: ['ignore', fd, fd] });
  } catch {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
    throw new Error(`in the chroot, \`${argv.join(' ')}\` failed:\n${tail}`);
  } finally {
    closeSync(fd);
  }
}

/** Mount points (host paths) of the chroot, innermost last. */
function mountPoints(rootfs) {
  return [join(rootfs, 'proc'), join(rootfs, 'dev'), join(rootfs, 'dev', 'pts'), join(rootfs, INSIDE_STATE.slice(1))];
}

function mounted(path) {
  return readFileSync('/proc/self/mounts', 'utf8').split('\n').some((l) => l.split(' ')[1] === path);
}

/** Mounts proc, /dev, /dev/pts and the lab's state directory (each only if not mounted yet). */
export function mountChroot(rootfs, stateDir) {
  const [proc, dev, pts, state] = mountPoints(rootfs);
  mkdirSync(state, { recursive: true });
  if (!mounted(proc)) execFileSync('mount', ['-t', 'proc', 'proc', proc]);
  if (!mounted(dev)) execFileSync('mount', ['--bind', '/dev', dev]);
  if (!mounted(pts)) execFileSync('mount', ['--bind', '/dev/pts', pts]);
  if (stateDir && !mounted(state)) execFileSync('mount', ['--bind', stateDir, state]);
}

/** Unmounts whatever of the chroot is mounted (innermost first); safe to call any time. Returns what it unmounted. */
export function unmountChroot(rootfs) {
  const done = [];
  for (const p of mountPoints(rootfs).reverse()) {
    if (!mounted(p)) continue;
    const r = spawnSync('umount', [p], { encoding: 'utf8' });
    if (r.status !== 0) {
      const lazy = spawnSync('umount', ['-l', p], { encoding: 'utf8' });
      if (lazy.status !== 0) throw new Error(`cannot unmount ${p}: ${r.stderr.trim()}`);
    }
    done.push(p);
  }
  return done;
}

/**
 * Builds the chroot once (marker file `.lab-chroot` holds the package list): debootstrap, apt config that accepts
 * the mirror's possibly stale Release files, the host's extra CA certificates (registries are reached through a TLS
 * proxy), python3.14 and compilers. Returns true when it had to build.
 */
export function ensureChroot(rootfs, logFile, log) {
  const marker = join(rootfs, '.lab-chroot');
  const wanted = `${SUITE} ${PACKAGES.join(' ')}\n`;
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return false;
  if (!existsSync(join(rootfs, 'usr', 'bin', 'apt-get'))) {
    unmountChroot(rootfs); // never delete through a bind mount of the host's /dev
    rmSync(rootfs, { recursive: true, force: true });
    const mirror = hostMirror();
    log(`building the Debian ${SUITE} chroot with debootstrap from ${mirror} (about a minute; log ${logFile})`);
    const fd = openSync(logFile, 'a');
    try {
      execFileSync('debootstrap', ['--variant=minbase', SUITE, rootfs, mirror, SCRIPT], { stdio: ['ignore', fd, fd] });
    } catch {
      throw new Error(`debootstrap failed:\n${readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n')}`);
    } finally {
      closeSync(fd);
    }
  }
  writeFileSync(join(rootfs, 'etc', 'apt', 'apt.conf.d', '99lab'), 'Acquire::Check-Valid-Until "false";\n');
  copyFileSync('/etc/resolv.conf', join(rootfs, 'etc', 'resolv.conf'));
  const cas = join(rootfs, HOST_CAS.slice(1));
  mkdirSync(cas, { recursive: true });
  if (existsSync(HOST_CAS)) for (const f of readdirSync(HOST_CAS).filter((n) => n.endsWith('.crt'))) copyFileSync(join(HOST_CAS, f), join(cas, f));
  mountChroot(rootfs, null);
  log(`installing ${PACKAGES.join(' ')} in the chroot (log ${logFile})`);
  run(rootfs, ['apt-get', 'update', '-qq'], logFile);
  run(rootfs, ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...PACKAGES], logFile);
  run(rootfs, ['update-ca-certificates'], logFile);
  writeFileSync(marker, wanted);
  return true;
}

/** A venv of python3.14 inside the chroot at `venvInside`, holding exactly `requirementsFile` (hash marker). */
export function ensureChrootVenv(rootfs, venvInside, requirementsFile, installHa, logFile, log, hash) {
  const venv = join(rootfs, venvInside.slice(1));
  const marker = join(venv, '.lab-requirements');
  if (existsSync(join(venv, 'bin', 'hass')) && existsSync(marker) && readFileSync(marker, 'utf8') === hash) return;
  if (!existsSync(join(venv, 'pyvenv.cfg'))) { // (bin/python3 is an absolute symlink, dangling seen from the host)
    log(`creating the python3.14 venv ${venvInside} in the chroot`);
    run(rootfs, ['python3.14', '-m', 'venv', venvInside], logFile);
  }
  const [req, script] = ['/tmp/lab-requirements.txt', '/tmp/lab-install-ha.py'];
  copyFileSync(requirementsFile, join(rootfs, req.slice(1)));
  copyFileSync(installHa, join(rootfs, script.slice(1)));
  log(`installing ${requirementsFile} into the chroot's venv with HA's constraints (first time: a few minutes; log ${logFile})`);
  run(rootfs, [`${venvInside}/bin/python3`, script, req, `${venvInside}/wheels`], logFile);
  writeFileSync(marker, hash);
}
