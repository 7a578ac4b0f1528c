// Where and how the lab's `hass` runs for one version key (lab/versions.mjs): a venv of the host's Python, or a
// venv of python3.14 inside the Debian forky chroot (lab/chroot.mjs). Each returns the same small interface:
//   prepare()        build what is missing (venv, chroot, mounts); idempotent
//   hass(args)       [command, args] that start hass with the given arguments (paths as hass sees them)
//   inside(hostPath) the path hass sees for a host path under the state directory
//   release()        undo prepare()'s mounts; safe after a failed start and when nothing is mounted
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ensureChroot, ensureChrootVenv, inChroot, INSIDE_STATE, mountChroot, unmountChroot } from './chroot.mjs';
import { ensureVenv, INSTALL_HA } from './venv.mjs';
import { VERSIONS } from './versions.mjs';

const VENV_INSIDE = '/opt/ha';

/**
 * [command, args] that run a Python script with the Python of a lab version's Home Assistant (its venv on the host,
 * or inside the chroot, where the script is copied to /tmp first). For tests that read HA's own source.
 */
export function labPython(root, key, script) {
  if (VERSIONS[key].python === 'host') return [join(root, '.lab', key, 'venv', 'bin', 'python'), ['-B', script]];
  const rootfs = join(root, '.lab', 'chroot');
  const inside = `/tmp/lab-${basename(script)}`;
  copyFileSync(script, join(rootfs, inside.slice(1)));
  return inChroot(rootfs, [`${VENV_INSIDE}/bin/python`, '-B', inside]);
}

export function runtime(root, key, stateDir, log) {
  const requirements = join(root, 'lab', 'requirements', `${key}.txt`);
  const pipLog = join(stateDir, 'pip.log');
  if (VERSIONS[key].python === 'host') {
    let bin;
    return {
      prepare() { bin = ensureVenv(join(stateDir, 'venv'), requirements, log, pipLog); },
      hass: (args) => [join(bin, 'hass'), args],
      inside: (p) => p,
      release: () => [],
    };
  }
  const rootfs = join(root, '.lab', 'chroot');
  return {
    prepare() {
      ensureChroot(rootfs, join(root, '.lab', 'chroot.log'), log);
      mountChroot(rootfs, stateDir);
      const hash = createHash('sha256').update(readFileSync(requirements)).digest('hex');
      ensureChrootVenv(rootfs, VENV_INSIDE, requirements, INSTALL_HA, pipLog, log, hash);
    },
    hass: (args) => inChroot(rootfs, [`${VENV_INSIDE}/bin/hass`, ...args]),
    inside: (p) => join(INSIDE_STATE, relative(stateDir, p)),
    release: () => unmountChroot(rootfs),
  };
}
