// The Python side of the floor lab: a venv of the host's Python 3.13 under .lab/<key>/ with the pinned Home Assistant
// (lab/requirements/<key>.txt).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

function findPython313() {
  const pyenv = join(homedir(), '.pyenv', 'versions');
  const candidates = existsSync(pyenv)
    ? readdirSync(pyenv).filter((v) => /^3\.13(\.|$)/.test(v)).sort().reverse().map((v) => join(pyenv, v, 'bin', 'python3'))
    : [];
  candidates.push('python3.13');
  for (const py of candidates) {
    try {
      execFileSync(py, ['-c', 'import sys; assert sys.version_info[:2] == (3, 13)'], { stdio: 'ignore' });
      return py;
    } catch { /* next */ }
  }
  throw new Error('no Python 3.13 found (looked in ~/.pyenv/versions/3.13* and for python3.13 on PATH)');
}

/** Installs a requirements file under HA's own package_constraints.txt (runs with the venv's python). */
export const INSTALL_HA = new URL('install-ha.py', import.meta.url).pathname;

/** Creates or updates the venv so it holds exactly what requirements.txt pins. Returns the venv's bin directory. */
export function ensureVenv(venvDir, requirementsFile, log, pipLog) {
  const bin = join(venvDir, 'bin');
  const marker = join(venvDir, '.lab-requirements');
  const wanted = createHash('sha256').update(readFileSync(requirementsFile)).digest('hex');
  if (existsSync(join(bin, 'hass')) && existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return bin;
  if (!existsSync(join(bin, 'python3'))) {
    const py = findPython313();
    log(`creating the venv with ${py}`);
    execFileSync(py, ['-m', 'venv', venvDir], { stdio: 'inherit' });
  }
  log(`installing ${requirementsFile} into the venv with HA's constraints (first time: several minutes; log ${pipLog})`);
  const fd = openSync(pipLog, 'a');
  try {
    execFileSync(join(bin, 'python3'), [INSTALL_HA, requirementsFile, join(venvDir, 'wheels')], { stdio: ['ignore', fd, fd] });
  } catch {
    const tail = readFileSync(pipLog, 'utf8').split('\n').filter((l) => !l.startsWith('WARNING: Location')).slice(-15).join('\n');
    throw new Error(`pip install failed:\n${tail}`);
  }
  writeFileSync(marker, wanted);
  return bin;
}
