// Background services of the lab: free ports, detached processes with pid files, clean stops.
import { spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** True when nothing listens on 127.0.0.1:port and we may bind it. */
export function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** Lab services listen below the kernel's ephemeral range (32768-60999 on Linux), from which every outgoing
 * connection on this machine takes its local port: a port picked there can be taken by a client between a restart's
 * `down` and `up`. */
const LAB_PORTS = { from: 20000, to: 32000 };

export async function freePort() {
  for (let i = 0; i < 200; i++) {
    const port = LAB_PORTS.from + Math.floor(Math.random() * (LAB_PORTS.to - LAB_PORTS.from));
    if (await portFree(port)) return port;
  }
  throw new Error(`no free port between ${LAB_PORTS.from} and ${LAB_PORTS.to}`);
}

export function alive(pid) {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

export function readPid(pidFile) {
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

/** Starts a detached process whose output goes to logFile and records its pid. */
export function startDetached(cmd, args, { logFile, pidFile, cwd, env }) {
  const fd = openSync(logFile, 'a');
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', fd, fd] });
  child.unref();
  writeFileSync(pidFile, String(child.pid));
  return child.pid;
}

/** SIGTERM, wait up to `graceMs`, then SIGKILL. Removes the pid file. Returns how it ended. */
export async function stop(pidFile, graceMs = 30000) {
  const pid = readPid(pidFile);
  rmSync(pidFile, { force: true });
  if (!pid) return 'not running';
  process.kill(pid, 'SIGTERM');
  const end = Date.now() + graceMs;
  while (Date.now() < end) {
    if (!alive(pid)) return 'stopped';
    await sleep(200);
  }
  process.kill(pid, 'SIGKILL');
  return 'killed';
}

/** Polls `probe` until it returns a truthy value; throws `message` after timeoutMs. */
export async function until(probe, timeoutMs, message) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch { /* not yet */ }
    if (Date.now() > end) throw new Error(message);
    await sleep(500);
  }
}
